"""`manage.py recompute_standing [--community SLUG]`: fully recompute
standing, contribution profiles and suspicious clusters now (the periodic
task does it in the background; see docs/recognition.md)."""

import time

from django.core.management.base import BaseCommand, CommandError

from causerie.communities.models import Community
from causerie.standing import services


class Command(BaseCommand):
    help = "Recompute standing for one community or all of them."

    def add_arguments(self, parser):
        parser.add_argument("--community", help="Slug (default: every community).")

    def handle(self, *args, community=None, **options):
        communities = Community.objects.order_by("pk")
        if community:
            communities = communities.filter(slug=community)
            if not communities.exists():
                raise CommandError(f"No community with the slug {community!r}.")
        for item in communities:
            started = time.perf_counter()
            result = services.recompute_community(community=item)
            self.stdout.write(
                f"{item.slug}: {len(result.member)} standings, "
                f"{len(result.clusters)} suspicious clusters, "
                f"{time.perf_counter() - started:.1f} s"
            )
