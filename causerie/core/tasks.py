"""Background tasks of the core: event handler runner and housekeeping."""

from datetime import timedelta
from importlib import import_module

from django.utils import timezone
from django_tasks import task

from causerie.core.events import EVENT_TYPES
from causerie.core.scheduling import periodic


@task()
def run_handler(handler_path: str, event_name: str, payload: dict) -> None:
    module_name, _, function_name = handler_path.rpartition(".")
    handler = getattr(import_module(module_name), function_name)
    handler(EVENT_TYPES[event_name](**payload))


@periodic(every=timedelta(hours=24))
@task()
def prune_finished_tasks() -> int:
    """Keep the task table small: finished results older than a week go."""
    from django.apps import apps

    if not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    deleted, _ = (
        DBTaskResult.objects.finished()
        .filter(finished_at__lt=timezone.now() - timedelta(days=7))
        .delete()
    )
    return deleted
