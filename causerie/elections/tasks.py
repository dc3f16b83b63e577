"""Background work of elections: the clock that moves them."""

from datetime import timedelta

from django_tasks import task

from causerie.core.scheduling import periodic
from causerie.elections import services


@periodic(every=timedelta(minutes=5))
@task()
def advance_elections() -> int:
    """Phases, counts, terms ending and elections falling due."""
    return services.advance_elections()
