"""The proof: evaluate standing and "who could answer" on a Q&A history at a
time cut, against volume baselines (docs/recognition.md, "Evaluation").

`Dataset` is plain data (ids, dates, texts); `services.dataset_from_community`
builds it from an imported community, `dataset_from_xml` straight from a
Stack Exchange dump (used to tune quickly on the development set only).
Only events dated before the cut reach the engine.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from causerie.standing import engine

HIDDEN_MAX_CONTRIBUTIONS = 10
HIDDEN_MIN_RECOGNISERS = 2
RANKING_LENGTH = 100
# Who could answer: recognised contributions of the last months weigh most.
RECENT_DAYS = 180.0
WINRATE_MIN_ANSWERS = 3


@dataclass
class Dataset:
    # user id -> creation time (POSIX seconds)
    users: dict[int, float]
    # question id -> (asker id or None, created, [tag names], text)
    questions: dict[int, tuple]
    # answer id -> (question id, author id or None, created, text)
    answers: dict[int, tuple]
    # question id -> (accepted answer id, accepted at)
    accepted: dict[int, tuple[int, float]]
    # (kind "q"/"a", item id, day as POSIX seconds, up, down)
    votes: list[tuple] = field(default_factory=list)


@dataclass
class Model:
    """What the engine computed at the cut, with the index mappings."""

    result: engine.Result
    member_ids: list[int]
    domain_names: list[str]
    kinds: np.ndarray
    loud: np.ndarray
    # member id -> Counter of words of their recognised past answers
    texts: dict[int, Counter]
    document_frequency: Counter
    n_documents: int
    # member id -> time of their last contribution before the cut
    last_active: dict[int, float]
    # (member id, domain name or "") -> recognition received by their
    # contributions, decayed with the contribution's age at the cut
    recent: dict[tuple, float] = field(default_factory=dict)

    def scores(self, domain: int = 0) -> dict[int, float]:
        members, values = self.result.column(domain)
        return {
            self.member_ids[m]: float(v) for m, v in zip(members, values, strict=True)
        }


_TAG = re.compile(r"<([^<>]+)>")
_HTML = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "this",
        "with",
        "are",
        "you",
        "have",
        "not",
        "but",
        "was",
        "can",
        "what",
        "from",
        "your",
        "how",
        "they",
        "there",
        "which",
        "will",
        "would",
        "when",
        "its",
        "any",
        "some",
        "one",
        "all",
        "about",
        "more",
        "than",
        "also",
        "has",
        "been",
        "does",
        "just",
        "like",
        "get",
        "out",
        "use",
        "other",
        "les",
        "des",
        "une",
        "est",
        "que",
        "pour",
        "dans",
        "pas",
        "sur",
        "qui",
        "par",
        "avec",
        "plus",
    ]
)


def words(text: str) -> list[str]:
    return [
        word
        for word in (w.lower() for w in _WORD.findall(_HTML.sub(" ", text or "")))
        if word not in STOP
    ]


def _time(value: str) -> float:
    return datetime.fromisoformat(value).replace(tzinfo=UTC).timestamp()


def dataset_from_xml(dump_dir) -> Dataset:
    """Read a dump straight from its XML (tuning only; the command goes
    through the importer and the database)."""
    from xml.etree.ElementTree import iterparse

    root = Path(dump_dir)

    def rows(name):
        for _event, element in iterparse(root / name):
            if element.tag == "row":
                yield element.attrib
                element.clear()

    users = {int(r["Id"]): _time(r["CreationDate"]) for r in rows("Users.xml")}
    questions, answers, accepted_ids = {}, {}, {}
    for r in rows("Posts.xml"):
        owner = int(r["OwnerUserId"]) if "OwnerUserId" in r else None
        created = _time(r["CreationDate"])
        if r["PostTypeId"] == "1":
            tags = _TAG.findall(r.get("Tags", ""))
            questions[int(r["Id"])] = (
                owner,
                created,
                tags,
                r.get("Title", "") + " " + r.get("Body", ""),
            )
            if "AcceptedAnswerId" in r:
                accepted_ids[int(r["Id"])] = int(r["AcceptedAnswerId"])
        elif r["PostTypeId"] == "2":
            answers[int(r["Id"])] = (int(r["ParentId"]), owner, created, r["Body"])
    accepted_at = {}
    votes = []
    for r in rows("Votes.xml"):
        post_id = int(r["PostId"])
        day = _time(r["CreationDate"])
        kind = "q" if post_id in questions else "a" if post_id in answers else None
        if kind is None:
            continue
        if r["VoteTypeId"] == "1":
            accepted_at[post_id] = day
        elif r["VoteTypeId"] in ("2", "3"):
            up = r["VoteTypeId"] == "2"
            votes.append((kind, post_id, day, int(up), int(not up)))
    accepted = {}
    for question, answer in accepted_ids.items():
        if answer in answers:
            at = accepted_at.get(answer, answers[answer][2])
            accepted[question] = (answer, max(at, answers[answer][2]))
    return Dataset(users, questions, answers, accepted, votes)


def cutoff(dataset: Dataset, share: float = 0.7) -> float:
    """The creation time splitting questions into `share` past / the rest."""
    times = sorted(created for _a, created, _t, _x in dataset.questions.values())
    return times[min(int(len(times) * share), len(times) - 1)]


def build_model(
    dataset: Dataset, cut: float, params: engine.Parameters | None = None
) -> Model:
    """Run the engine on what happened before `cut`."""
    params = params or engine.Parameters()
    past_questions = {
        q: v for q, v in dataset.questions.items() if v[1] < cut and v[0] is not None
    }
    past_answers = {
        a: v
        for a, v in dataset.answers.items()
        if v[2] < cut and v[1] is not None and v[0] in dataset.questions
    }
    member_ids = sorted(dataset.users)
    member_index = {m: i for i, m in enumerate(member_ids)}
    tag_names = sorted(
        {t for _o, _c, tags, _x in past_questions.values() for t in tags}
    )
    tag_index = {t: i + 1 for i, t in enumerate(tag_names)}

    items = [("q", q) for q in sorted(past_questions)] + [
        ("a", a) for a in sorted(past_answers) if past_answers[a][1] in member_index
    ]
    items = [
        item
        for item in items
        if (past_questions.get(item[1], (None,))[0] if item[0] == "q" else True)
        in member_index
        or item[0] == "a"
    ]
    item_index = {item: i for i, item in enumerate(items)}
    author, owner, tag_item, tag_domain = [], [], [], []
    for i, (kind, item_id) in enumerate(items):
        if kind == "q":
            asker, _c, tags, _x = past_questions[item_id]
            question_tags = tags
            author.append(member_index[asker])
            owner.append(member_index[asker])
        else:
            question_id, answerer, _c, _x = past_answers[item_id]
            asker, _c2, question_tags, _x2 = dataset.questions[question_id]
            author.append(member_index[answerer])
            owner.append(member_index.get(asker, member_index[answerer]))
        for tag in question_tags:
            if tag in tag_index:
                tag_item.append(i)
                tag_domain.append(tag_index[tag])

    rec_recogniser, rec_item, rec_at, rec_accepted = [], [], [], []
    for question_id, (answer_id, at) in sorted(dataset.accepted.items()):
        if at >= cut or ("a", answer_id) not in item_index:
            continue
        asker = dataset.questions[question_id][0]
        if asker not in member_index:
            continue
        rec_recogniser.append(member_index[asker])
        rec_item.append(item_index[("a", answer_id)])
        rec_at.append(at)
        rec_accepted.append(True)

    anon_item, anon_up, anon_down = [], [], []
    for kind, item_id, day, up, down in dataset.votes:
        if day >= cut or (kind, item_id) not in item_index:
            continue
        anon_item.append(item_index[(kind, item_id)])
        anon_up.append(up)
        anon_down.append(down)

    data = engine.Inputs(
        n_members=len(member_ids),
        n_domains=len(tag_names) + 1,
        joined_at=np.array([dataset.users[m] for m in member_ids], float),
        item_author=np.array(author, np.int64),
        item_owner=np.array(owner, np.int64),
        item_tag_item=np.array(tag_item, np.int64),
        item_tag_domain=np.array(tag_domain, np.int64),
        rec_recogniser=np.array(rec_recogniser, np.int64),
        rec_item=np.array(rec_item, np.int64),
        rec_at=np.array(rec_at, float),
        rec_domain=np.full(len(rec_item), -1, np.int64),
        rec_accepted=np.array(rec_accepted, bool),
        anon_item=np.array(anon_item, np.int64),
        anon_up=np.array(anon_up, float),
        anon_down=np.array(anon_down, float),
    )
    result = engine.compute(data, params)
    kinds, loud = engine.profiles(result, len(member_ids))

    # Recognised contributions' words, for the text part of who could answer.
    item_up = Counter()
    for i, up in zip(anon_item, anon_up, strict=True):
        item_up[i] += up
    accepted_items = set(rec_item)
    texts: dict[int, Counter] = defaultdict(Counter)
    document_frequency: Counter = Counter()
    n_documents = 0
    last_active: dict[int, float] = {}
    recent: dict[tuple, float] = defaultdict(float)
    for i, (kind, item_id) in enumerate(items):
        member = member_ids[author[i]]
        if kind == "q":
            created = past_questions[item_id][1]
            last_active[member] = max(last_active.get(member, 0.0), created)
            continue
        question_id, _answerer, created, body = past_answers[item_id]
        last_active[member] = max(last_active.get(member, 0.0), created)
        if i not in accepted_items and item_up[i] <= 0:
            continue
        decay = math.exp(-(cut - created) / (RECENT_DAYS * engine.DAY))
        gained = decay * (
            (i in accepted_items) + params.anonymous_weight * math.log2(1 + item_up[i])
        )
        for tag in ["", *dataset.questions[question_id][2]]:
            recent[(member, tag)] += gained
        question_text = dataset.questions[question_id][3]
        tokens = words(question_text) + words(body)
        weight = 1 + (i in accepted_items)
        for token, count in Counter(tokens).items():
            texts[member][token] += weight * count
        document_frequency.update(set(tokens))
        n_documents += 1
    return Model(
        result,
        member_ids,
        ["", *tag_names],
        kinds,
        loud,
        dict(texts),
        document_frequency,
        n_documents,
        last_active,
        dict(recent),
    )


@dataclass(frozen=True)
class Routing:
    # community_weight and recent_weight were chosen on the development set
    # only (causerie/standing/tuning.py); the others keep their first values.
    text_weight: float = 1.0
    community_weight: float = 3.0
    recency_days: float = 60.0
    # Rank by total recognition received (mass) rather than by score (which
    # divides by volume): who will answer also depends on who takes part.
    use_mass: bool = True
    # Weight of recent recognised contributions against standing.
    recent_weight: float = 2.0
    # Text closeness also counts on its own, so that a specialist with little
    # standing overall can come up for a question in their field.
    text_bonus: float = 1.0


def rank_answerers(
    model: Model,
    *,
    tags,
    text: str,
    exclude,
    now: float,
    limit: int = RANKING_LENGTH,
    routing: Routing | None = None,
) -> list[int]:
    """Causerie's "who could answer", in memory: domain standing in the tags
    plus community standing, times text closeness to the member's recognised
    contributions and how recently they took part."""
    routing = routing or Routing()
    domain_of = {name: i for i, name in enumerate(model.domain_names)}
    result = model.result
    wanted = {domain_of[t] for t in tags if t in domain_of}
    mask = np.isin(result.domain, [*wanted, 0]) & (result.score > 0)
    values = result.score
    if routing.use_mass:
        scale = np.array(
            [
                model.result.scales.get(int(d), 1.0) or 1.0
                for d in range(len(model.domain_names))
            ]
        )
        values = result.mass / scale[result.domain]
    score: dict[int, float] = defaultdict(float)
    for member, domain, value in zip(
        result.member[mask], result.domain[mask], values[mask], strict=True
    ):
        weight = routing.community_weight if domain == 0 else 1.0
        score[model.member_ids[member]] += weight * float(value)
    if routing.recent_weight:
        keys = [""] + [t for t in tags if t in domain_of]
        recent_top = {
            key: max((v for (m, k), v in model.recent.items() if k == key), default=0.0)
            for key in keys
        }
        for (member, key), value in model.recent.items():
            if key in recent_top and recent_top[key] > 0:
                weight = routing.community_weight if key == "" else 1.0
                score[member] += (
                    routing.recent_weight * weight * value / recent_top[key]
                )
    query = Counter(words(text))
    idf = {
        token: math.log((1 + model.n_documents) / (1 + model.document_frequency[token]))
        for token in query
    }
    vector = {token: count * idf[token] for token, count in query.items()}
    query_norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    ranked = {}
    for member, value in score.items():
        if member in exclude:
            continue
        similarity = 0.0
        profile = model.texts.get(member)
        if profile:
            dot = sum(
                weight * profile.get(token, 0) for token, weight in vector.items()
            )
            if dot:
                norm = math.sqrt(sum(c * c for c in profile.values()))
                similarity = dot / (norm * query_norm)
        idle = (now - model.last_active.get(member, 0.0)) / engine.DAY
        recency = 1.0 / (1.0 + max(idle, 0.0) / routing.recency_days)
        ranked[member] = (
            value * (1.0 + routing.text_weight * similarity)
            + routing.text_bonus * similarity
        ) * recency
    order = sorted(ranked, key=lambda m: (-ranked[m], m))
    return order[:limit]


def _rank_metrics(ranks: list[int | None]) -> dict:
    total = len(ranks) or 1
    return {
        "mrr": sum(1.0 / r for r in ranks if r) / total,
        "p_at_1": sum(1 for r in ranks if r == 1) / total,
        "hit_at_5": sum(1 for r in ranks if r and r <= 5) / total,
        "hit_at_10": sum(1 for r in ranks if r and r <= 10) / total,
        "coverage": sum(1 for r in ranks if r) / total,
    }


def hidden_expert_ids(model: Model, limit: int = 20) -> list[int]:
    result = model.result
    mask = (
        (result.domain == 0)
        & (result.contributions >= 1)
        & (result.contributions <= HIDDEN_MAX_CONTRIBUTIONS)
        & (result.recognisers >= HIDDEN_MIN_RECOGNISERS)
        & (result.per_contribution > 0)
    )
    members = result.member[mask]
    order = np.lexsort((members, -result.score[mask], -result.per_contribution[mask]))
    return [model.member_ids[m] for m in members[order][:limit]]


def baseline_scores(dataset: Dataset, cut: float) -> dict[str, dict[int, float]]:
    """The volume baselines at the cut: answers before it (`answer_count`) and
    z = (a - q) / sqrt(a + q) (`zscore`), for every user who answered."""
    answers_before = Counter()
    questions_before = Counter()
    for _q, author, created, _x in dataset.answers.values():
        if created < cut and author is not None:
            answers_before[author] += 1
    for asker, created, _t, _x in dataset.questions.values():
        if created < cut and asker is not None:
            questions_before[asker] += 1
    return {
        "answer_count": dict(answers_before),
        "zscore": {
            user: (a - questions_before[user]) / math.sqrt(a + questions_before[user])
            for user, a in answers_before.items()
        },
    }


def routed_questions(dataset: Dataset, cut: float, answered_before) -> list[tuple]:
    """(question id, asker, created, tags, text, accepted answerer) for every
    question after the cut whose accepted answerer answered before it."""
    rows = []
    for question_id in sorted(dataset.questions):
        asker, created, tags, text = dataset.questions[question_id]
        if created < cut or question_id not in dataset.accepted:
            continue
        answer_id, _at = dataset.accepted[question_id]
        answerer = dataset.answers[answer_id][1]
        if answerer is None or answerer not in answered_before or answerer == asker:
            continue
        rows.append((question_id, asker, created, tags, text, answerer))
    return rows


def route(
    model: Model, questions: list[tuple], routing: Routing | None = None
) -> tuple[list[dict], list[int | None]]:
    """Causerie's rankings of the routed questions and the accepted
    answerer's rank in each (None when absent)."""
    rows, ranks = [], []
    for question_id, asker, created, tags, text, answerer in questions:
        ranking = rank_answerers(
            model, tags=tags, text=text, exclude={asker}, now=created, routing=routing
        )
        rows.append(
            {"question": question_id, "accepted_answerer": answerer, "ranking": ranking}
        )
        ranks.append(ranking.index(answerer) + 1 if answerer in ranking else None)
    return rows, ranks


