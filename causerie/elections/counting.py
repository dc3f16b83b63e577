"""Single transferable vote, counted by STVPoll's Scottish STV.

The variant (docs/governance.md names it for members and recounters):
- quota: Droop, floor(valid ballots / (seats + 1)) + 1, where blank ballots
  (and ballots ranking only withdrawn candidates) are not valid;
- every candidate at or above the quota is elected at once; their surpluses
  are transferred one after the other, largest first (equal ones in lot
  order), by the weighted inclusive Gregory method: every ballot the
  candidate holds goes on at its weight * surplus / votes, rounded to 5
  decimal places (half to even), to its next preference among the candidates
  still standing or still waiting for their own surplus transfer;
- otherwise the candidate with fewest votes is excluded and their ballots go
  on at their current weight;
- once the candidates still standing are no more than the seats left, they
  are all elected;
- ties (who to exclude) are broken by the most recent earlier round in which
  the tied candidates had different votes (fewest is excluded), then by the
  published lot order: the candidate listed later is excluded first.

Candidates are identified by their position in `order` (1-based), which is
also their number in the BLT file.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from stvpoll.scottish_stv import calculate_scottish_stv
from stvpoll.tiebreak_strategies import TiebreakHistory, TiebreakRandom
from stvpoll.types import CandidateStatus, SelectionMethod, VoteTransfers

VARIANT = "Scottish STV (STVPoll 0.5.6): Droop quota, weighted inclusive Gregory"


@dataclass
class Round:
    number: int
    # "elected" or "excluded"
    status: str
    # "direct", "history", "lot" or "last_standing"
    method: str
    selected: list[int]
    votes: dict[int, Decimal]
    transfers: dict[int, dict[int, Decimal]] = field(default_factory=dict)
    exhausted: Decimal = Decimal(0)


@dataclass
class CountResult:
    seats: int
    candidates: list[int]
    withdrawn: list[int]
    quota: int
    valid_ballots: int
    blank_ballots: int
    elected: list[int]
    rounds: list[Round]

    def to_json(self) -> dict:
        return {
            "seats": self.seats,
            "candidates": self.candidates,
            "withdrawn": self.withdrawn,
            "quota": self.quota,
            "valid_ballots": self.valid_ballots,
            "blank_ballots": self.blank_ballots,
            "elected": self.elected,
            "rounds": [
                {
                    "number": r.number,
                    "status": r.status,
                    "method": r.method,
                    "selected": r.selected,
                    "votes": {str(c): str(v) for c, v in r.votes.items()},
                    "transfers": {
                        str(source): {str(t): str(v) for t, v in targets.items()}
                        for source, targets in r.transfers.items()
                    },
                    "exhausted": str(r.exhausted),
                }
                for r in self.rounds
            ],
        }


_METHODS = {
    SelectionMethod.Direct: "direct",
    SelectionMethod.TiebreakHistory: "history",
    SelectionMethod.TiebreakRandom: "lot",
    SelectionMethod.NoCompetition: "last_standing",
}


def transfer_serial_exact(
    *, ballots, vote_count, transfers, standing, quota, decrease_value
):
    """STVPoll's serial transfer (stvpoll.transfer_strategies.transfer_serial),
    passed through its `transfer_strategy` hook, with one correction: while
    the surplus of one of several candidates elected in the same round is
    transferred, the ballots held by the others waiting for their own transfer
    stay theirs. STVPoll 0.5.6 counts those ballots as the first candidate's
    too (their weight is cut twice and the total of votes drops); see
    docs/governance.md and test_counting.py."""
    log = VoteTransfers()
    exhausted = Decimal(0)
    queue = list(transfers)
    while queue:
        candidate = queue.pop(0)
        votes = vote_count[candidate]
        ratio = (votes - quota) / votes if decrease_value else Decimal(1)
        holders = (candidate, *queue, *standing)
        for ballot in ballots:
            if ballot.get_next_preference(holders) != candidate:
                continue
            ballot.decrease_value(ratio)
            target = ballot.get_next_preference((*standing, *queue))
            if target is None:
                exhausted += ballot.value
            else:
                log[(candidate, target)] += ballot.value
        vote_count = {
            target: value + log[(candidate, target)]
            for target, value in vote_count.items()
        }
    return log, exhausted, {candidate: vote_count[candidate] for candidate in standing}


def count(
    *, candidates: int, seats: int, ballots: list[list[int]], withdrawn=()
) -> CountResult:
    """Count `ballots` (lists of candidate numbers 1..candidates, first
    preference first) for `seats` seats; candidate numbers are the lot order."""
    withdrawn = sorted(set(withdrawn))
    standing = tuple(n for n in range(1, candidates + 1) if n not in withdrawn)
    grouped: Counter = Counter()
    blank = 0
    for ballot in ballots:
        kept = tuple(n for n in ballot if n in standing)
        if kept:
            grouped[kept] += 1
        else:
            blank += 1
    result = CountResult(
        seats=seats,
        candidates=list(range(1, candidates + 1)),
        withdrawn=withdrawn,
        quota=0,
        valid_ballots=sum(grouped.values()),
        blank_ballots=blank,
        elected=[],
        rounds=[],
    )
    if not standing or seats < 1:
        return result
    transfers_made = []

    def recording_transfer(**kwargs):
        log, exhausted, votes = transfer_serial_exact(**kwargs)
        transfers_made.append((log, exhausted))
        return log, exhausted, votes

    counted = calculate_scottish_stv(
        candidates=standing,
        ballots=dict(grouped),
        winners=min(seats, len(standing)),
        # No randomness: the lot is the published candidate order.
        tiebreak_strategies=(
            TiebreakHistory(),
            TiebreakRandom(candidates=standing, shuffle=False),
        ),
        transfer_strategy=recording_transfer,
    )
    result.quota = counted.quota
    result.elected = list(counted)
    pending = iter(transfers_made)
    for number, counted_round in enumerate(counted.rounds, start=1):
        method = _METHODS.get(counted_round.selection_method, "direct")
        row = Round(
            number=number,
            status="elected"
            if counted_round.status == CandidateStatus.Elected
            else "excluded",
            method=method,
            selected=list(counted_round.selected),
            votes=dict(counted_round.votes),
        )
        if method != "last_standing":
            log, exhausted = next(pending)
            for (source, target), value in sorted(log.items()):
                if not value:
                    continue
                row.transfers.setdefault(source, {})[target] = value
            row.exhausted = exhausted
        result.rounds.append(row)
    return result
