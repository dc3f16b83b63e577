"""Writes on mandates."""

from django.db import transaction
from django.utils import timezone

from causerie.accounts.models import User
from causerie.governance.models import Mandate


@transaction.atomic
def grant_founding_mandate(*, community, founder: User) -> Mandate:
    """Called by `found_community` only: the founder moderates until the first election."""
    return Mandate.objects.create(
        community=community,
        holder=founder,
        kind=Mandate.Kind.FOUNDING,
        started_at=timezone.now(),
    )


@transaction.atomic
def end_mandates_of_departing_member(*, community, member: User) -> int:
    """A moderator who leaves the community stops moderating it."""
    return Mandate.objects.filter(
        community=community, holder=member, ended_at__isnull=True
    ).update(ended_at=timezone.now())
