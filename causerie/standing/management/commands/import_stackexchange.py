"""`manage.py import_stackexchange DUMP_DIR --community SLUG`: load a Stack
Exchange site dump into a community (docs/import.md). Safe to run again: only
what is missing is added, and an interrupted run resumes."""

from django.core.management.base import BaseCommand, CommandError

from causerie.accounts.models import User
from causerie.core.exceptions import DomainError
from causerie.standing.importer import BATCH_SIZE, import_dump


class Command(BaseCommand):
    help = "Import a Stack Exchange site dump (folder of XML files) into a community."

    def add_arguments(self, parser):
        parser.add_argument("dump_dir", help="Folder holding Posts.xml, Users.xml...")
        parser.add_argument(
            "--community",
            required=True,
            help="Slug of the community (created if missing).",
        )
        parser.add_argument(
            "--name", default=None, help="Name of the community when it is created."
        )
        parser.add_argument(
            "--language",
            default="en",
            help="Language of a created community and of the attribution lines.",
        )
        parser.add_argument(
            "--site",
            default=None,
            help="The site's address (default: the folder's name up to .com/.net/.org).",
        )
        parser.add_argument(
            "--founder",
            default=None,
            help="Handle of the founder of a created community (default: the "
            "first site administrator, else the 'import' system member).",
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        parser.add_argument(
            "--no-search-index",
            action="store_true",
            help="Leave the search index alone (run rebuild_search_index later).",
        )

    def handle(self, *args, **options):
        founder = None
        if options["founder"]:
            founder = User.objects.filter(handle=options["founder"].lower()).first()
            if founder is None:
                raise CommandError(f"No member with the handle {options['founder']!r}.")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        try:
            report = import_dump(
                options["dump_dir"],
                community_slug=options["community"],
                stdout=self.stdout,
                site=options["site"],
                community_name=options["name"],
                language=options["language"],
                founder=founder,
                batch_size=options["batch_size"],
                update_search_index=not options["no_search_index"],
            )
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        created = ", ".join(f"{k}: {v}" for k, v in sorted(report.created.items()) if v)
        skipped = ", ".join(f"{k}: {v}" for k, v in sorted(report.skipped.items()) if v)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {report.site} into /c/{options['community']}/. "
                f"Created: {created or 'nothing new'}."
            )
        )
        if skipped:
            self.stdout.write(f"Left out: {skipped}.")