def baseline_ranks(
    baselines: dict[str, dict[int, float]], questions: list[tuple]
) -> dict[str, list[int | None]]:
    ranks = {}
    for name, scores in baselines.items():
        ranks[name] = []
        for _q, asker, _c, _t, _x, answerer in questions:
            order = sorted(
                (u for u in scores if u != asker), key=lambda u: (-scores[u], u)
            )
            ranks[name].append(order.index(answerer) + 1 if answerer in order else None)
    return ranks


def winrate_correlations(
    dataset: Dataset, cut: float, scores_by_method: dict[str, dict[int, float]]
) -> tuple[dict[str, float], int]:
    """Spearman correlation of each method's scores at the cut with the
    users' future competitive win rate, and how many users it rests on."""
    from scipy.stats import spearmanr

    future_answers = defaultdict(list)
    for answer_id, (question_id, author, _created, _x) in dataset.answers.items():
        if (
            author is not None
            and question_id in dataset.questions
            and dataset.questions[question_id][1] >= cut
        ):
            future_answers[question_id].append((answer_id, author))
    wins, played = Counter(), Counter()
    for question_id, answers in future_answers.items():
        if len(answers) < 2:
            continue
        accepted = dataset.accepted.get(question_id, (None,))[0]
        for answer_id, author in answers:
            played[author] += 1
            wins[author] += answer_id == accepted
    eligible = sorted(u for u, n in played.items() if n >= WINRATE_MIN_ANSWERS)
    rates = [wins[u] / played[u] for u in eligible]
    correlations = {}
    for name, scores in scores_by_method.items():
        values = [scores.get(u, 0.0) for u in eligible]
        if len(eligible) >= 3 and len(set(values)) > 1 and len(set(rates)) > 1:
            correlations[name] = float(spearmanr(values, rates).statistic)
        else:
            correlations[name] = 0.0
    return correlations, len(eligible)


