"""Background tasks of governance: votes open and close at their deadlines."""

from datetime import timedelta

from django_tasks import task

from causerie.core.scheduling import periodic
from causerie.governance import services


# Deadlines are in days; a few minutes late is fine, a missed close is not.
@periodic(every=timedelta(minutes=5))
@task()
def advance_votes() -> int:
    """Open amendment votes whose discussion ended, close votes past their
    deadline (amendments and recalls). Returns how many phases changed."""
    return services.advance()
