"""Writes on hats: request, withdraw, grant, refuse, remove, and the check made
when one is worn.

Every rule lives here. Deciding and removing lock the hat's row, so that two
moderators acting at once cannot both decide: the second one is told the
request was already decided. Grants, refusals and removals are public: each
writes a line of the moderation log (the community's, or the site's for a
site-wide hat) in the same transaction. The private note never leaves the
request.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import ngettext

from causerie.accounts.models import User
from causerie.communities import selectors as community_selectors
from causerie.communities.exceptions import CommunitySuspended
from causerie.communities.models import Community
from causerie.core.events import emit
from causerie.core.validation import check_text, is_web_address
from causerie.hats import exceptions, permissions, selectors
from causerie.hats.events import HatDecided, HatRequested
from causerie.hats.models import Hat, HatStatus

ORGANISATION_MAX = 120
ROLE_MAX = 120
PROOF_URL_MAX = 300
NOTE_MAX = 1000
REASON_MAX = 1000
# Requests per member per rolling 24 hours (CAUSERIE_HAT_REQUESTS_PER_DAY):
# enough to correct a mistake, too few to flood the moderators.
DEFAULT_REQUESTS_PER_DAY = 3
OPEN_STATUSES = (HatStatus.REQUESTED, HatStatus.GRANTED)


def check_wearable(*, actor, community, hat: Hat | None) -> None:
    """Called by publishing services inside their write transaction: a billet
    or comment may wear only one of its author's granted hats, of this
    community or site-wide. The hat's row is read again under lock, so that
    a removal committed since the form was read is seen, and one arriving
    now waits for the billet or comment to be written."""
    if hat is None:
        return
    current = (
        Hat.objects.select_for_update()
        .filter(pk=hat.pk)
        .values("member_id", "status", "community_id")
        .first()
    )
    if (
        current is None
        or current["member_id"] != actor.pk
        or current["status"] != HatStatus.GRANTED
        or current["community_id"] not in (None, community.pk)
    ):
        raise exceptions.HatNotWearable(field="hat")


def requests_per_day() -> int:
    return getattr(settings, "CAUSERIE_HAT_REQUESTS_PER_DAY", DEFAULT_REQUESTS_PER_DAY)


def _clean_text(value: str, *, field: str, limit: int, required: bool) -> str:
    value = (value or "").strip()
    if required and not value:
        raise exceptions.HatFieldRequired(field=field)
    if len(value) > limit:
        raise exceptions.HatTextTooLong(
            exceptions.HatTextTooLong.message % {"limit": limit}, field=field
        )
    return value


def _clean_proof_url(value: str) -> str:
    """A public http(s) address (core.validation.is_web_address)."""
    value = _clean_text(value, field="proof_url", limit=PROOF_URL_MAX, required=True)
    if not is_web_address(value):
        raise exceptions.InvalidProofLink(field="proof_url")
    return value


def request_hat(
    *,
    actor: User,
    community: Community | None,
    organisation: str,
    role: str,
    proof_url: str,
    note_to_moderators: str = "",
) -> Hat:
    """Ask for a hat: in a community the actor belongs to, or site-wide
    (`community=None`, decided by site administrators). Emits HatRequested
    (the deciders are notified); nothing is public until a decision.

    Raises HatFieldRequired, HatTextTooLong or InvalidProofLink (with the
    field), NotAMemberOfTheCommunity, CommunitySuspended, DuplicateHat when an
    open request or a granted hat exists for the same organisation in the same
    scope, HatRequestLimitReached past the daily limit."""
    check_text(
        organisation=organisation or "",
        role=role or "",
        proof_url=proof_url or "",
        note_to_moderators=note_to_moderators or "",
    )
    organisation = _clean_text(
        organisation, field="organisation", limit=ORGANISATION_MAX, required=True
    )
    role = _clean_text(role, field="role", limit=ROLE_MAX, required=True)
    proof_url = _clean_proof_url(proof_url)
    note = _clean_text(
        note_to_moderators, field="note_to_moderators", limit=NOTE_MAX, required=False
    )
    if community is not None and community.is_suspended:
        raise CommunitySuspended()
    is_member = community is not None and community_selectors.is_member(
        member=actor, community=community
    )
    if not permissions.can_request_hat(actor, community, is_member=is_member):
        raise exceptions.NotAMemberOfTheCommunity()
    with transaction.atomic():
        # The member's row serialises their own requests: the daily count and
        # the duplicate check below cannot both pass twice at once.
        User.objects.select_for_update().filter(pk=actor.pk).first()
        mine = Hat.objects.filter(member=actor)
        if mine.filter(
            community=community,
            organisation__iexact=organisation,
            status__in=OPEN_STATUSES,
        ).exists():
            raise exceptions.DuplicateHat(field="organisation")
        limit = requests_per_day()
        since = timezone.now() - timedelta(hours=24)
        if mine.filter(created_at__gte=since).count() >= limit:
            raise exceptions.HatRequestLimitReached(
                ngettext(
                    "You asked for %(count)s hat in the last 24 hours: wait "
                    "until tomorrow to ask for another.",
                    "You asked for %(count)s hats in the last 24 hours: wait "
                    "until tomorrow to ask for another.",
                    limit,
                )
                % {"count": limit}
            )
        try:
            with transaction.atomic():
                hat = Hat.objects.create(
                    member=actor,
                    community=community,
                    organisation=organisation,
                    role=role,
                    proof_url=proof_url,
                    note_to_moderators=note,
                )
        except IntegrityError:
            raise exceptions.DuplicateHat(field="organisation") from None
        emit(HatRequested(hat_id=hat.pk))
    return hat


def _locked_hat(hat_id: int) -> Hat:
    hat = (
        Hat.objects.select_for_update(of=("self",))
        .select_related("community", "member")
        .filter(pk=hat_id)
        .first()
    )
    if hat is None:
        raise exceptions.HatNotFound()
    return hat


def _clean_reason(reason: str, *, required: bool) -> str:
    check_text(reason=reason or "")
    reason = (reason or "").strip()
    if required and not reason:
        raise exceptions.HatReasonRequired(field="reason")
    if len(reason) > REASON_MAX:
        raise exceptions.HatTextTooLong(
            exceptions.HatTextTooLong.message % {"limit": REASON_MAX}, field="reason"
        )
    return reason


def _log(*, actor: User, hat: Hat, action: str, reason: str) -> None:
    from causerie.moderation import services as moderation_services

    moderation_services.record_log_entry(
        community=hat.community,
        actor=actor,
        action=action,
        hat=hat,
        member_id=hat.member_id,
        target_title=hat.label[:200],
        explanation=reason,
    )


def _decide(*, actor: User, hat_id: int, status: str, reason: str) -> Hat:
    from causerie.moderation.models import LogAction

    with transaction.atomic():
        hat = _locked_hat(hat_id)
        is_moderator = selectors.moderates(actor, hat.community)
        if not permissions.can_decide_hat(actor, hat, is_moderator=is_moderator):
            if hat.community is not None and hat.community.is_suspended:
                raise CommunitySuspended()
            raise exceptions.NotAllowedToDecideHat()
        if actor.pk == hat.member_id:  # someone else vouches for the affiliation
            raise exceptions.CannotDecideOwnHat()
        if hat.status != HatStatus.REQUESTED:
            raise exceptions.HatAlreadyDecided()
        # Granting is vouching for an affiliation: the public log says on what.
        reason = _clean_reason(reason, required=True)
        hat.status = status
        hat.decided_by = actor
        hat.decided_at = timezone.now()
        hat.decision_reason = reason
        hat.save(
            update_fields=[
                "status", "decided_by", "decided_at", "decision_reason", "updated_at",
            ]
        )  # fmt: skip
        action = (
            LogAction.HAT_GRANTED
            if status == HatStatus.GRANTED
            else LogAction.HAT_REFUSED
        )
        _log(actor=actor, hat=hat, action=action, reason=reason)
        emit(HatDecided(hat_id=hat.pk, status=status, actor_id=actor.pk))
    return hat


def grant_hat(*, actor: User, hat_id: int, reason: str) -> Hat:
    """A moderator of the hat's community (a site administrator for a
    site-wide hat), other than the member, grants a waiting request with a
    public reason (what was checked). Logs HAT_GRANTED, emits HatDecided.

    Raises HatReasonRequired, HatNotFound, NotAllowedToDecideHat,
    CommunitySuspended, CannotDecideOwnHat, HatAlreadyDecided (decided or
    withdrawn meanwhile)."""
    return _decide(actor=actor, hat_id=hat_id, status=HatStatus.GRANTED, reason=reason)


def refuse_hat(*, actor: User, hat_id: int, reason: str) -> Hat:
    """As `grant_hat`: the reason is public. Logs HAT_REFUSED, emits
    HatDecided."""
    return _decide(actor=actor, hat_id=hat_id, status=HatStatus.REFUSED, reason=reason)


def withdraw_hat_request(*, actor: User, hat_id: int) -> Hat:
    """The member withdraws a request nobody decided on yet. Nothing is
    logged: a request is never public. Raises HatNotFound, NotYourHat,
    HatAlreadyDecided."""
    with transaction.atomic():
        hat = _locked_hat(hat_id)
        if actor.pk != hat.member_id:
            raise exceptions.NotYourHat()
        if hat.status != HatStatus.REQUESTED:
            raise exceptions.HatAlreadyDecided()
        hat.status = HatStatus.WITHDRAWN
        hat.save(update_fields=["status", "updated_at"])
    return hat


def remove_hat(*, actor: User, hat_id: int, reason: str = "") -> Hat:
    """Take a granted hat off: the member themselves (reason optional), or a
    moderator of its community / a site administrator for a site-wide hat
    (reason required). Billets and comments that wore it keep showing it,
    marked removed. Logs HAT_REMOVED, emits HatDecided.

    Raises HatNotFound, NotAllowedToRemoveHat, HatNotGranted,
    HatReasonRequired."""
    from causerie.moderation.models import LogAction

    with transaction.atomic():
        hat = _locked_hat(hat_id)
        is_owner = actor.is_authenticated and actor.pk == hat.member_id
        may_decide = permissions.can_decide_hat(
            actor, hat, is_moderator=selectors.moderates(actor, hat.community)
        )
        if not (is_owner or may_decide):
            raise exceptions.NotAllowedToRemoveHat()
        if hat.status != HatStatus.GRANTED:
            raise exceptions.HatNotGranted()
        reason = _clean_reason(reason, required=not is_owner)
        hat.status = HatStatus.REMOVED
        hat.removed_by = actor
        hat.removed_at = timezone.now()
        hat.removal_reason = reason
        hat.save(
            update_fields=[
                "status", "removed_by", "removed_at", "removal_reason", "updated_at",
            ]
        )  # fmt: skip
        _log(actor=actor, hat=hat, action=LogAction.HAT_REMOVED, reason=reason)
        emit(HatDecided(hat_id=hat.pk, status=HatStatus.REMOVED, actor_id=actor.pk))
    return hat
