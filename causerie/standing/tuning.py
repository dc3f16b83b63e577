"""Choosing the standing and routing parameters on the development set only
(docs/recognition.md, "How the parameters were chosen").

The protocol, fixed before any figure was looked at:

- Data: `beer.stackexchange.com` only. The evaluation sets are refused by
  `manage.py tune_standing`; they are run once, with the frozen defaults, by
  `manage.py evaluate_standing`.
- Rolling origin: cuts at 50%, 60%, 70% and 80% of the questions by creation
  date; at each cut the engine sees only what happened before it, exactly as
  `evaluation.evaluate` does at 70%. The routed questions of every cut are
  pooled (a question after the 80% cut is routed four times, each time with
  a different past: four prediction tasks).
- Grid: `GRID` below, the three parameters the first tuning had settled after
  a look at the evaluation sets; every other parameter keeps its default.
- Criterion (`choose`): the highest pooled MRR of Causerie's "who could
  answer" (rounded to three decimals: closer settings tie), ties going to the
  higher pooled Hit@10 (also to three decimals), then to the higher mean
  win-rate correlation over the cuts, then to the simpler setting (lower
  recent weight, then community weight closer to 1, then lower anonymous
  weight, then the volume exponent closer to the first value, 0.5).
- The volume exponent of the standing score (score = mass / (contributions +
  prior) ** exponent; 1 is `per_contribution`) was added to the grid after
  the first evaluation had shown a win-rate tie on ai.stackexchange.com. The
  routing ranks by mass, so the exponent changes only the win-rate part and
  is decided by the mean win-rate correlation.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime
from itertools import product

import numpy as np

from causerie.standing import engine, evaluation

SHARES = (0.5, 0.6, 0.7, 0.8)
GRID = {
    "recent_weight": (0.0, 1.0, 2.0, 3.0, 5.0),
    "community_weight": (0.5, 1.0, 2.0, 3.0),
    "anonymous_weight": (0.02, 0.05, 0.1, 0.2),
    "volume_exponent": (0.5, 0.75, 1.0),
}
# Dumps that must never be used to choose parameters.
EVALUATION_SETS = frozenset(
    {
        "ai.stackexchange.com",
        "beer.stackexchange.com-2020-06",
        "french.meta.stackexchange.com",
    }
)
TIE = 0.001


def _pooled(ranks: list) -> dict:
    metrics = evaluation._rank_metrics(ranks)
    metrics["routed"] = len(ranks)
    return metrics


def standing_scores(model: evaluation.Model, exponent: float) -> dict[int, float]:
    """Community-wide standing at the cut with another volume exponent: the
    ranking the win-rate correlation reads (relative scaling does not matter
    to a rank correlation)."""
    result = model.result
    mask = result.domain == 0
    prior = engine.Parameters().contribution_prior
    values = result.mass[mask] / (result.contributions[mask] + prior) ** exponent
    values = np.where(result.score[mask] > 0, values, 0.0)
    return {
        model.member_ids[m]: float(v)
        for m, v in zip(result.member[mask], values, strict=True)
    }


def run(dataset: evaluation.Dataset, *, shares=SHARES, grid=None) -> dict:
    """Every grid setting on every rolling cut; the engine runs once per
    (cut, anonymous weight), the routing once per setting and cut."""
    grid = grid or GRID
    cuts = [evaluation.cutoff(dataset, share) for share in shares]
    per_cut = []
    baseline_ranks = {"answer_count": [], "zscore": []}
    questions_at = []
    baselines_at = []
    for share, cut in zip(shares, cuts, strict=True):
        baselines = evaluation.baseline_scores(dataset, cut)
        questions = evaluation.routed_questions(dataset, cut, baselines["answer_count"])
        ranks = evaluation.baseline_ranks(baselines, questions)
        for name in baseline_ranks:
            baseline_ranks[name].extend(ranks[name])
        questions_at.append(questions)
        baselines_at.append(baselines)
        per_cut.append(
            {
                "share": share,
                "cutoff": datetime.fromtimestamp(cut, UTC).isoformat(),
                "routed": len(questions),
                "baselines": {name: _pooled(r) for name, r in ranks.items()},
            }
        )

    settings = []
    for anonymous_weight in grid["anonymous_weight"]:
        params = replace(engine.Parameters(), anonymous_weight=anonymous_weight)
        models = []
        correlations = []
        users = []
        exponents = grid.get("volume_exponent", (engine.Parameters().volume_exponent,))
        by_exponent = {exponent: [] for exponent in exponents}
        for cut, baselines in zip(cuts, baselines_at, strict=True):
            model = evaluation.build_model(dataset, cut, params)
            models.append(model)
            rho, n_users = evaluation.winrate_correlations(
                dataset, cut, {"causerie": model.scores(0), **baselines}
            )
            correlations.append(rho)
            users.append(n_users)
            for exponent, values in by_exponent.items():
                variant, _n = evaluation.winrate_correlations(
                    dataset, cut, {"causerie": standing_scores(model, exponent)}
                )
                values.append(variant["causerie"])
        for recent_weight, community_weight in product(
            grid["recent_weight"], grid["community_weight"]
        ):
            routing = replace(
                evaluation.Routing(),
                recent_weight=recent_weight,
                community_weight=community_weight,
            )
            pooled = []
            cut_mrr = []
            for model, questions in zip(models, questions_at, strict=True):
                _rows, ranks = evaluation.route(model, questions, routing)
                pooled.extend(ranks)
                cut_mrr.append(evaluation._rank_metrics(ranks)["mrr"])
            for exponent, rhos in by_exponent.items():
                settings.append(
                    {
                        "recent_weight": recent_weight,
                        "community_weight": community_weight,
                        "anonymous_weight": anonymous_weight,
                        "volume_exponent": exponent,
                        "pooled": _pooled(pooled),
                        "mrr_per_cut": cut_mrr,
                        "spearman_per_cut": rhos,
                        "spearman_mean": sum(rhos) / len(rhos),
                    }
                )
        for entry, rho, n_users in zip(per_cut, correlations, users, strict=True):
            entry.setdefault("winrate_users", n_users)
            entry.setdefault(
                "baseline_spearman",
                {name: rho[name] for name in ("answer_count", "zscore")},
            )
    chosen = choose(settings)
    return {
        "shares": list(shares),
        "grid": {name: list(values) for name, values in grid.items()},
        "cuts": per_cut,
        "baselines_pooled": {name: _pooled(r) for name, r in baseline_ranks.items()},
        "settings": settings,
        "chosen": chosen,
    }


def _key(setting: dict):
    """Sort key, best first: the criterion of the module docstring."""
    pooled = setting["pooled"]
    return (
        -round(pooled["mrr"] / TIE),
        -round(pooled["hit_at_10"] / TIE),
        -setting["spearman_mean"],
        setting["recent_weight"],
        abs(math.log(setting["community_weight"])),
        setting["anonymous_weight"],
        abs(setting.get("volume_exponent", 0.5) - 0.5),
    )


def choose(settings: list[dict]) -> dict:
    return min(settings, key=_key)


def ranked(settings: list[dict]) -> list[dict]:
    return sorted(settings, key=_key)
