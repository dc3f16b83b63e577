"""Member pages: public profile, profile settings, muting, language, and the
page explaining trust levels."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from causerie.accounts import selectors, services, trust
from causerie.accounts.feeds import MemberPostsFeed
from causerie.accounts.forms import LanguageForm, ProfileForm
from causerie.communities import selectors as community_selectors
from causerie.core.exceptions import DomainError
from causerie.core.forms import attach_error
from causerie.core.views import handles_domain_errors
from causerie.hats import selectors as hat_selectors
from causerie.publishing import selectors as publishing_selectors
from causerie.standing import pages as standing_pages
from causerie.transparency import selectors as transparency_selectors
from causerie.transparency import services as transparency_services


@handles_domain_errors
def profile(request, handle):
    member = selectors.member_by_handle(handle=handle)
    communities = community_selectors.member_communities(member=member)
    return render(
        request,
        "accounts/profile.html",
        {
            "member": member,
            "trust_level_name": trust.level_name(member.trust_level),
            "communities": communities,
            "self_promotion_shares": transparency_selectors.profile_shares(
                member=member, viewer=request.user
            ),
            "posts": publishing_selectors.member_posts(member=member),
            "comments": publishing_selectors.member_comments(member=member),
            "is_muted": member.pk in selectors.muted_member_ids(viewer=request.user),
            "standing_sections": standing_pages.profile_sections(member=member),
            "hats": hat_selectors.profile_hats(member=member, viewer=request.user),
        },
    )


@handles_domain_errors
def profile_feed(request, handle):
    return MemberPostsFeed()(request, handle=handle)


@login_required
def profile_edit(request):
    member = request.user
    initial = {
        "display_name": member.display_name,
        "bio": member.bio,
        "links": "\n".join(member.links),
        "own_sites": "\n".join(
            transparency_selectors.displayed_site(site) for site in member.own_sites
        ),
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        own_sites = form.cleaned_data.pop("own_sites")
        try:
            services.update_profile(
                actor=request.user, member=member, **form.cleaned_data
            )
            transparency_services.set_own_sites(
                actor=request.user, member=member, sites=own_sites
            )
        except DomainError as error:
            attach_error(form, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect(member)
    return render(request, "accounts/profile_edit.html", {"form": form})


@login_required
@require_POST
@handles_domain_errors
def mute(request, handle):
    if request.POST.get("muted") == "0":
        services.unmute_member(actor=request.user, handle=handle)
        messages.success(
            request, _("You see @%(handle)s's messages again.") % {"handle": handle}
        )
    else:
        services.mute_member(actor=request.user, handle=handle)
        messages.success(
            request,
            _("@%(handle)s's posts and comments are now collapsed for you.")
            % {"handle": handle},
        )
    return redirect("accounts:profile", handle=handle)


@require_POST
def set_language(request):
    """Switch the interface language; remembered on the profile when signed in."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        next_url = "/"
    response = redirect(next_url)
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            services.set_language(actor=request.user, language=language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


def trust_levels(request):
    """What each trust level asks and unlocks, with the thresholds in force."""
    viewer_level = request.user.trust_level if request.user.is_authenticated else None
    return render(
        request,
        "accounts/trust_levels.html",
        {
            **trust.explanation(),
            "viewer_level": viewer_level,
            "viewer_level_name": trust.level_name(viewer_level or 0),
        },
    )
