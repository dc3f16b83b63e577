"""Rebuild the search index from the billets, comments and members."""

from django.core.management.base import BaseCommand, CommandParser

from causerie.search import services


class Command(BaseCommand):
    help = (
        "Index every billet, comment and member again (after an upgrade, a bulk "
        "import, or to repair the index). Safe while the site runs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch-size",
            type=int,
            default=services.BATCH_SIZE,
            help="Items indexed per transaction (default %(default)s).",
        )
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only index what has no search document yet.",
        )

    def handle(self, *args, batch_size: int, missing: bool, **options) -> None:
        last_shown = -1

        def progress(done: int, total: int) -> None:
            nonlocal last_shown
            percent = 100 if total == 0 else done * 100 // total
            if percent != last_shown:
                last_shown = percent
                self.stdout.write(f"{percent:3d} % ({done}/{total})")

        written = services.rebuild_index(
            batch_size=max(1, batch_size), only_missing=missing, progress=progress
        )
        self.stdout.write(
            self.style.SUCCESS(f"Search index: {written} documents written.")
        )
