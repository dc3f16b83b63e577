"""Background tasks of standing."""

from datetime import timedelta

from django_tasks import task

from causerie.core.scheduling import periodic
from causerie.standing import services


@periodic(every=timedelta(minutes=5))
@task()
def recompute_stale_standings() -> int:
    """Full recomputation of communities whose recognitions changed (debounced)
    or that were not recomputed for a day."""
    return services.recompute_stale()


@task()
def recompute_community_standing(community_id: int) -> None:
    from causerie.communities.models import Community

    community = Community.objects.filter(pk=community_id).first()
    if community is not None:
        services.recompute_community(community=community)
