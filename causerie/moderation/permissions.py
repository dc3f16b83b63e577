"""Who may flag, decide and review appeals. Functions work on loaded rows."""

from datetime import timedelta

from django.conf import settings


def can_flag(actor, *, author_id: int, is_member: bool) -> bool:
    return actor.is_authenticated and is_member and actor.pk != author_id


def trust_allows_flagging(actor) -> bool:
    return flags_per_day(actor) > 0


def flags_per_day(actor) -> int:
    limits = settings.CAUSERIE_FLAGS_PER_DAY
    return limits.get(actor.trust_level, limits[max(limits)])


def can_moderate(actor, community, *, is_moderator: bool) -> bool:
    return actor.is_authenticated and is_moderator and not community.is_suspended


def can_appeal(actor, decision) -> bool:
    return actor.is_authenticated and actor.pk == decision.member_id


def appeal_deadline(decision):
    """Until when the member concerned may appeal (CAUSERIE_APPEAL_DAYS)."""
    return decision.created_at + timedelta(days=settings.CAUSERIE_APPEAL_DAYS)


def can_file_appeal(actor, decision, *, has_appeal: bool, now) -> bool:
    """Whether to offer the appeal form: the member concerned, once, in time."""
    return (
        can_appeal(actor, decision)
        and not has_appeal
        and now <= appeal_deadline(decision)
    )


def can_review_appeal(actor, appeal, *, is_moderator: bool) -> bool:
    """Fresh eyes: any moderator but the one who decided; site administrators
    once the appeal is escalated."""
    if not actor.is_authenticated:
        return False
    if actor.pk == appeal.decision.moderator_id:
        return False
    if actor.is_superuser and appeal.status == appeal.Status.ESCALATED:
        return True
    return is_moderator
