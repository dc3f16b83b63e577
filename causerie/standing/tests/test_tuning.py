"""The development-only tuning protocol (causerie/standing/tuning.py)."""

import pytest
from django.core.management import CommandError, call_command

from causerie.standing import evaluation, tuning

DAY = 86400.0


def setting(mrr, hit, rho=0.0, recent=1.0, community=1.0, anonymous=0.05):
    return {
        "pooled": {"mrr": mrr, "hit_at_10": hit},
        "spearman_mean": rho,
        "recent_weight": recent,
        "community_weight": community,
        "anonymous_weight": anonymous,
    }


def test_the_criterion_is_mrr_then_hit_at_10_then_correlation_then_simplicity():
    best_mrr = setting(0.30, 0.40)
    assert tuning.choose([setting(0.25, 0.90), best_mrr]) is best_mrr
    # Within rounding, MRR ties: Hit@10 decides.
    better_hit = setting(0.2999, 0.50)
    assert tuning.choose([best_mrr, better_hit]) is better_hit
    better_rho = setting(0.30, 0.40, rho=0.2)
    assert tuning.choose([best_mrr, better_rho]) is better_rho
    simpler = setting(0.30, 0.40, recent=0.0)
    assert tuning.choose([best_mrr, simpler]) is simpler
    closer_to_one = setting(0.30, 0.40, community=2.0)
    assert tuning.choose([closer_to_one, best_mrr]) is best_mrr


def small_dataset() -> evaluation.Dataset:
    """An expert answering and accepted all along, and askers."""
    users = {1: 0.0, 2: 0.0, 3: 0.0, 4: 0.0}
    questions, answers, accepted = {}, {}, {}
    for i in range(40):
        created = (10 + i * 5) * DAY
        asker = 2 + i % 3
        questions[100 + i] = (asker, created, ["malt"], "malt and hops question")
        answers[1000 + i] = (100 + i, 1, created + DAY, "malt answer")
        answers[2000 + i] = (100 + i, 2 if asker != 2 else 3, created + DAY, "hops")
        accepted[100 + i] = (1000 + i, created + 2 * DAY)
    votes = [("a", 1000 + i, (12 + i * 5) * DAY, 1, 0) for i in range(40)]
    return evaluation.Dataset(users, questions, answers, accepted, votes)


def test_a_run_pools_the_rolling_cuts_and_chooses_in_the_grid():
    grid = {
        "recent_weight": (0.0, 2.0),
        "community_weight": (1.0,),
        "anonymous_weight": (0.05,),
    }
    results = tuning.run(small_dataset(), grid=grid)

    assert [cut["share"] for cut in results["cuts"]] == list(tuning.SHARES)
    routed = sum(cut["routed"] for cut in results["cuts"])
    assert routed > 0
    assert len(results["settings"]) == 2
    for entry in results["settings"]:
        assert entry["pooled"]["routed"] == routed
        assert len(entry["mrr_per_cut"]) == len(tuning.SHARES)
    assert results["chosen"] in results["settings"]
    # The expert answered and was accepted everywhere: found first.
    assert results["chosen"]["pooled"]["mrr"] == 1.0


def test_the_command_refuses_the_evaluation_sets(tmp_path):
    folder = tmp_path / "ai.stackexchange.com"
    folder.mkdir()
    (folder / "Posts.xml").write_text("<posts/>", "utf-8")
    with pytest.raises(CommandError, match="evaluation set"):
        call_command("tune_standing", str(folder), output=str(tmp_path / "t.json"))
