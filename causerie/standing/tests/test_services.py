"""Standing on a real database: recomputation, the local update after one
recognition, the reads the pages use."""

from datetime import timedelta

import pytest
from django.utils import timezone

from causerie.core.testing import make_comment, make_community, make_member, make_post
from causerie.recognition import services as recognition_services
from causerie.standing import selectors, services
from causerie.standing.models import (
    ContributionProfile,
    Standing,
    StandingState,
    SuspiciousCluster,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.CAUSERIE_RECOGNITIONS_PER_HOUR = 10_000


def old_member(handle: str, days: int = 400):
    member = make_member(handle)
    member.date_joined = timezone.now() - timedelta(days=days)
    member.save(update_fields=["date_joined"])
    return member


def tag(community, name: str):
    return community.tags.get(name=name)


def recognise(actor, post, comment=None, **extra):
    return recognition_services.recognise_item(
        actor=actor, post=post, comment=comment, **extra
    )


@pytest.fixture
def brewing():
    """A community where five established members recognise one another, a
    quiet expert with two recognised billets, and a prolific poster nobody
    recognises."""
    founder = old_member("fondatrice")
    community = make_community(founder=founder, tags=["houblon", "levure"])
    tags = {tag.name: tag for tag in community.tags.all()}
    experts = [founder] + [
        old_member(f"experte{i}", days=300 - 20 * i) for i in range(4)
    ]
    posts = {}
    for expert in experts:
        posts[expert] = make_post(
            community=community,
            author=expert,
            title=f"Notes de {expert.handle}",
            tags=[tag(community, "houblon")],
        )
    for expert in experts:
        for other in experts:
            if other != expert:
                recognise(other, posts[expert])
    quiet = old_member("discrete", days=200)
    quiet_posts = [
        make_post(
            community=community,
            author=quiet,
            title="Levure et température de fermentation",
            body="La levure de fermentation basse travaille à froid.",
            tags=[tag(community, "levure")],
        )
        for _ in range(2)
    ]
    for post in quiet_posts:
        for expert in experts[:4]:
            recognise(expert, post)
    loud = old_member("bavard", days=200)
    for n in range(20):
        make_post(
            community=community,
            author=loud,
            title=f"Encore moi {n}",
            tags=[tag(community, "houblon")],
        )
    return {
        "community": community,
        "tags": tags,
        "experts": experts,
        "quiet": quiet,
        "loud": loud,
        "posts": posts,
    }


def test_recompute_writes_standing_profiles_and_explanations(brewing):
    community = brewing["community"]
    services.recompute_community(community=community)
    quiet, loud = brewing["quiet"], brewing["loud"]

    overall = Standing.objects.get(community=community, member=quiet, tag=None)
    assert overall.recognisers == 4
    assert overall.recognitions == 8
    assert overall.contributions == 2
    assert overall.score > 0
    levure = Standing.objects.get(
        community=community, member=quiet, tag=brewing["tags"]["levure"]
    )
    assert levure.recognisers == 4
    assert not Standing.objects.filter(
        community=community, member=loud, score__gt=0
    ).exists()

    lines = selectors.explanation(member=quiet, community=community)
    assert lines[0].tag is None
    assert lines[0].recognisers == 4
    assert lines[0].recognised_recognisers == 4
    assert [line.tag for line in lines[1:]] == ["levure"]
    assert selectors.explanation(member=loud, community=community) == []

    kinds = selectors.profiles_for(community=community, member_ids=[quiet.pk, loud.pk])
    assert kinds[quiet.pk] == ContributionProfile.Kind.DISCREET_EXPERT
    assert kinds[loud.pk] == ContributionProfile.Kind.NEWCOMER
    assert selectors.loud_little_recognised(
        community=community, member_ids=[quiet.pk, loud.pk]
    ) == {loud.pk}

    hidden = selectors.hidden_experts(community=community)
    assert hidden[0][0] == quiet
    assert loud not in [member for member, _standing in hidden]
    in_levure = selectors.hidden_experts(
        community=community, tag=brewing["tags"]["levure"]
    )
    assert [member for member, _standing in in_levure] == [quiet]
    assert StandingState.objects.get(community=community).computed_at is not None


def test_recompute_replaces_results_and_is_repeatable(brewing):
    community = brewing["community"]
    services.recompute_community(community=community)
    first = sorted(
        Standing.objects.filter(community=community).values_list(
            "member_id", "tag_id", "score"
        ),
        key=lambda row: (row[0], row[1] or 0),
    )
    services.recompute_community(community=community)
    second = sorted(
        Standing.objects.filter(community=community).values_list(
            "member_id", "tag_id", "score"
        ),
        key=lambda row: (row[0], row[1] or 0),
    )
    assert first == second


def test_one_new_recognition_updates_locally_and_marks_for_recomputation(
    brewing, django_capture_on_commit_callbacks
):
    community = brewing["community"]
    services.recompute_community(community=community)
    newcomer = old_member("nouvelle", days=100)
    post = make_post(
        community=community,
        author=newcomer,
        title="Mon houblon",
        tags=[tag(community, "houblon")],
    )
    assert not Standing.objects.filter(member=newcomer, score__gt=0).exists()
    with django_capture_on_commit_callbacks(execute=True):
        recognise(brewing["experts"][0], post)
    overall = Standing.objects.get(community=community, member=newcomer, tag=None)
    assert overall.mass > 0
    assert overall.score > 0
    assert overall.recognisers == 1
    in_domain = Standing.objects.get(
        community=community, member=newcomer, tag=brewing["tags"]["houblon"]
    )
    assert in_domain.recognitions == 1
    state = StandingState.objects.get(community=community)
    assert state.stale_since is not None

    # The periodic task recomputes it once things have been quiet for a while.
    assert services.recompute_stale(now=state.stale_since + timedelta(minutes=1)) == 0
    later = state.stale_since + services.RECOMPUTE_AFTER + timedelta(minutes=1)
    assert services.recompute_stale(now=later) == 1
    state.refresh_from_db()
    assert state.stale_since is None
    assert (
        Standing.objects.get(community=community, member=newcomer, tag=None).recognisers
        == 1
    )


def test_withdrawal_marks_for_recomputation(
    brewing, django_capture_on_commit_callbacks
):
    community = brewing["community"]
    services.recompute_community(community=community)
    expert = brewing["experts"][1]
    post = brewing["posts"][brewing["experts"][0]]
    with django_capture_on_commit_callbacks(execute=True):
        recognition_services.withdraw_recognition(actor=expert, post=post)
    assert StandingState.objects.get(community=community).stale_since is not None


def test_who_could_answer_prefers_the_domain_expert_and_excludes_the_asker(brewing):
    community = brewing["community"]
    services.recompute_community(community=community)
    asker = brewing["experts"][2]
    question = make_post(
        community=community,
        author=asker,
        title="Quelle levure pour une fermentation à froid ?",
        body="Ma levure ne démarre pas à basse température.",
        tags=[tag(community, "levure")],
        is_question=True,
    )
    suggested = selectors.who_could_answer(post=question, limit=3)
    assert suggested[0] == brewing["quiet"]
    assert asker not in suggested
    assert brewing["loud"] not in suggested
    assert len(suggested) <= 3


def test_ring_of_new_accounts_is_reported(brewing):
    community = brewing["community"]
    ring = [make_member(f"cercle{i}") for i in range(4)]
    posts = [
        make_post(
            community=community,
            author=member,
            title=f"Cercle {i}",
            tags=[tag(community, "houblon")],
        )
        for i, member in enumerate(ring)
    ]
    for member in ring:
        for post in posts:
            if post.author_id != member.pk:
                recognise(member, post)
    services.recompute_community(community=community)
    clusters = selectors.suspicious_clusters(community=community)
    assert len(clusters) == 1
    assert set(clusters[0].members) == set(ring)
    assert len(clusters[0].reasons) >= 2
    assert SuspiciousCluster.objects.filter(community=community).count() == 1
    quiet_score = Standing.objects.get(
        community=community, member=brewing["quiet"], tag=None
    ).score
    for member in ring:
        assert (
            Standing.objects.get(community=community, member=member, tag=None).score
            < quiet_score
        )


def _grow(community, size: int):
    """`size` more members, each with a billet recognised by the next one."""
    members = [old_member(f"m{size}x{i}", days=300) for i in range(size)]
    posts = [
        make_post(
            community=community,
            author=member,
            title=f"Billet {i}",
            tags=[tag(community, "houblon")],
        )
        for i, member in enumerate(members)
    ]
    for i, post in enumerate(posts):
        recognise(members[(i + 1) % size], post)
        make_comment(
            post=post, author=members[(i + 2) % size], body="Bonne idée, merci."
        )
    return members


@pytest.mark.parametrize("size", [3, 30])
def test_reads_have_bounded_queries(brewing, size, django_assert_max_num_queries):
    community = brewing["community"]
    _grow(community, size)
    services.recompute_community(community=community)
    question = make_post(
        community=community,
        author=brewing["loud"],
        title="Houblon ?",
        tags=[tag(community, "houblon")],
        is_question=True,
    )
    with django_assert_max_num_queries(2):
        selectors.explanation(member=brewing["quiet"], community=community)
    with django_assert_max_num_queries(1):
        list(selectors.hidden_experts(community=community))
    with django_assert_max_num_queries(2):
        selectors.suspicious_clusters(community=community)
    with django_assert_max_num_queries(6):
        selectors.who_could_answer(post=question)
    with django_assert_max_num_queries(1):
        selectors.profiles_for(
            community=community, member_ids=[m.pk for m in brewing["experts"]]
        )


def test_recompute_standing_command(brewing):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("recompute_standing", community="brassage", stdout=out)
    assert "brassage:" in out.getvalue()
    assert Standing.objects.filter(community=brewing["community"]).exists()
    with pytest.raises(CommandError):
        call_command("recompute_standing", community="inconnue", stdout=out)


def test_demo_loader_computes_the_demo_communities(brewing):
    from causerie.standing import demo

    assert (
        demo.load(
            members={},
            communities={"brassage": brewing["community"]},
            now=timezone.now(),
        )
        == 0
    )
    assert ContributionProfile.objects.filter(community=brewing["community"]).exists()
