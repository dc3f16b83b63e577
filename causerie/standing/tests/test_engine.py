"""The standing computation on small graphs where the right answer is known."""

import random

import numpy as np
import pytest

from causerie.standing import engine
from causerie.standing.tests.graphs import Graph


def established_community(graph: Graph, size: int = 6) -> list[str]:
    """Experts who joined long ago and recognise one another's work."""
    experts = [graph.member(f"expert{i}", joined_day=40 * i) for i in range(size)]
    for author in experts:
        item = graph.item(author)
        for recogniser in experts:
            if recogniser != author:
                graph.recognise(recogniser, item, day=300)
    return experts


def test_quiet_expert_recognised_by_experts_beats_prolific_poster_recognised_by_newcomers():
    graph = Graph()
    experts = established_community(graph)
    quiet = graph.member("quiet", joined_day=10)
    loud = graph.member("loud", joined_day=10)
    # Two contributions, each recognised by three established experts.
    for _ in range(2):
        item = graph.item(quiet)
        for expert in experts[:3]:
            graph.recognise(expert, item)
    # Forty contributions, each recognised by a brand-new account.
    newcomers = [graph.member(f"new{i}", joined_day=398) for i in range(10)]
    for n in range(40):
        item = graph.item(loud)
        graph.recognise(newcomers[n % len(newcomers)], item)
    scores = graph.scores()
    assert scores["quiet"] > scores["loud"]


def test_volume_alone_earns_nothing():
    graph = Graph()
    established_community(graph)
    poster = graph.member("poster")
    for _ in range(50):
        graph.item(poster)
    assert graph.scores().get("poster", 0.0) == 0.0


def test_many_independent_established_recognisers_beat_many_recognitions_from_few():
    graph = Graph()
    experts = established_community(graph, size=8)
    broad = graph.member("broad")
    narrow = graph.member("narrow")
    for expert in experts:
        graph.recognise(expert, graph.item(broad))
    for _ in range(8):
        item = graph.item(narrow)
        graph.recognise(experts[0], item)
        graph.recognise(experts[1], item)
    scores = graph.scores()
    assert scores["broad"] > scores["narrow"]


def ring_graph() -> tuple[Graph, list[str], str]:
    graph = Graph()
    experts = established_community(graph)
    honest = graph.member("honest", joined_day=100)
    for expert in experts[:2]:
        graph.recognise(expert, graph.item(honest))
    # Six accounts created the same week, recognising one another a lot.
    ring = [graph.member(f"ring{i}", joined_day=390 + i) for i in range(6)]
    for author in ring:
        for _ in range(5):
            item = graph.item(author, owner=ring[(ring.index(author) + 1) % len(ring)])
            for recogniser in ring:
                if recogniser != author:
                    graph.recognise(recogniser, item, day=400)
            graph.vote(item, up=5)
    return graph, ring, honest


def test_ring_is_damped_and_reported():
    graph, ring, _honest = ring_graph()
    inputs, names = graph.inputs()
    result = engine.compute(inputs)
    assert len(result.clusters) == 1
    members, reasons, share = result.clusters[0]
    assert sorted(names[m] for m in members) == sorted(ring)
    assert {"mutual", "created_together", "new_recognisers"} <= set(reasons)
    assert share > 0.9
    scores = graph.scores()
    assert max(scores[name] for name in ring) < scores["honest"]


def test_without_damping_the_ring_would_win():
    graph, ring, _honest = ring_graph()
    undamped = engine.Parameters(ring_damping=1.0, new_weight=1.0)
    scores = graph.scores(params=undamped)
    assert max(scores[name] for name in ring) > scores["honest"]


def test_result_does_not_depend_on_insertion_order():
    graph, _ring, _honest = ring_graph()
    first = graph.scores()
    for seed in range(3):
        shuffled = graph.scores(order=random.Random(seed))
        assert shuffled.keys() == first.keys()
        for name, value in first.items():
            assert shuffled[name] == pytest.approx(value, rel=1e-9, abs=1e-12)


def test_domain_standing_follows_the_domain_of_the_recognition():
    graph = Graph()
    experts = established_community(graph)
    brewer = graph.member("brewer")
    item = graph.item(brewer, tags=(1, 2))
    for expert in experts[:3]:
        graph.recognise(expert, item, tag=2)
    assert graph.scores(domain=2)["brewer"] > 0
    assert graph.scores(domain=1).get("brewer", 0.0) == 0.0


def test_new_accounts_recognitions_weigh_little():
    graph = Graph()
    established_community(graph)
    old = [graph.member(f"old{i}", joined_day=0) for i in range(3)]
    new = [graph.member(f"new{i}", joined_day=399) for i in range(3)]
    first, second = graph.member("first"), graph.member("second")
    for recogniser in old:
        graph.recognise(recogniser, graph.item(first))
    for recogniser in new:
        graph.recognise(recogniser, graph.item(second))
    scores = graph.scores()
    assert scores["first"] > scores["second"]


def test_profiles_and_loud_flag():
    graph = Graph()
    experts = established_community(graph, size=10)
    quiet = graph.member("quiet")
    for _ in range(2):
        item = graph.item(quiet)
        for expert in experts[:8]:
            graph.recognise(expert, item)
    pillar = graph.member("pillar")
    for n in range(20):
        item = graph.item(pillar)
        for expert in experts[n % 5 : n % 5 + 4]:
            graph.recognise(expert, item)
    specialist = graph.member("specialist")
    for n in range(15):
        item = graph.item(specialist, tags=(2,))
        graph.recognise(experts[n % 3], item)
    loud = graph.member("loud")
    for _ in range(30):
        graph.item(loud)
    graph.recognise(experts[0], graph.item(loud))
    inputs, names = graph.inputs()
    result = engine.compute(inputs)
    kinds, loud_flags = engine.profiles(result, len(names))
    by_name = dict(zip(names, kinds, strict=True))
    assert by_name["quiet"] == engine.DISCREET
    assert by_name["pillar"] == engine.EXPERT
    assert by_name["specialist"] == engine.SPECIALIST
    assert by_name["loud"] == engine.NEWCOMER
    assert loud_flags[names.index("loud")]
    assert not loud_flags[names.index("quiet")]
    assert not loud_flags[names.index("pillar")]


def test_empty_community():
    graph = Graph()
    graph.member("alone")
    inputs, _names = graph.inputs()
    result = engine.compute(inputs)
    assert len(result.member) == 0
    kinds, loud = engine.profiles(result, 1)
    assert list(kinds) == [engine.NEWCOMER]
    assert not np.any(loud)
