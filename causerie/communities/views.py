"""Community pages: list, found, detail (feed), members, join/leave, tags,
tag pages (follow, mute) and the Atom feeds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from causerie.communities import health, permissions, selectors, services
from causerie.communities.exceptions import (
    GuideChangedWhileReading,
    HealthIsForMembers,
    NotAModerator,
)
from causerie.communities.feeds import CommunityFeed, TagFeed
from causerie.communities.forms import CommunityForm, TagForm
from causerie.core.exceptions import DomainError
from causerie.core.forms import attach_error, attach_refusal
from causerie.core.views import handles_domain_errors
from causerie.governance import selectors as governance_selectors
from causerie.governance.forms import JoinForm
from causerie.publishing import selectors as publishing_selectors
from causerie.transparency import selectors as transparency_selectors

# ?sourdine=afficher lists the billets of muted tags too.
SHOW_MUTED = "afficher"


def community_list(request):
    page = selectors.all_communities(page=request.GET.get("page", 1))
    return render(request, "communities/community_list.html", {"page": page})


@login_required
def community_create(request):
    form = CommunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            community = services.found_community(
                actor=request.user, **form.cleaned_data
            )
        except DomainError as error:
            if error.field == "text":  # the guide's refusals name the guide text
                error.field = "guide"
            attach_error(form, error)
        else:
            messages.success(
                request,
                _("Your community is open. Add a few tags, then write its first post."),
            )
            return redirect(community)
    return render(request, "communities/community_form.html", {"form": form})


@handles_domain_errors
def community_detail(request, slug):
    community = selectors.community_by_slug(slug=slug)
    order = request.GET.get("tri", "recent")
    if order not in publishing_selectors.FEED_ORDERS:
        order = "recent"
    show_muted = request.GET.get("sourdine") == SHOW_MUTED
    intent = transparency_selectors.intent_filter(request.GET.get("intention"))
    page = publishing_selectors.community_feed(
        community=community,
        viewer=request.user,
        order=order,
        page=request.GET.get("page", 1),
        show_muted=show_muted,
        intent=intent.intent,
    )
    roles = selectors.viewer_roles(viewer=request.user, community=community)
    return render(
        request,
        "communities/community_detail.html",
        {
            "community": community,
            "page": page,
            "intent_filter": intent,
            "intent_links": transparency_selectors.intent_filter_links(
                current=intent, params=request.GET
            ),
            "order": order,
            "show_muted": show_muted,
            "muted_count": publishing_selectors.muted_post_count(
                viewer=request.user, community=community
            ),
            "moderators": governance_selectors.current_mandates(community=community),
            "recent_members": selectors.recent_members(community=community),
            "tags": selectors.community_tags(community=community),
            **governance_selectors.guide_status(
                viewer=request.user, community=community
            ),
            **roles,
        },
    )


@handles_domain_errors
def community_feed(request, slug):
    return CommunityFeed()(request, slug=slug)


@handles_domain_errors
def tag_detail(request, slug, tag_slug):
    community = selectors.community_by_slug(slug=slug)
    tag = selectors.tag_for_page(
        community=community, tag_slug=tag_slug, viewer=request.user
    )
    intent = transparency_selectors.intent_filter(request.GET.get("intention"))
    return render(
        request,
        "communities/tag_detail.html",
        {
            "community": community,
            "tag": tag,
            "page": publishing_selectors.tag_feed(
                tag=tag,
                viewer=request.user,
                page=request.GET.get("page", 1),
                intent=intent.intent,
            ),
            "intent_filter": intent,
            "intent_links": transparency_selectors.intent_filter_links(
                current=intent, params=request.GET
            ),
            "can_follow": permissions.can_follow_tag(request.user, community),
            **selectors.viewer_roles(viewer=request.user, community=community),
        },
    )


@login_required
@require_POST
@handles_domain_errors
def tag_follow(request, slug, tag_slug):
    """Follow the tag (followed=1) or stop following it (0)."""
    community = selectors.community_by_slug(slug=slug)
    tag = selectors.tag_for_page(
        community=community, tag_slug=tag_slug, viewer=request.user
    )
    if request.POST.get("followed") == "0":
        services.unfollow_tag(actor=request.user, tag=tag)
        messages.success(
            request, _("You no longer follow the tag %(tag)s.") % {"tag": tag.name}
        )
    else:
        services.follow_tag(actor=request.user, tag=tag)
        messages.success(request, _("You follow the tag %(tag)s.") % {"tag": tag.name})
    return redirect("communities:tag-detail", slug=community.slug, tag_slug=tag.slug)


@login_required
@require_POST
@handles_domain_errors
def tag_mute(request, slug, tag_slug):
    """Mute the tag (muted=1) or stop muting it (0)."""
    community = selectors.community_by_slug(slug=slug)
    tag = selectors.tag_for_page(
        community=community, tag_slug=tag_slug, viewer=request.user
    )
    if request.POST.get("muted") == "0":
        services.unmute_tag(actor=request.user, tag=tag)
        messages.success(
            request,
            _("Posts tagged %(tag)s show in the listings again.") % {"tag": tag.name},
        )
    else:
        services.mute_tag(actor=request.user, tag=tag)
        messages.success(
            request,
            _("Posts tagged %(tag)s are now left out of your listings.")
            % {"tag": tag.name},
        )
    return redirect("communities:tag-detail", slug=community.slug, tag_slug=tag.slug)


@handles_domain_errors
def tag_feed(request, slug, tag_slug):
    return TagFeed()(request, slug=slug, tag_slug=tag_slug)


@handles_domain_errors
def community_members(request, slug):
    community = selectors.community_by_slug(slug=slug)
    page = selectors.community_members(
        community=community, page=request.GET.get("page", 1)
    )
    return render(
        request,
        "communities/community_members.html",
        {
            "community": community,
            "page": page,
            "moderators": governance_selectors.current_mandates(community=community),
            "can_co_opt": governance_selectors.holds_founding_mandate(
                member=request.user, community=community
            ),
            "moderator_ids": selectors.moderator_ids(community=community),
            **selectors.viewer_roles(viewer=request.user, community=community),
        },
    )


@login_required
@handles_domain_errors
def community_join(request, slug):
    """GET shows the current guide; POST joins with the version number read."""
    community = selectors.community_by_slug(slug=slug)
    roles = selectors.viewer_roles(viewer=request.user, community=community)
    if roles["is_member"]:
        return redirect(community)
    form = JoinForm(request.POST or None)
    changed_while_reading = None
    if request.method == "POST" and form.is_valid():
        try:
            services.join_community(
                actor=request.user,
                community=community,
                accepted_guide_version=form.cleaned_data["version"],
            )
        except GuideChangedWhileReading as error:
            changed_while_reading = error.message
        else:
            messages.success(
                request, _("Welcome to %(name)s.") % {"name": community.name}
            )
            return redirect(community)
    version = governance_selectors.current_guide(community=community)
    return render(
        request,
        "governance/guide_join.html",
        {
            "community": community,
            "form": form,
            "version": version,
            "policy_rows": governance_selectors.policy_rows(version=version),
            "changed_while_reading": changed_while_reading,
            "can_join": permissions.can_join_community(
                request.user, community, is_member=roles["is_member"]
            ),
            **roles,
        },
    )


@login_required
@require_POST
@handles_domain_errors
def community_leave(request, slug):
    community = selectors.community_by_slug(slug=slug)
    services.leave_community(actor=request.user, community=community)
    messages.success(request, _("You have left %(name)s.") % {"name": community.name})
    return redirect(community)


@login_required
@handles_domain_errors
def community_edit(request, slug):
    community = selectors.community_by_slug(slug=slug)
    roles = selectors.viewer_roles(viewer=request.user, community=community)
    if not roles["is_moderator"]:
        raise NotAModerator()
    initial = {
        "name": community.name,
        "description": community.description,
        "language": community.language,
    }
    form = CommunityForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_community(
                actor=request.user, community=community, **form.cleaned_data
            )
        except DomainError as error:
            if error.status != 400:
                raise
            attach_error(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(community)
    return render(
        request,
        "communities/community_edit.html",
        {"form": form, "community": community, **roles},
    )


@login_required
@handles_domain_errors
def tag_list(request, slug):
    community = selectors.community_by_slug(slug=slug)
    roles = selectors.viewer_roles(viewer=request.user, community=community)
    form = TagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_tag(
                actor=request.user, community=community, **form.cleaned_data
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(request, _("Tag added."))
            return redirect("communities:tags", slug=community.slug)
    return render(
        request,
        "communities/tag_list.html",
        {
            "community": community,
            "tags": selectors.community_tags(community=community),
            "form": form,
            **roles,
        },
    )


@login_required
@handles_domain_errors
def tag_edit(request, slug, tag_id):
    community = selectors.community_by_slug(slug=slug)
    tag = selectors.tag_in(community=community, tag_id=tag_id)
    roles = selectors.viewer_roles(viewer=request.user, community=community)
    if not roles["is_moderator"]:
        raise NotAModerator()
    initial = {"name": tag.name, "description": tag.description}
    form = TagForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_tag(actor=request.user, tag=tag, **form.cleaned_data)
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(request, _("Tag saved."))
            return redirect("communities:tags", slug=community.slug)
    return render(
        request,
        "communities/tag_edit.html",
        {"community": community, "tag": tag, "form": form, **roles},
    )


@login_required
@require_POST
@handles_domain_errors
def tag_delete(request, slug, tag_id):
    community = selectors.community_by_slug(slug=slug)
    tag = selectors.tag_in(community=community, tag_id=tag_id)
    services.delete_tag(actor=request.user, tag=tag)
    messages.success(request, _("Tag removed."))
    return redirect("communities:tags", slug=community.slug)


@login_required
@handles_domain_errors
def community_health(request, slug):
    community = selectors.community_by_slug(slug=slug)
    roles = selectors.viewer_roles(viewer=request.user, community=community)
    if not permissions.can_view_health(request.user, **roles):
        raise HealthIsForMembers()
    return render(
        request,
        "communities/community_health.html",
        {
            "community": community,
            "health": health.community_health(community=community),
            **roles,
        },
    )
