"""Enqueue periodic tasks when due; runs beside the task worker."""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from causerie.core.scheduling import PERIODIC_TASKS


class Command(BaseCommand):
    help = "Enqueue periodic tasks when they are due (run beside db_worker)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Enqueue every task once and exit."
        )
        parser.add_argument("--tick", type=float, default=30.0)

    def handle(self, *args, once: bool, tick: float, **options):
        next_run = {index: timezone.now() for index in range(len(PERIODIC_TASKS))}
        while True:
            now = timezone.now()
            for index, periodic_task in enumerate(PERIODIC_TASKS):
                if now >= next_run[index]:
                    periodic_task.task.enqueue()
                    next_run[index] = now + periodic_task.every
                    self.stdout.write(f"enqueued {periodic_task.task.name}")
            if once:
                return
            time.sleep(tick)
