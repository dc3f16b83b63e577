"""Notifications about hats (run as background tasks): a request reaches
whoever decides on it, a decision or a removal reaches the member."""

from django.urls import reverse

from causerie.accounts import selectors as account_selectors
from causerie.communities import selectors as community_selectors
from causerie.core.events import handles
from causerie.hats.events import HatDecided, HatRequested
from causerie.hats.models import Hat


def _notify(*, member_ids, hat: Hat, kind: str, subject_type: str, url: str, actor_id):
    from causerie.notifications import services as notification_services

    return notification_services.notify_members(
        member_ids=member_ids,
        kind=kind,
        subject_type=subject_type,
        subject_url=url,
        subject_title=hat.label,
        actor_id=actor_id,
        community_id=hat.community_id,
    )


def decider_ids(hat: Hat) -> set[int]:
    """The community's moderators, or the site administrators for a site-wide
    hat."""
    if hat.community_id is None:
        return account_selectors.site_administrator_ids()
    return community_selectors.moderator_ids(community=hat.community)


@handles(HatRequested)
def notify_hat_requested(event) -> None:
    from causerie.notifications.models import Notification

    hat = Hat.objects.filter(pk=event.hat_id).select_related("community").first()
    if hat is None or not hat.is_open:
        return
    if hat.community_id is None:
        queue, scope = reverse("hats:site-queue"), "site"
    else:
        queue = reverse("hats:queue", kwargs={"slug": hat.community.slug})
        scope = "community"
    _notify(
        member_ids=decider_ids(hat),
        hat=hat,
        kind=Notification.Kind.HAT_REQUESTED,
        subject_type=scope,
        url=f"{queue}#casquette-{hat.pk}",
        actor_id=hat.member_id,
    )


@handles(HatDecided)
def notify_hat_decided(event) -> None:
    """The member hears of the grant, the refusal or the removal (not of a hat
    they took off themselves)."""
    from causerie.notifications.models import Notification

    hat = Hat.objects.filter(pk=event.hat_id).first()
    if hat is None:
        return
    url = f"{reverse('hats:mine')}?decision={event.status}#casquette-{hat.pk}"
    _notify(
        member_ids=[hat.member_id],
        hat=hat,
        kind=Notification.Kind.HAT_DECIDED,
        subject_type=event.status,
        url=url,
        actor_id=event.actor_id,
    )
