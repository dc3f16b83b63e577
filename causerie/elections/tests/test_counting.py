"""The count: the library's variant, ties, withdrawals, edge cases, and a
property test recounting random elections from their BLT file with a second,
independent implementation (reference_stv.py)."""

import random
from decimal import Decimal
from fractions import Fraction

import pytest
from stvpoll.scottish_stv import calculate_scottish_stv

from causerie.elections import blt, counting
from causerie.elections.tests import reference_stv


def _votes(result_round):
    return {c: Fraction(str(v)) for c, v in result_round.votes.items()}


def test_surplus_transfers_by_weighted_inclusive_gregory():
    # 12 ballots, 2 seats: quota 12 // 3 + 1 = 5.
    ballots = [[1, 2]] * 6 + [[3]] * 4 + [[2]] * 2
    result = counting.count(candidates=3, seats=2, ballots=ballots)
    assert result.quota == 5
    first = result.rounds[0]
    assert (first.status, first.selected) == ("elected", [1])
    # Surplus 1 over 6 ballots: each goes on at 1/6 rounded to 0.16667.
    assert first.transfers == {1: {2: Decimal("1.00002")}}
    assert result.elected == [1, 3]


def test_simultaneous_surpluses_keep_every_vote():
    """Two candidates over quota in one round: the second keeps its own
    ballots while the first's surplus is transferred (the correction made to
    STVPoll's serial transfer)."""
    ballots = [[1, 4]] * 5 + [[2, 1, 4]] * 5 + [[3]] * 2 + [[4]]
    result = counting.count(candidates=4, seats=3, ballots=ballots)
    second = result.rounds[1]
    assert second.votes == {3: Decimal(2), 4: Decimal(3)}
    # Nothing is lost: 2 quotas of 4 + 2 + 3 = 13 ballots.
    assert sum(second.votes.values()) + 2 * result.quota == 13
    # STVPoll's own transfer loses a vote here; this is why we pass ours.
    plain = calculate_scottish_stv(
        candidates=(1, 2, 3, 4),
        ballots={(1, 4): 5, (2, 1, 4): 5, (3,): 2, (4,): 1},
        winners=3,
        allow_random=False,
    )
    assert sum(plain.rounds[1].votes.values()) < 5


def test_exclusion_tie_is_broken_by_earlier_rounds():
    # Round 1 excludes 4, whose ballot goes to 2: 2 and 3 then tie at 3, but
    # 2 had fewer votes in round 1, so 2 goes.
    ballots = [[1]] * 5 + [[2]] * 2 + [[3]] * 3 + [[4, 2]]
    result = counting.count(candidates=4, seats=1, ballots=ballots)
    second = result.rounds[1]
    assert second.votes == {1: 5, 2: 3, 3: 3}
    assert (second.status, second.method, second.selected) == (
        "excluded",
        "history",
        [2],
    )


def test_exclusion_tie_in_every_round_goes_by_lot_order():
    ballots = [[1]] * 2 + [[2]] + [[3]]
    result = counting.count(candidates=3, seats=1, ballots=ballots)
    first = result.rounds[0]
    assert (first.status, first.method, first.selected) == ("excluded", "lot", [3])
    # Same input, same result: no randomness anywhere.
    assert counting.count(candidates=3, seats=1, ballots=ballots).to_json() == (
        result.to_json()
    )


def test_withdrawn_candidates_are_skipped_on_ballots():
    ballots = [[2, 1]] * 3 + [[3]] * 2 + [[1]]
    result = counting.count(candidates=3, seats=1, ballots=ballots, withdrawn=[2])
    assert result.elected == [1]
    assert result.rounds[0].votes == {1: Decimal(4), 3: Decimal(2)}


def test_fewer_candidates_than_seats_are_all_elected():
    result = counting.count(candidates=2, seats=3, ballots=[[1]] * 4)
    assert sorted(result.elected) == [1, 2]
    assert result.rounds[-1].method == "last_standing"


def test_no_candidate_elects_no_one():
    result = counting.count(candidates=0, seats=3, ballots=[])
    assert result.elected == []
    assert result.rounds == []
    withdrawn = counting.count(candidates=1, seats=1, ballots=[[1]], withdrawn=[1])
    assert withdrawn.elected == []


def test_blank_ballots_do_not_count_towards_the_quota():
    result = counting.count(candidates=2, seats=1, ballots=[[1]] * 3 + [[]] * 5)
    assert (result.valid_ballots, result.blank_ballots, result.quota) == (3, 5, 2)


def test_blt_round_trip():
    text = blt.write(
        blt.Blt(
            candidates=['Amélie "la" Fondatrice (@amelie)', "Hugo (@hugo)"],
            seats=1,
            ballots=[[1, 2], [2], []],
            withdrawn=[2],
            title="Élection n°1",
        )
    )
    assert text.splitlines()[:6] == ["2 1", "-2", "1 1 2 0", "1 2 0", "1 0", "0"]
    parsed = blt.parse(text)
    assert parsed.ballots == [[1, 2], [2], []]
    assert parsed.withdrawn == [2]
    assert parsed.candidates[0] == "Amélie 'la' Fondatrice (@amelie)"
    assert parsed.title == "Élection n°1"


@pytest.mark.parametrize("bad", ["", "2 1\n1 3 0\n0\n", "2 1\n1 1\n0\n"])
def test_blt_parse_rejects_broken_files(bad):
    with pytest.raises(blt.BltError):
        blt.parse(bad)


def _random_election(rng: random.Random):
    candidates = rng.randint(1, 7)
    seats = rng.randint(1, 4)
    withdrawn = [c for c in range(1, candidates + 1) if rng.random() < 0.12]
    # Few "parties" of similar ballots make surpluses and ties frequent.
    patterns = [
        rng.sample(range(1, candidates + 1), rng.randint(0, candidates))
        for _ in range(rng.randint(1, 5))
    ]
    ballots = []
    for _ in range(rng.randint(0, 40)):
        if rng.random() < 0.7:
            ballots.append(list(rng.choice(patterns)))
        else:
            ballots.append(
                rng.sample(range(1, candidates + 1), rng.randint(0, candidates))
            )
    return candidates, seats, withdrawn, ballots


@pytest.mark.parametrize("seed", range(300))
def test_property_blt_recount_by_reference_matches_published(seed):
    """Publish (count + BLT), read the BLT back, recount it with the
    reference implementation: same elected, same rounds, same votes."""
    rng = random.Random(seed)
    candidates, seats, withdrawn, ballots = _random_election(rng)
    published = counting.count(
        candidates=candidates, seats=seats, ballots=ballots, withdrawn=withdrawn
    )
    shuffled = list(ballots)
    rng.shuffle(shuffled)
    text = blt.write(
        blt.Blt(
            candidates=[f"Candidat {n}" for n in range(1, candidates + 1)],
            seats=seats,
            ballots=shuffled,
            withdrawn=withdrawn,
            title=f"Seed {seed}",
        )
    )
    parsed = blt.parse(text)
    elected, rounds = reference_stv.count(
        len(parsed.candidates), parsed.seats, parsed.ballots, parsed.withdrawn
    )
    assert published.elected == elected
    assert [(r.status, r.selected) for r in published.rounds] == [
        (status, selected) for status, selected, _votes in rounds
    ]
    for ours, (_status, _selected, votes) in zip(published.rounds, rounds, strict=True):
        assert _votes(ours) == votes
