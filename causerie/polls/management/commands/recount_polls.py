"""Rebuild the stored counters of every poll from its stored votes."""

from django.core.management.base import BaseCommand

from causerie.polls import services
from causerie.polls.models import Poll


class Command(BaseCommand):
    help = "Recount every poll's votes and voters from the stored ballots."

    def handle(self, *args, **options):
        poll_ids = list(Poll.objects.values_list("pk", flat=True))
        for poll_id in poll_ids:
            services.recount_poll(poll_id=poll_id)
        self.stdout.write(f"{len(poll_ids)} polls recounted.")
