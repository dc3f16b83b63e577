"""Writes of standing: the full recomputation of a community, the local update
for one new recognition, and marking a community for recomputation.

Standing, ContributionProfile, SuspiciousCluster and StandingState rows are
results: only this module writes them. docs/recognition.md explains the method.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from causerie.standing import engine
from causerie.standing.models import (
    AnonymousVotes,
    ContributionProfile,
    Standing,
    StandingState,
    SuspiciousCluster,
)

# The hidden-experts page: few contributions, high recognition per contribution.
HIDDEN_MAX_CONTRIBUTIONS = 10
# A community whose recognitions changed is recomputed after this quiet time
# (debounce), and every community at least once a day.
RECOMPUTE_AFTER = timedelta(minutes=10)
RECOMPUTE_EVERY = timedelta(days=1)
WRITE_BATCH = 2000

PROFILE_KINDS = {
    engine.EXPERT: ContributionProfile.Kind.RECOGNISED_EXPERT,
    engine.SPECIALIST: ContributionProfile.Kind.SPECIALIST,
    engine.DISCREET: ContributionProfile.Kind.DISCREET_EXPERT,
    engine.NEWCOMER: ContributionProfile.Kind.NEWCOMER,
}


@dataclass
class CommunityGraph:
    """Engine inputs of a community, with the mapping back to ids."""

    inputs: engine.Inputs
    member_ids: np.ndarray  # member index -> User pk
    tag_ids: list  # domain index -> Tag pk (index 0: None, the community)


def _seconds(value) -> float:
    return value.timestamp()


def community_graph(*, community, before=None) -> CommunityGraph:
    """Read a community's contributions, recognitions and anonymous votes
    (those dated before `before` when given) as engine inputs. Streams
    value rows: memory grows with the community, not with Python objects."""
    from causerie.accounts.models import User
    from causerie.communities.models import Tag
    from causerie.publishing.models import Comment, Post
    from causerie.recognition.models import Recognition

    posts = Post.objects.filter(community=community, deleted_at__isnull=True)
    comments = Comment.objects.filter(
        post__community=community, deleted_at__isnull=True
    )
    recognitions = Recognition.objects.filter(community=community)
    votes = AnonymousVotes.objects.filter(post__community=community)
    if before is not None:
        posts = posts.filter(published_at__lt=before)
        comments = comments.filter(created_at__lt=before, post__published_at__lt=before)
        recognitions = recognitions.filter(given_at__lt=before)
        votes = votes.filter(day__lt=before.date())

    post_rows = list(posts.values_list("pk", "author_id").order_by("pk").iterator())
    comment_rows = list(
        comments.values_list("pk", "post_id", "author_id").order_by("pk").iterator()
    )
    post_index = {pk: i for i, (pk, _a) in enumerate(post_rows)}
    comment_index = {
        pk: len(post_rows) + i for i, (pk, _p, _a) in enumerate(comment_rows)
    }
    post_author = dict(post_rows)
    rec_rows = [
        row
        for row in recognitions.values_list(
            "recogniser_id", "post_id", "comment_id", "given_at", "tag_id", "kind"
        )
        .order_by("pk")
        .iterator()
        if (row[2] in comment_index if row[2] else row[1] in post_index)
    ]
    member_pks = sorted(
        {a for _p, a in post_rows}
        | {a for _c, _p, a in comment_rows}
        | {r[0] for r in rec_rows}
    )
    member_index = {pk: i for i, pk in enumerate(member_pks)}
    joined = dict(
        User.objects.filter(pk__in=member_pks).values_list("pk", "date_joined")
    )
    tag_pks = sorted(
        Tag.objects.filter(community=community).values_list("pk", flat=True)
    )
    tag_index = {pk: i + 1 for i, pk in enumerate(tag_pks)}
    post_tags: dict[int, list[int]] = {}
    for post_id, tag_id in (
        Post.tags.through.objects.filter(post__in=posts)
        .values_list("post_id", "tag_id")
        .order_by("post_id", "tag_id")
        .iterator()
    ):
        if post_id in post_index and tag_id in tag_index:
            post_tags.setdefault(post_id, []).append(tag_index[tag_id])

    author = [member_index[a] for _p, a in post_rows] + [
        member_index[a] for _c, _p, a in comment_rows
    ]
    owner = [member_index[a] for _p, a in post_rows] + [
        member_index[post_author.get(p, a)] for _c, p, a in comment_rows
    ]
    tag_item, tag_domain = [], []
    for pk, _a in post_rows:
        for domain in post_tags.get(pk, ()):
            tag_item.append(post_index[pk])
            tag_domain.append(domain)
    for pk, post_id, _a in comment_rows:
        for domain in post_tags.get(post_id, ()):
            tag_item.append(comment_index[pk])
            tag_domain.append(domain)

    vote_item, vote_up, vote_down = [], [], []
    for post_id, comment_id, up, down in (
        votes.values_list("post_id", "comment_id", "up", "down")
        .order_by("pk")
        .iterator()
    ):
        item = comment_index.get(comment_id) if comment_id else post_index.get(post_id)
        if item is not None:
            vote_item.append(item)
            vote_up.append(up)
            vote_down.append(down)

    inputs = engine.Inputs(
        n_members=len(member_pks),
        n_domains=len(tag_pks) + 1,
        joined_at=np.array([_seconds(joined[pk]) for pk in member_pks], float),
        item_author=np.array(author, np.int64),
        item_owner=np.array(owner, np.int64),
        item_tag_item=np.array(tag_item, np.int64),
        item_tag_domain=np.array(tag_domain, np.int64),
        rec_recogniser=np.array([member_index[r[0]] for r in rec_rows], np.int64),
        rec_item=np.array(
            [comment_index[r[2]] if r[2] else post_index[r[1]] for r in rec_rows],
            np.int64,
        ),
        rec_at=np.array([_seconds(r[3]) for r in rec_rows], float),
        rec_domain=np.array(
            [tag_index.get(r[4], -1) if r[4] else -1 for r in rec_rows], np.int64
        ),
        rec_accepted=np.array(
            [r[5] == Recognition.Kind.ACCEPTED_ANSWER for r in rec_rows], bool
        ),
        anon_item=np.array(vote_item, np.int64),
        anon_up=np.array(vote_up, float),
        anon_down=np.array(vote_down, float),
    )
    return CommunityGraph(
        inputs=inputs,
        member_ids=np.array(member_pks, np.int64),
        tag_ids=[None, *tag_pks],
    )


def recompute_community(*, community, now=None, params=None) -> engine.Result:
    """Recompute every standing, profile and suspicious cluster of the
    community from its recognitions, replacing the previous results in one
    transaction (readers see the old or the new results, never a mix)."""
    now = now or timezone.now()
    params = params or engine.Parameters()
    graph = community_graph(community=community)
    result = engine.compute(graph.inputs, params)
    kinds, loud = engine.profiles(result, graph.inputs.n_members)
    write_results(
        community=community,
        graph=graph,
        result=result,
        kinds=kinds,
        loud=loud,
        now=now,
        params=params,
    )
    return result


def write_results(*, community, graph, result, kinds, loud, now, params) -> None:
    """Replace the community's results. Rows are inserted with executemany
    straight from the arrays: a full recomputation writes hundreds of
    thousands of rows, and model instances would cost most of the time."""
    member_ids = graph.member_ids
    # Pairs nobody recognised (not even anonymously) say nothing: not stored.
    keep = np.flatnonzero((result.recognitions > 0) | (result.score > 0))
    stamp = connection.ops.adapt_datetimefield_value(now)
    standing_rows = [
        (
            stamp,
            stamp,
            community.pk,
            int(member_ids[result.member[i]]),
            graph.tag_ids[result.domain[i]],
            float(result.score[i]),
            int(result.contributions[i]),
            int(result.recognitions[i]),
            int(result.recognisers[i]),
            int(result.recognised_recognisers[i]),
            float(result.per_contribution[i]),
            float(result.mass[i]),
        )
        for i in keep
    ]
    profile_rows = [
        (
            stamp,
            stamp,
            community.pk,
            int(member_ids[index]),
            PROFILE_KINDS[kinds[index]].value,
            bool(loud[index]),
        )
        for index in range(len(member_ids))
    ]
    clusters = [
        SuspiciousCluster(
            community=community,
            member_ids=sorted(int(member_ids[m]) for m in members),
            reasons=list(reasons),
            internal_share=round(share, 3),
        )
        for members, reasons, share in result.clusters
    ]
    scales = _scales(result, graph, params)
    with transaction.atomic():
        Standing.objects.filter(community=community).delete()
        _insert(
            Standing,
            [
                "created_at",
                "updated_at",
                "community_id",
                "member_id",
                "tag_id",
                "score",
                "contributions",
                "recognitions",
                "recognisers",
                "recognised_recognisers",
                "per_contribution",
                "mass",
            ],
            standing_rows,
        )
        ContributionProfile.objects.filter(community=community).delete()
        _insert(
            ContributionProfile,
            [
                "created_at",
                "updated_at",
                "community_id",
                "member_id",
                "kind",
                "loud_little_recognised",
            ],
            profile_rows,
        )
        SuspiciousCluster.objects.filter(community=community).delete()
        SuspiciousCluster.objects.bulk_create(clusters)
        StandingState.objects.update_or_create(
            community=community,
            defaults={"computed_at": now, "stale_since": None, "scales": scales},
        )


def _insert(model, fields: list[str], rows: list[tuple]) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(
            model._meta.get_field(name.removesuffix("_id")).column
        )
        for name in fields
    )
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), WRITE_BATCH):
            cursor.executemany(sql, rows[start : start + WRITE_BATCH])


def _scales(result, graph, params) -> dict:
    """Per domain (key: tag pk or "0"): what turned raw values into relative
    ones at the last full run, for the local update."""
    scales = {}
    for domain in np.unique(result.domain):
        mask = result.domain == domain
        raw_score = (
            result.mass[mask]
            / (result.contributions[mask] + params.contribution_prior)
            ** params.volume_exponent
        )
        raw_rate = result.mass[mask] / (
            result.contributions[mask] + params.contribution_prior
        )
        key = str(graph.tag_ids[domain] or 0)
        scales[key] = [
            float(raw_score.max()) or 1.0,
            float(raw_rate.max()) or 1.0,
            float(result.mass[mask].max()) or 1.0,
        ]
    return scales


def mark_stale(*, community_id: int, now=None) -> None:
    """Recognitions changed: the periodic task will recompute the community."""
    now = now or timezone.now()
    state, _created = StandingState.objects.get_or_create(community_id=community_id)
    if state.stale_since is None:
        StandingState.objects.filter(pk=state.pk, stale_since__isnull=True).update(
            stale_since=now
        )


def take_recognition_into_account(
    *, recognition_id: int, now=None, params=None
) -> None:
    """Local update for one new recognition, between two full recomputations:
    the author's standing in each domain of the item grows by what the
    recogniser passes on (their stored standing mass, their age weight, spread
    over the members they recognise). A handful of indexed queries, whatever
    the community's size; the debounced full recomputation then makes it
    exact (ring damping included)."""
    from causerie.recognition.models import Recognition

    now = now or timezone.now()
    params = params or engine.Parameters()
    recognition = (
        Recognition.objects.filter(pk=recognition_id)
        .select_related("recogniser")
        .first()
    )
    if recognition is None or recognition.recogniser_id == recognition.author_id:
        return
    community_id = recognition.community_id
    mark_stale(community_id=community_id, now=now)
    state = StandingState.objects.filter(community_id=community_id).first()
    if state is None or state.computed_at is None:
        return  # never computed: the full recomputation will do it all
    if recognition.tag_id:
        tag_ids = [recognition.tag_id]
    else:
        from causerie.publishing.models import Post

        tag_ids = list(
            Post.tags.through.objects.filter(post_id=recognition.post_id).values_list(
                "tag_id", flat=True
            )
        )
    domains = [None, *tag_ids]
    standings = {
        (row.member_id, row.tag_id): row
        for row in Standing.objects.filter(
            community_id=community_id,
            member_id__in=[recognition.recogniser_id, recognition.author_id],
        ).filter(_domain_filter(tag_ids))
    }
    given_before = set(
        Recognition.objects.filter(
            community_id=community_id,
            recogniser_id=recognition.recogniser_id,
            author_id=recognition.author_id,
        )
        .exclude(pk=recognition.pk)
        .values_list("tag_id", flat=True)
    )
    # Filtered on the recogniser alone so that the database uses that index
    # (the community's own index would scan the whole community).
    recipients = len(
        {
            author_id
            for author_id, in_community in Recognition.objects.filter(
                recogniser_id=recognition.recogniser_id
            ).values_list("author_id", "community_id")
            if in_community == community_id
        }
    )
    age_days = (
        recognition.given_at - recognition.recogniser.date_joined
    ).total_seconds()
    age = float(engine.age_weight(np.array([age_days / engine.DAY]), params)[0])
    kind = (
        params.accepted_weight
        if recognition.kind == Recognition.Kind.ACCEPTED_ANSWER
        else params.useful_weight
    )
    changed, created = [], []
    for tag_id in domains:
        source = standings.get((recognition.recogniser_id, tag_id))
        passed = source.mass if source else (1.0 - params.damping) * params.base_seed
        delta = params.damping * passed * age * kind / max(recipients, params.out_floor)
        target = standings.get((recognition.author_id, tag_id))
        if target is None:
            target = Standing(
                community_id=community_id,
                member_id=recognition.author_id,
                tag_id=tag_id,
            )
            created.append(target)
        else:
            changed.append(target)
        target.mass += delta
        target.recognitions += 1
        if not given_before:
            target.recognisers += 1
            if source is not None and source.recognisers > 0:
                target.recognised_recognisers += 1
        score_scale, rate_scale, _mass_scale = state.scales.get(
            str(tag_id or 0), [1.0, 1.0, 1.0]
        )
        prior = target.contributions + params.contribution_prior
        target.score = target.mass / prior**params.volume_exponent / score_scale
        target.per_contribution = target.mass / prior / rate_scale
    with transaction.atomic():
        Standing.objects.bulk_update(
            changed,
            [
                "mass",
                "score",
                "per_contribution",
                "recognitions",
                "recognisers",
                "recognised_recognisers",
            ],
        )
        Standing.objects.bulk_create(created)


def _domain_filter(tag_ids):
    from django.db.models import Q

    return Q(tag__isnull=True) | Q(tag_id__in=tag_ids)


def recompute_stale(*, now=None) -> int:
    """Periodic: recompute the communities whose recognitions changed at least
    RECOMPUTE_AFTER ago, and those not recomputed for RECOMPUTE_EVERY.
    Returns how many were recomputed."""
    from causerie.communities.models import Community

    now = now or timezone.now()
    due = StandingState.objects.filter(
        stale_since__lte=now - RECOMPUTE_AFTER
    ).values_list("community_id", flat=True)
    old = StandingState.objects.filter(
        computed_at__lte=now - RECOMPUTE_EVERY
    ).values_list("community_id", flat=True)
    ids = sorted(set(due) | set(old))
    for community in Community.objects.filter(pk__in=ids).order_by("pk"):
        recompute_community(community=community, now=now)
    return len(ids)
