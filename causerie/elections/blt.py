"""The BLT ballot format, read by common STV counting programs (OpenSTV,
Droop, ElectionBuddy's recount tools...):

    4 2              candidates seats
    -3               withdrawn candidates (optional line, negative numbers)
    1 1 2 0          weight, preferences by candidate number, 0
    1 0              a blank ballot
    0                end of ballots
    "Name 1"         one line per candidate, in number order
    "Title"
"""

from dataclasses import dataclass


class BltError(ValueError):
    pass


@dataclass
class Blt:
    candidates: list[str]
    seats: int
    ballots: list[list[int]]
    withdrawn: list[int]
    title: str


def _quoted(text: str) -> str:
    # The format has no escape: a double quote would end the name early.
    clean = " ".join(text.replace('"', "'").split())
    return f'"{clean}"'


def write(blt: Blt) -> str:
    lines = [f"{len(blt.candidates)} {blt.seats}"]
    if blt.withdrawn:
        lines.append(" ".join(f"-{number}" for number in sorted(blt.withdrawn)))
    for ballot in blt.ballots:
        lines.append(" ".join(["1", *map(str, ballot), "0"]))
    lines.append("0")
    lines.extend(_quoted(name) for name in blt.candidates)
    lines.append(_quoted(blt.title))
    return "\n".join(lines) + "\n"


def parse(text: str) -> Blt:
    """Read a BLT file; ballots of weight w are repeated w times."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    try:
        candidate_count, seats = (int(part) for part in lines[0].split())
        position = 1
        withdrawn = []
        if lines[position].startswith("-"):
            withdrawn = [-int(part) for part in lines[position].split()]
            position += 1
        ballots = []
        while lines[position] != "0":
            weight, *preferences = (int(part) for part in lines[position].split())
            if not preferences or preferences[-1] != 0:
                raise BltError(f"ballot line {position + 1} does not end with 0")
            preferences = preferences[:-1]
            if any(not 1 <= n <= candidate_count for n in preferences):
                raise BltError(f"unknown candidate on line {position + 1}")
            ballots.extend([list(preferences)] * weight)
            position += 1
        names = [
            line.strip('"')
            for line in lines[position + 1 : position + 1 + candidate_count]
        ]
        title = lines[position + 1 + candidate_count].strip('"')
    except (IndexError, ValueError) as error:
        raise BltError(str(error)) from error
    if len(names) != candidate_count:
        raise BltError("missing candidate names")
    return Blt(
        candidates=names, seats=seats, ballots=ballots, withdrawn=withdrawn, title=title
    )
