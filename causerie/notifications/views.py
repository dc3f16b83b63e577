"""Notification pages."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from causerie.notifications import selectors, services
from causerie.notifications.models import Notification


@login_required
def notification_list(request):
    page = selectors.member_notifications(
        member=request.user, page=request.GET.get("page", 1)
    )
    return render(request, "notifications/notification_list.html", {"page": page})


@login_required
@require_POST
def mark_all_read(request):
    services.mark_read(actor=request.user)
    return redirect("notifications:list")


@login_required
@require_POST
def open_notification(request, notification_id: int):
    """Mark one notification read, then go to what it is about."""
    services.mark_read(actor=request.user, notification_ids=[notification_id])
    notification = selectors.notification_for(
        member=request.user, notification_id=notification_id
    )
    if notification is None:
        return redirect("notifications:list")
    if notification.decision_id:
        return redirect(_decision_target(notification))
    if notification.comment_id:
        return redirect(notification.comment.get_absolute_url())
    return redirect(notification.post.get_absolute_url())


def _decision_target(notification) -> str:
    """Moderation notifications open the decision, or the appeal to review."""
    decision = notification.decision
    slug = decision.community.slug
    appeal = getattr(decision, "appeal", None)
    if notification.kind == Notification.Kind.APPEAL_TO_REVIEW and appeal:
        return reverse(
            "moderation:appeal-decide", kwargs={"slug": slug, "appeal_id": appeal.pk}
        )
    return reverse(
        "moderation:decision", kwargs={"slug": slug, "decision_id": decision.pk}
    )
