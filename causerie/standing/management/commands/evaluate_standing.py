"""`manage.py evaluate_standing DUMP_DIR --output results.json`: the proof that
standing rewards recognition, not volume (docs/recognition.md, "Evaluation").

The dump is imported into a throwaway SQLite database (a temporary folder,
migrated, deleted at the end) through the Stack Exchange importer, and
evaluated at a time cut: 70% of questions by creation date are the past; only
events dated before the cut reach the computation."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

COMMUNITY_SLUG = "evaluation"


class Command(BaseCommand):
    help = "Evaluate standing and who-could-answer on a Stack Exchange dump."

    def add_arguments(self, parser):
        parser.add_argument("dump_dir", help="Folder holding Posts.xml, Votes.xml...")
        parser.add_argument("--output", required=True, help="Where to write the JSON.")
        parser.add_argument(
            "--share",
            type=float,
            default=0.7,
            help="Share of questions (by creation date) before the cut.",
        )
        parser.add_argument(
            "--in-place",
            action="store_true",
            help="Import into the current database instead of a throwaway one "
            "(used by the throwaway run itself and by tests).",
        )

    def handle(self, *args, dump_dir, output, share, in_place, **options):
        if not (Path(dump_dir) / "Posts.xml").is_file():
            raise CommandError(
                f"No Posts.xml in {dump_dir}: is it a Stack Exchange dump?"
            )
        if not 0 < share < 1:
            raise CommandError("--share must be between 0 and 1.")
        if in_place:
            results = evaluate_dump(dump_dir, share=share, stdout=self.stdout)
            Path(output).write_text(json.dumps(results, indent=1), "utf-8")
        else:
            self._throwaway(dump_dir, output, share)
        with open(output, encoding="utf-8") as handle:
            results = json.load(handle)
        self.stdout.write(summary(results))

    def _throwaway(self, dump_dir, output, share) -> None:
        manage = Path(settings.BASE_DIR) / "manage.py"
        with tempfile.TemporaryDirectory(prefix="causerie-evaluation-") as folder:
            environment = {
                **os.environ,
                "DATABASE_URL": f"sqlite:///{Path(folder) / 'evaluation.sqlite3'}",
            }
            for arguments in (
                ["migrate", "--verbosity", "0"],
                [
                    "evaluate_standing",
                    str(dump_dir),
                    "--output",
                    str(Path(output).resolve()),
                    "--share",
                    str(share),
                    "--in-place",
                ],
            ):
                completed = subprocess.run(
                    [sys.executable, str(manage), *arguments],
                    env=environment,
                    check=False,
                    stdout=subprocess.DEVNULL,
                )
                if completed.returncode:
                    raise CommandError(
                        f"{' '.join(arguments[:1])} failed in the throwaway database."
                    )


def evaluate_dump(dump_dir, *, share: float = 0.7, stdout=None) -> dict:
    """Import the dump into the current database and evaluate it."""
    from causerie.communities.models import Community
    from causerie.standing import evaluation
    from causerie.standing.importer import import_dump

    import_dump(dump_dir, community_slug=COMMUNITY_SLUG, update_search_index=False)
    community = Community.objects.get(slug=COMMUNITY_SLUG)
    dataset = evaluation.dataset_from_community(community=community)
    return evaluation.evaluate(dataset, share=share)


def summary(results: dict) -> str:
    lines = [f"cutoff {results['cutoff']}, {len(results['routing'])} routed questions"]
    for name, metrics in results["methods"].items():
        figures = " ".join(f"{key}={value:.3f}" for key, value in metrics.items())
        rho = results["spearman_winrate"][name]
        lines.append(f"  {name:13} {figures} spearman_winrate={rho:.3f}")
    return "\n".join(lines) + "\n"
