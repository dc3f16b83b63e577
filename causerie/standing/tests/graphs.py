"""Small hand-made recognition graphs for the engine tests."""

import numpy as np

from causerie.standing import engine

DAY = engine.DAY
START = 1_600_000_000.0


class Graph:
    """Build engine inputs by naming members and items."""

    def __init__(self):
        self.members: dict[str, float] = {}
        self.items: list[tuple[str, str, tuple[int, ...]]] = []
        self.recognitions: list[tuple[str, int, float, int, bool]] = []
        self.votes: list[tuple[int, int, int]] = []

    def member(self, name: str, *, joined_day: float = 0.0) -> str:
        self.members[name] = START + joined_day * DAY
        return name

    def item(self, author: str, *, owner: str | None = None, tags=(1,)) -> int:
        self.items.append((author, owner or author, tuple(tags)))
        return len(self.items) - 1

    def recognise(
        self, recogniser: str, item: int, *, day: float = 400.0, tag=-1, accepted=False
    ):
        self.recognitions.append((recogniser, item, START + day * DAY, tag, accepted))

    def vote(self, item: int, up: int, down: int = 0):
        self.votes.append((item, up, down))

    def inputs(self, order=None) -> tuple[engine.Inputs, list[str]]:
        names = sorted(self.members)
        index = {name: i for i, name in enumerate(names)}
        recognitions = list(self.recognitions)
        votes = list(self.votes)
        if order is not None:
            order.shuffle(recognitions)
            order.shuffle(votes)
        tag_item = [i for i, (_a, _o, tags) in enumerate(self.items) for _t in tags]
        tag_domain = [t for _a, _o, tags in self.items for t in tags]
        return (
            engine.Inputs(
                n_members=len(names),
                n_domains=1 + max(tag_domain, default=0),
                joined_at=np.array([self.members[n] for n in names]),
                item_author=np.array([index[a] for a, _o, _t in self.items], np.int64),
                item_owner=np.array([index[o] for _a, o, _t in self.items], np.int64),
                item_tag_item=np.array(tag_item, np.int64),
                item_tag_domain=np.array(tag_domain, np.int64),
                rec_recogniser=np.array([index[r[0]] for r in recognitions], np.int64),
                rec_item=np.array([r[1] for r in recognitions], np.int64),
                rec_at=np.array([r[2] for r in recognitions], float),
                rec_domain=np.array([r[3] for r in recognitions], np.int64),
                rec_accepted=np.array([r[4] for r in recognitions], bool),
                anon_item=np.array([v[0] for v in votes], np.int64),
                anon_up=np.array([v[1] for v in votes], float),
                anon_down=np.array([v[2] for v in votes], float),
            ),
            names,
        )

    def scores(self, domain: int = 0, params=None, order=None) -> dict[str, float]:
        inputs, names = self.inputs(order)
        result = engine.compute(inputs, params)
        members, values = result.column(domain)
        return {names[m]: float(v) for m, v in zip(members, values, strict=True)}