def evaluate(
    dataset: Dataset,
    *,
    share: float = 0.7,
    params: engine.Parameters | None = None,
    routing: Routing | None = None,
) -> dict:
    cut = cutoff(dataset, share)
    model = build_model(dataset, cut, params)
    baselines = baseline_scores(dataset, cut)
    questions = routed_questions(dataset, cut, baselines["answer_count"])
    routing_rows, causerie_ranks = route(model, questions, routing)
    ranks = {"causerie": causerie_ranks, **baseline_ranks(baselines, questions)}

    standing = model.scores(0)
    standing_ids = sorted(
        (m for m, v in standing.items() if v > 0), key=lambda m: (-standing[m], m)
    )
    correlations, _users = winrate_correlations(
        dataset, cut, {"causerie": standing, **baselines}
    )
    return {
        "cutoff": datetime.fromtimestamp(cut, UTC).isoformat(),
        "methods": {name: _rank_metrics(r) for name, r in ranks.items()},
        "routing": routing_rows,
        "standing": standing_ids,
        "hidden_experts": hidden_expert_ids(model),
        "spearman_winrate": correlations,
    }


def dataset_from_community(*, community) -> Dataset:
    """The Q&A history of a community imported from a Stack Exchange dump,
    keyed by the dump's ids (standing.ImportedItem): questions are billets,
    answers their top-level comments, acceptances the asker's recognitions
    (dated by the acceptance vote), votes the anonymous daily counts."""
    from causerie.accounts.models import User
    from causerie.publishing.models import Comment, Post
    from causerie.recognition.models import Recognition
    from causerie.standing.importer import strip_attribution
    from causerie.standing.models import AnonymousVotes, ImportedItem

    def mapping(kind):
        return dict(
            ImportedItem.objects.filter(community=community, kind=kind)
            .values_list("target_id", "source_id")
            .iterator()
        )

    member_source = {
        target: source
        for target, source in mapping(ImportedItem.Kind.MEMBER).items()
        if source > 0
    }
    question_source = mapping(ImportedItem.Kind.QUESTION)
    answer_source = mapping(ImportedItem.Kind.ANSWER)

    users = {
        member_source[pk]: joined.timestamp()
        for pk, joined in User.objects.filter(pk__in=list(member_source))
        .values_list("pk", "date_joined")
        .iterator()
    }
    post_tags: dict[int, list[str]] = defaultdict(list)
    for post_id, name in (
        Post.tags.through.objects.filter(post__community=community)
        .values_list("post_id", "tag__name")
        .order_by("post_id", "tag__name")
        .iterator()
    ):
        post_tags[post_id].append(name)
    questions, accepted_comment = {}, {}
    for pk, author, published, title, body, accepted in (
        Post.objects.filter(community=community, pk__in=list(question_source))
        .values_list(
            "pk", "author_id", "published_at", "title", "body", "accepted_comment_id"
        )
        .iterator()
    ):
        questions[question_source[pk]] = (
            member_source.get(author),
            published.timestamp(),
            post_tags.get(pk, []),
            f"{title} {strip_attribution(body)}",
        )
        if accepted:
            accepted_comment[question_source[pk]] = accepted
    answers = {}
    for pk, post_id, author, created, body in (
        Comment.objects.filter(pk__in=list(answer_source))
        .values_list("pk", "post_id", "author_id", "created_at", "body")
        .iterator()
    ):
        if post_id in question_source:
            answers[answer_source[pk]] = (
                question_source[post_id],
                member_source.get(author),
                created.timestamp(),
                strip_attribution(body),
            )
    accepted_at = dict(
        Recognition.objects.filter(
            community=community, kind=Recognition.Kind.ACCEPTED_ANSWER
        )
        .values_list("comment_id", "given_at")
        .iterator()
    )
    accepted = {}
    for question, comment_id in accepted_comment.items():
        if comment_id in answer_source:
            answer = answer_source[comment_id]
            at = accepted_at.get(comment_id)
            created = answers[answer][2] if answer in answers else 0.0
            accepted[question] = (
                answer,
                max(at.timestamp() if at else created, created),
            )
    votes = []
    for post_id, comment_id, day, up, down in (
        AnonymousVotes.objects.filter(post__community=community)
        .values_list("post_id", "comment_id", "day", "up", "down")
        .iterator()
    ):
        when = datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()
        if comment_id is None and post_id in question_source:
            votes.append(("q", question_source[post_id], when, up, down))
        elif comment_id in answer_source:
            votes.append(("a", answer_source[comment_id], when, up, down))
    return Dataset(users, questions, answers, accepted, votes)
