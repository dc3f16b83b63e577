"""Background tasks of accounts: the daily recount of trust levels."""

from datetime import timedelta

from django_tasks import task

from causerie.accounts import services
from causerie.core.scheduling import periodic


@periodic(every=timedelta(hours=24))
@task()
def recompute_trust_levels() -> int:
    """Levels of members active in the trust window; level 3 is lost below 90%
    of its requirements (docs/moderation.md)."""
    return services.recompute_all_trust_levels()
