"""`manage.py tune_standing DUMP_DIR --output tuning.json`: choose the
standing and routing parameters on the development set only, by a rolling
origin evaluation (causerie/standing/tuning.py has the protocol).

The dump is imported once, like `evaluate_standing`, into a throwaway SQLite
database; every grid setting then runs in memory on that one dataset. The
evaluation sets are refused: they are only ever run by `evaluate_standing`,
once, with the frozen defaults."""

import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from causerie.standing import tuning


class Command(BaseCommand):
    help = "Tune standing and who-could-answer on the development dump only."

    def add_arguments(self, parser):
        parser.add_argument("dump_dir", help="The development dump's folder.")
        parser.add_argument("--output", required=True, help="Where to write the JSON.")
        parser.add_argument(
            "--dataset-cache",
            help="Pickle of the imported dataset: read if it exists, else written "
            "(to re-run the grid without importing again).",
        )
        parser.add_argument(
            "--in-place",
            action="store_true",
            help="Import into the current database instead of a throwaway one "
            "(used by the throwaway run itself).",
        )

    def handle(self, *args, dump_dir, output, dataset_cache, in_place, **options):
        folder = Path(dump_dir)
        if folder.resolve().name in tuning.EVALUATION_SETS:
            raise CommandError(
                f"{folder.name} is an evaluation set: tune on the development "
                "set (beer.stackexchange.com) only."
            )
        if not (folder / "Posts.xml").is_file():
            raise CommandError(
                f"No Posts.xml in {dump_dir}: is it a Stack Exchange dump?"
            )
        cache = Path(dataset_cache).resolve() if dataset_cache else None
        if cache and cache.is_file():
            dataset = _load(cache)
        elif in_place:
            dataset = _import(folder)
        else:
            with tempfile.TemporaryDirectory(prefix="causerie-tuning-") as scratch:
                imported = Path(scratch) / "dataset.pickle"
                self._throwaway(folder, imported)
                dataset = _load(imported)
        if cache and not cache.is_file():
            with cache.open("wb") as handle:
                pickle.dump(dataset, handle)
        results = tuning.run(dataset)
        Path(output).write_text(json.dumps(results, indent=1), "utf-8")
        self.stdout.write(summary(results))

    def _throwaway(self, folder: Path, cache: Path) -> None:
        """Import in a throwaway database and pickle the dataset there."""
        manage = Path(settings.BASE_DIR) / "manage.py"
        with tempfile.TemporaryDirectory(prefix="causerie-tuning-") as scratch:
            environment = {
                **os.environ,
                "DATABASE_URL": f"sqlite:///{Path(scratch) / 'tuning.sqlite3'}",
            }
            script = (
                "import pickle, sys\n"
                "from causerie.standing.management.commands.tune_standing "
                "import _import\n"
                f"dataset = _import({str(folder)!r})\n"
                f"with open({str(cache)!r}, 'wb') as handle:\n"
                "    pickle.dump(dataset, handle)\n"
            )
            for arguments in (["migrate", "--verbosity", "0"], ["shell", "-c", script]):
                completed = subprocess.run(
                    [sys.executable, str(manage), *arguments],
                    env=environment,
                    check=False,
                    stdout=subprocess.DEVNULL,
                )
                if completed.returncode:
                    raise CommandError(
                        f"{arguments[0]} failed in the throwaway database."
                    )


def _load(path: Path):
    with path.open("rb") as handle:
        # Only ever a file this command wrote.
        return pickle.load(handle)


def _import(folder):
    from causerie.communities.models import Community
    from causerie.standing import evaluation
    from causerie.standing.importer import import_dump
    from causerie.standing.management.commands.evaluate_standing import (
        COMMUNITY_SLUG,
    )

    import_dump(folder, community_slug=COMMUNITY_SLUG, update_search_index=False)
    community = Community.objects.get(slug=COMMUNITY_SLUG)
    return evaluation.dataset_from_community(community=community)


def summary(results: dict, top: int = 10) -> str:
    lines = []
    for cut in results["cuts"]:
        lines.append(
            f"cut {cut['share']:.0%} {cut['cutoff']}: {cut['routed']} routed, "
            f"{cut['winrate_users']} win-rate users"
        )
    total = results["baselines_pooled"]["answer_count"]["routed"]
    lines.append(f"pooled: {total} routed questions")
    for name, metrics in results["baselines_pooled"].items():
        lines.append(
            f"  {name:13} mrr={metrics['mrr']:.3f} hit@10={metrics['hit_at_10']:.3f}"
        )
    lines.append("best settings (recent, community, anonymous, volume exponent):")
    for setting in tuning.ranked(results["settings"])[:top]:
        pooled = setting["pooled"]
        lines.append(
            f"  {setting['recent_weight']:g} {setting['community_weight']:g} "
            f"{setting['anonymous_weight']:g} "
            f"{setting.get('volume_exponent', 0.5):g}: mrr={pooled['mrr']:.3f} "
            f"hit@10={pooled['hit_at_10']:.3f} "
            f"spearman={setting['spearman_mean']:.3f}"
        )
    chosen = results["chosen"]
    lines.append(
        f"chosen: recent_weight={chosen['recent_weight']:g} "
        f"community_weight={chosen['community_weight']:g} "
        f"anonymous_weight={chosen['anonymous_weight']:g} "
        f"volume_exponent={chosen.get('volume_exponent', 0.5):g}"
    )
    return "\n".join(lines) + "\n"
