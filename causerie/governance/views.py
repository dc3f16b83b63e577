"""Participation guide pages: current guide, versions, diff, acceptance; the
guide changes through the amendment pages (views_votes.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from causerie.accounts import selectors as account_selectors
from causerie.communities import selectors as community_selectors
from causerie.communities import services as community_services
from causerie.communities.exceptions import GuideChangedWhileReading
from causerie.core.views import handles_domain_errors
from causerie.governance import selectors, services
from causerie.governance.forms import CompareForm, GuideAcceptanceForm
from causerie.governance.views_votes import (  # noqa: F401
    amendment_detail,
    amendment_list,
    amendment_propose,
    amendment_revise,
    amendment_revision,
    amendment_vote,
    amendment_withdraw,
    recall_detail,
    recall_list,
    recall_sign,
    recall_start,
    recall_vote,
)


def _context(request, slug):
    community = community_selectors.community_by_slug(slug=slug)
    return {
        "community": community,
        **community_selectors.viewer_roles(viewer=request.user, community=community),
    }


def _version_context(version) -> dict:
    return {"version": version, "policy_rows": selectors.policy_rows(version=version)}


@handles_domain_errors
def guide(request, slug):
    context = _context(request, slug)
    community = context["community"]
    version = selectors.current_guide(community=community)
    return render(
        request,
        "governance/guide_detail.html",
        {
            **context,
            **_version_context(version),
            **selectors.guide_status(viewer=request.user, community=community),
            "is_current": True,
            "open_amendments": selectors.open_amendment_count(community=community),
        },
    )


@handles_domain_errors
def version_list(request, slug):
    context = _context(request, slug)
    community = context["community"]
    latest = community.guide_version_number
    return render(
        request,
        "governance/guide_versions.html",
        {
            **context,
            "page": selectors.guide_versions(
                community=community, page=request.GET.get("page", 1)
            ),
            "compare_form": CompareForm(
                initial={"de": max(latest - 1, 1), "a": latest}, latest=latest
            ),
        },
    )


@handles_domain_errors
def version_detail(request, slug, number):
    context = _context(request, slug)
    community = context["community"]
    version = selectors.guide_version(community=community, number=number)
    return render(
        request,
        "governance/guide_detail.html",
        {
            **context,
            **_version_context(version),
            "is_current": version.number == community.guide_version_number,
        },
    )


@handles_domain_errors
def version_compare(request, slug):
    context = _context(request, slug)
    community = context["community"]
    latest = community.guide_version_number
    comparison, status = None, 200
    if "de" in request.GET or "a" in request.GET:
        form = CompareForm(request.GET, latest=latest)
        if form.is_valid():
            comparison = selectors.guide_comparison(
                community=community,
                before=form.cleaned_data["de"],
                after=form.cleaned_data["a"],
            )
        else:
            status = 400
    else:
        form = CompareForm(
            initial={"de": max(latest - 1, 1), "a": latest}, latest=latest
        )
    return render(
        request,
        "governance/guide_compare.html",
        {**context, "form": form, "comparison": comparison},
        status=status,
    )


@login_required
@handles_domain_errors
def accept(request, slug):
    context = _context(request, slug)
    community = context["community"]
    if not context["is_member"]:
        return redirect("communities:join", slug=community.slug)
    form = GuideAcceptanceForm(request.POST or None)
    changed_while_reading = None
    if request.method == "POST" and form.is_valid():
        try:
            community_services.accept_guide(
                actor=request.user,
                community=community,
                version_number=form.cleaned_data["version"],
            )
        except GuideChangedWhileReading as error:
            changed_while_reading = error.message
        else:
            messages.success(
                request,
                _("You have accepted version %(number)s of the guide.")
                % {"number": form.cleaned_data["version"]},
            )
            return redirect(community)
    status = selectors.guide_status(viewer=request.user, community=community)
    if not status["guide_needs_acceptance"] and changed_while_reading is None:
        messages.info(request, _("You have already accepted the current guide."))
        return redirect("governance:guide", slug=community.slug)
    current = selectors.current_guide(community=community)
    comparison = None
    if status["accepted_guide_version"]:
        comparison = selectors.guide_comparison(
            community=community,
            before=status["accepted_guide_version"],
            after=current.number,
        )
    return render(
        request,
        "governance/guide_accept.html",
        {
            **context,
            **_version_context(current),
            **status,
            "comparison": comparison,
            "changed_while_reading": changed_while_reading,
        },
    )


@login_required
@require_POST
@handles_domain_errors
def co_opt(request, slug, handle):
    """A founding moderator asks a member to moderate with them (until the
    first election)."""
    community = community_selectors.community_by_slug(slug=slug)
    member = account_selectors.member_by_handle(handle=handle)
    services.co_opt_moderator(actor=request.user, community=community, member=member)
    messages.success(
        request,
        _("@%(handle)s now moderates the community with you.") % {"handle": handle},
    )
    return redirect("communities:members", slug=community.slug)
