"""Decisions, appeals against them, and their review by someone else."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from causerie.communities import selectors as community_selectors
from causerie.core.exceptions import DomainError, NotAllowed
from causerie.core.forms import attach_refusal
from causerie.core.views import handles_domain_errors
from causerie.moderation import permissions, selectors, services
from causerie.moderation.appeal_forms import AppealDecisionForm, AppealForm
from causerie.moderation.exceptions import (
    AppealNeedsAnotherModerator,
    ItemNotFound,
    NotAModerator,
    NotYourDecision,
)


def _appeal_of(decision):
    """The appeal against a decision, or None (loaded by the selector)."""
    return getattr(decision, "appeal", None)


def _decision_redirect(community, decision):
    return redirect("moderation:decision", slug=community.slug, decision_id=decision.pk)


@handles_domain_errors
def decision_detail(request, slug, decision_id):
    community = community_selectors.community_by_slug(slug=slug)
    decision = selectors.decision_in(community=community, decision_id=decision_id)
    appeal = _appeal_of(decision)
    roles = community_selectors.viewer_roles(viewer=request.user, community=community)
    is_member_concerned = permissions.can_appeal(request.user, decision)
    return render(
        request,
        "moderation/decision_detail.html",
        {
            "community": community,
            "decision": decision,
            "appeal": appeal,
            "is_member_concerned": is_member_concerned,
            # The appeal's own text is between the member and the moderators.
            "can_read_appeal": is_member_concerned
            or roles["is_moderator"]
            or request.user.is_superuser,
            "can_file_appeal": permissions.can_file_appeal(
                request.user,
                decision,
                has_appeal=appeal is not None,
                now=timezone.now(),
            ),
            "appeal_deadline": permissions.appeal_deadline(decision),
            "can_review": appeal is not None
            and appeal.status != appeal.Status.DECIDED
            and permissions.can_review_appeal(
                request.user, appeal, is_moderator=roles["is_moderator"]
            ),
        },
    )


@login_required
@handles_domain_errors
def appeal_create(request, slug, decision_id):
    community = community_selectors.community_by_slug(slug=slug)
    decision = selectors.decision_in(community=community, decision_id=decision_id)
    if not permissions.can_appeal(request.user, decision):
        raise NotYourDecision()
    appeal = _appeal_of(decision)
    form = AppealForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_decision(
                actor=request.user,
                decision_id=decision.pk,
                text=form.cleaned_data["text"],
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your appeal is filed. A moderator other than the one who "
                    "decided will review it; you will be notified of the outcome."
                ),
            )
            return _decision_redirect(community, decision)
    return render(
        request,
        "moderation/appeal_form.html",
        {
            "community": community,
            "decision": decision,
            "appeal": appeal,
            "form": form,
            "can_file_appeal": permissions.can_file_appeal(
                request.user,
                decision,
                has_appeal=appeal is not None,
                now=timezone.now(),
            ),
            "appeal_deadline": permissions.appeal_deadline(decision),
        },
    )


@login_required
@handles_domain_errors
def appeal_list(request, slug):
    community = community_selectors.community_by_slug(slug=slug)
    roles = community_selectors.viewer_roles(viewer=request.user, community=community)
    if not roles["is_moderator"]:
        raise NotAModerator()
    page = selectors.appeals_to_review_page(
        community=community, viewer=request.user, page=request.GET.get("page", 1)
    )
    return render(
        request,
        "moderation/appeal_list.html",
        {"community": community, "page": page, **roles},
    )


@login_required
@handles_domain_errors
def appeal_decide(request, slug, appeal_id):
    appeal = selectors.appeal_in(appeal_id=appeal_id)
    decision = appeal.decision
    community = decision.community
    if community.slug != slug:
        raise ItemNotFound()
    roles = community_selectors.viewer_roles(viewer=request.user, community=community)
    if not permissions.can_review_appeal(
        request.user, appeal, is_moderator=roles["is_moderator"]
    ):
        if request.user.pk == decision.moderator_id:
            raise AppealNeedsAnotherModerator()
        raise NotAModerator()
    form = AppealDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_appeal(
                actor=request.user,
                appeal_id=appeal.pk,
                outcome=form.cleaned_data["outcome"],
                explanation=form.cleaned_data["explanation"],
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(
                request,
                _(
                    "The appeal is decided. The outcome is in the public log and "
                    "the member is notified."
                ),
            )
            return _decision_redirect(community, decision)
    return render(
        request,
        "moderation/appeal_decide.html",
        {
            "community": community,
            "decision": decision,
            "appeal": appeal,
            "form": form,
            **roles,
        },
    )


@login_required
@handles_domain_errors
def escalated_appeals(request):
    if not request.user.is_superuser:
        raise NotAllowed()
    page = selectors.escalated_appeals_page(page=request.GET.get("page", 1))
    return render(request, "moderation/escalated_appeals.html", {"page": page})
