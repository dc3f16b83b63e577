"""Background tasks of notifications: emails sent one by one ("immediately") with
retries, and the daily digest."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from causerie.core.scheduling import periodic
from causerie.notifications import selectors, services

RETRY_DELAY = timedelta(minutes=5)  # times the attempt number


@task()
def send_notification_email(notification_id: int) -> str:
    """django-tasks does not retry: a failed send enqueues itself again (later,
    when the backend can defer) until the notification records three attempts."""
    outcome = services.send_notification_email(notification_id=notification_id)
    if outcome == services.EmailOutcome.RETRY:
        retry = send_notification_email
        if retry.get_backend().supports_defer:
            attempts = selectors.email_attempts(notification_id=notification_id)
            retry = retry.using(run_after=timezone.now() + RETRY_DELAY * attempts)
        retry.enqueue(notification_id)
    return outcome


@periodic(every=timedelta(hours=24))
@task()
def send_daily_digests() -> int:
    """One digest task per member with something to send, so that one failing
    address does not hold up the others."""
    member_ids = selectors.members_due_a_digest()
    for member_id in member_ids:
        send_digest.enqueue(member_id)
    return len(member_ids)


@task()
def send_digest(member_id: int) -> str:
    return services.send_digest(member_id=member_id)
