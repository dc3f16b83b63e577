"""A second STV count, written only for the tests, from the variant's
description in docs/governance.md (not from STVPoll): exact fractions, the
5-decimal rounding of ballot weights applied where the rule says.

count(candidates, seats, ballots, withdrawn) -> (elected, rounds), rounds being
(status, selected, {candidate: votes}) with votes as Fractions.
"""

from fractions import Fraction

PLACES = Fraction(1, 100_000)


def _round5(value: Fraction) -> Fraction:
    """Round to 5 decimal places, ties to even."""
    return round(value / PLACES) * PLACES


class _Paper:
    def __init__(self, preferences):
        self.preferences = preferences
        self.weight = Fraction(1)

    def first_among(self, group):
        for candidate in self.preferences:
            if candidate in group:
                return candidate
        return None


def count(candidates: int, seats: int, ballots, withdrawn=()):
    withdrawn = set(withdrawn)
    standing = [c for c in range(1, candidates + 1) if c not in withdrawn]
    papers = []
    for ballot in ballots:
        kept = [c for c in ballot if c in standing]
        if kept:
            papers.append(_Paper(kept))
    if not standing:
        return [], []
    quota = len(papers) // (seats + 1) + 1
    to_elect = min(seats, len(standing))
    elected, rounds = [], []

    def tally():
        votes = {c: Fraction(0) for c in standing}
        group = set(standing)
        for paper in papers:
            holder = paper.first_among(group)
            if holder is not None:
                votes[holder] += paper.weight
        return votes

    def by_votes_then_lot(group, votes):
        return sorted(group, key=lambda c: (-votes[c], c))

    while len(elected) < to_elect:
        votes = tally()
        if len(standing) <= to_elect - len(elected):
            chosen = by_votes_then_lot(standing, votes)
            rounds.append(("elected", chosen, votes))
            elected += chosen
            break
        reached = [c for c in standing if votes[c] >= quota]
        if reached:
            chosen = by_votes_then_lot(reached, votes)
            rounds.append(("elected", chosen, votes))
            elected += chosen
            standing = [c for c in standing if c not in chosen]
            pending = list(chosen)
            running = dict(votes)
            while pending:
                current = pending.pop(0)
                keep = Fraction(running[current] - quota, 1) / running[current]
                held_by = set(standing) | set(pending) | {current}
                onward = set(standing) | set(pending)
                for paper in papers:
                    if paper.first_among(held_by) != current:
                        continue
                    paper.weight = _round5(paper.weight * keep)
                    target = paper.first_among(onward)
                    if target is not None:
                        running[target] += paper.weight
            continue
        fewest = min(votes[c] for c in standing)
        tied = [c for c in standing if votes[c] == fewest]
        for earlier in reversed([r[2] for r in rounds]):
            if len(tied) == 1:
                break
            low = min(earlier[c] for c in tied)
            tied = [c for c in tied if earlier[c] == low]
        # The lot: the candidate listed later goes first.
        loser = max(tied)
        rounds.append(("excluded", [loser], votes))
        standing = [c for c in standing if c != loser]
    return elected, rounds
