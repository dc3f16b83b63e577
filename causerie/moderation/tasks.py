"""Background tasks of moderation."""

from datetime import timedelta

from django_tasks import task

from causerie.core.scheduling import periodic
from causerie.moderation import services


@periodic(every=timedelta(hours=1))
@task()
def escalate_overdue_appeals() -> int:
    return services.escalate_overdue_appeals()
