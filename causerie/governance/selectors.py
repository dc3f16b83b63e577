"""Reads on mandates."""

from django.db.models import QuerySet

from causerie.governance.models import Mandate


def current_mandates(*, community) -> QuerySet[Mandate]:
    return (
        Mandate.objects.filter(community=community, ended_at__isnull=True)
        .select_related("holder")
        .order_by("started_at")
    )


def moderated_community_ids(*, member) -> set[int]:
    if not member.is_authenticated:
        return set()
    return set(
        Mandate.objects.filter(holder=member, ended_at__isnull=True).values_list(
            "community_id", flat=True
        )
    )
