"""Amendments: who may propose, the discussion, phase changes at deadlines,
quorum and majority fixed at opening, adoption as a new guide version."""

from datetime import timedelta

import pytest

from causerie.communities import selectors as community_selectors
from causerie.communities.models import Membership
from causerie.governance import selectors, services
from causerie.governance.events import VoteClosed, VoteOpened
from causerie.governance.exceptions import (
    AmendmentChangesNothing,
    AmendmentNotInDiscussion,
    GuideNeedsARule,
    InvalidPolicyValue,
    NotAllowedToPropose,
    NotAllowedToRevise,
)
from causerie.governance.models import Amendment, GuideVersion, Vote
from causerie.governance.tests.builders import (
    DAY,
    NOW,
    cast,
    close,
    join,
    new_text,
    open_vote,
    propose,
    voters,
)
from causerie.moderation.models import LogAction, ModerationLogEntry
from causerie.publishing.models import Intent, Post


@pytest.fixture
def proposer(community):
    return join("prune", community, days=14, trust=2)


def set_policy(community, author, **values):
    """A guide version with other policy values (the internal publication an
    adopted amendment makes)."""
    community.refresh_from_db()
    services.publish_guide_version(
        actor=author,
        community=community,
        text=selectors.guide_text(version=selectors.current_guide(community=community)),
        policy=values,
        summary="Réglages",
    )
    community.refresh_from_db()


# Standing


def test_a_member_at_level_2_for_14_days_may_propose(community, proposer):
    amendment = propose(community, proposer)

    assert amendment.number == 1
    assert amendment.status == Amendment.Status.DISCUSSION
    assert amendment.discussion_ends_at == NOW + 3 * DAY


@pytest.mark.parametrize(("days", "trust"), [(13, 2), (30, 1), (30, 0)])
def test_a_member_without_standing_may_not_propose(community, days, trust):
    newcomer = join("neuf", community, days=days, trust=trust)

    with pytest.raises(NotAllowedToPropose):
        propose(community, newcomer)

    assert not Amendment.objects.exists()


def test_a_non_member_may_not_propose(community, member_factory):
    stranger = member_factory("etranger", trust_level=4)

    with pytest.raises(NotAllowedToPropose):
        propose(community, stranger)


def test_standing_follows_the_policy(community, member, proposer):
    set_policy(
        community,
        member,
        amendment_proposer_trust_level=3,
        amendment_proposer_member_days=0,
    )
    Membership.objects.filter(member=proposer).update(accepted_guide_version=2)

    with pytest.raises(NotAllowedToPropose) as refusal:
        propose(community, proposer)

    assert "3" in str(refusal.value.message)


def test_moderators_propose_like_everyone_else(community, member):
    """The founder is at level 1 and just joined: no standing yet."""
    with pytest.raises(NotAllowedToPropose):
        propose(community, member)


# The proposal


def test_proposing_opens_a_discussion_billet_and_logs_it(community, proposer):
    amendment = propose(community, proposer, summary="Citer ses sources")

    post = Post.objects.get(pk=amendment.discussion_post_id)
    assert post.author == proposer
    assert post.intent == Intent.INFORMATION
    assert post.title == "Amendement : Citer ses sources"
    assert amendment.get_absolute_url() in post.body
    entry = ModerationLogEntry.objects.get(action=LogAction.AMENDMENT_PROPOSED)
    assert entry.actor == proposer
    assert entry.target_url == "/c/brassage/amendements/1/"
    assert "Citer ses sources" in entry.target_title
    revision = amendment.revisions.get()
    assert revision.number == 1
    assert revision.text == amendment.text


def test_a_proposal_that_changes_nothing_is_refused(community, proposer):
    current = selectors.current_guide(community=community)

    with pytest.raises(AmendmentChangesNothing):
        propose(community, proposer, text=selectors.guide_text(version=current))


def test_a_proposal_without_rules_is_refused_next_to_the_text(community, proposer):
    with pytest.raises(GuideNeedsARule) as refusal:
        propose(community, proposer, text="Plus de règles du tout.")

    assert refusal.value.field == "text"


def test_a_policy_value_out_of_bounds_is_refused(community, proposer):
    with pytest.raises(InvalidPolicyValue) as refusal:
        propose(community, proposer, policy={"hide_threshold": 1000})

    assert refusal.value.field == "hide_threshold"


def test_a_policy_change_alone_is_a_proposal(community, proposer):
    current = selectors.current_guide(community=community)

    amendment = propose(
        community,
        proposer,
        text=selectors.guide_text(version=current),
        policy={"hide_threshold": 8},
    )

    comparison = selectors.amendment_comparison(
        base=current, text=amendment.text, policy=amendment.policy
    )
    assert not comparison["has_text_changes"]
    assert [(c.key, c.before, c.after) for c in comparison["policy_changes"]] == [
        ("hide_threshold", 5, 8)
    ]


def test_numbers_follow_each_other_per_community(community, proposer):
    first = propose(community, proposer)
    second = propose(community, proposer, text=new_text(community, extra="## B\n\nb"))

    assert (first.number, second.number) == (1, 2)


# Revisions and withdrawal


def test_the_author_revises_during_the_discussion_and_every_revision_is_kept(
    community, proposer
):
    amendment = propose(community, proposer)

    services.revise_amendment(
        actor=proposer,
        amendment=amendment,
        text=new_text(community, extra="## Citer ses sources\n\nUn lien précis."),
        policy={"hide_threshold": 6},
        summary="Citer ses sources, précisément",
    )

    amendment.refresh_from_db()
    assert amendment.summary == "Citer ses sources, précisément"
    assert "Un lien précis." in amendment.text
    assert amendment.policy["hide_threshold"] == 6
    assert [r.number for r in amendment.revisions.all()] == [1, 2]
    assert "Toujours un lien." in amendment.revisions.get(number=1).text


def test_only_the_author_revises(community, proposer):
    amendment = propose(community, proposer)
    other = join("autre", community, trust=3)

    with pytest.raises(NotAllowedToRevise):
        services.revise_amendment(
            actor=other,
            amendment=amendment,
            text=new_text(community),
            policy={},
            summary="Détourné",
        )


def test_no_revision_once_the_vote_is_open(community, proposer):
    amendment = open_vote(propose(community, proposer))

    with pytest.raises(AmendmentNotInDiscussion):
        services.revise_amendment(
            actor=proposer,
            amendment=amendment,
            text=new_text(community, extra="## C\n\nc"),
            policy={},
            summary="Trop tard",
        )


def test_the_author_withdraws_during_the_discussion(community, proposer):
    amendment = propose(community, proposer)

    services.withdraw_amendment(actor=proposer, amendment=amendment, now=NOW + DAY)

    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.WITHDRAWN
    assert services.advance_amendments(now=NOW + 10 * DAY) == 0
    assert ModerationLogEntry.objects.filter(
        action=LogAction.AMENDMENT_WITHDRAWN, actor=proposer
    ).exists()


# Phases by the clock


def test_the_vote_opens_by_itself_when_the_discussion_ends(
    community, proposer, emitted, django_capture_on_commit_callbacks
):
    amendment = propose(community, proposer)

    assert services.advance_amendments(now=NOW + 3 * DAY - timedelta(seconds=1)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.advance_amendments(now=NOW + 3 * DAY) == 1

    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.VOTING
    vote = amendment.vote
    assert vote.opened_at == NOW + 3 * DAY
    assert vote.closes_at == NOW + 10 * DAY
    assert (vote.quorum, vote.majority) == (5, "2/3")
    assert ModerationLogEntry.objects.filter(
        action=LogAction.AMENDMENT_VOTE, target_url=amendment.get_absolute_url()
    ).exists()
    assert [e for e in emitted if isinstance(e, VoteOpened)] == [
        VoteOpened(
            community_id=community.pk,
            subject="amendment",
            title="Citer ses sources",
            path="/c/brassage/amendements/1/",
        )
    ]
    assert services.advance_amendments(now=NOW + 4 * DAY) == 0


def test_an_adopted_amendment_becomes_the_next_guide_version(
    community, member, proposer, emitted, django_capture_on_commit_callbacks
):
    amendment = open_vote(propose(community, proposer, policy={"hide_threshold": 8}))
    cast(amendment, voters(community, 4), "for")
    cast(amendment, [proposer], "for")

    assert services.advance_amendments(now=amendment.vote.closes_at - DAY) == 0
    with django_capture_on_commit_callbacks(execute=True):
        close(amendment)

    assert amendment.status == Amendment.Status.ADOPTED
    vote = amendment.vote
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (5, 0, 0)
    assert vote.outcome == Vote.Outcome.ADOPTED
    version = amendment.adopted_version
    assert version.number == 2
    assert version.published_by == proposer
    assert version.summary == "Citer ses sources"
    assert "Citer ses sources" in [rule.title for rule in version.rules.all()]
    community.refresh_from_db()
    assert community.guide_version_number == 2
    assert community.policy.hide_threshold == 8
    # Members are asked to accept it (the founder has not yet).
    status = selectors.guide_status(viewer=member, community=community)
    assert status["guide_needs_acceptance"]
    entry = ModerationLogEntry.objects.get(action=LogAction.AMENDMENT_ADOPTED)
    assert "5" in entry.explanation
    assert entry.target_url == amendment.get_absolute_url()
    assert ModerationLogEntry.objects.filter(
        action=LogAction.GUIDE_PUBLISHED, guide_version=version
    ).exists()
    closed = [e for e in emitted if isinstance(e, VoteClosed)]
    assert [(e.subject, e.outcome) for e in closed] == [("amendment", "adopted")]
    assert selectors.recount_matches(vote=vote)


def test_quorum_not_reached_rejects_and_leaves_the_guide(community, proposer):
    amendment = open_vote(propose(community, proposer))
    cast(amendment, voters(community, 4), "for")

    close(amendment)

    assert amendment.status == Amendment.Status.REJECTED
    assert amendment.vote.outcome == Vote.Outcome.NO_QUORUM
    assert GuideVersion.objects.filter(community=community).count() == 1
    assert ModerationLogEntry.objects.filter(
        action=LogAction.AMENDMENT_REJECTED
    ).exists()


def test_abstentions_count_for_the_quorum_not_for_the_majority(community, proposer):
    amendment = open_vote(propose(community, proposer))
    members = voters(community, 5)
    cast(amendment, members[:1], "for")
    cast(amendment, members[1:], "abstain")

    close(amendment)

    assert amendment.vote.turnout == 5
    assert amendment.status == Amendment.Status.ADOPTED


def test_exactly_two_thirds_adopts(community, proposer):
    amendment = open_vote(propose(community, proposer))
    members = voters(community, 6)
    cast(amendment, members[:4], "for")
    cast(amendment, members[4:], "against")

    close(amendment)

    assert amendment.status == Amendment.Status.ADOPTED


def test_just_under_two_thirds_rejects(community, proposer):
    amendment = open_vote(propose(community, proposer))
    members = voters(community, 5)
    cast(amendment, members[:3], "for")
    cast(amendment, members[3:], "against")

    close(amendment)

    assert amendment.status == Amendment.Status.REJECTED
    assert amendment.vote.outcome == Vote.Outcome.NO_MAJORITY


def test_quorum_grows_with_active_members(community, proposer):
    from causerie.accounts.models import VisitDay

    members = voters(community, 60)
    VisitDay.objects.bulk_create(
        VisitDay(member=m, day=(NOW - 10 * DAY).date()) for m in members
    )
    amendment = open_vote(propose(community, proposer))

    # The 60 visitors and the proposer, active by the discussion billet.
    assert amendment.vote.active_members == 61
    assert amendment.vote.quorum == 7  # 10% of 61, rounded up, is more than 5


def test_rules_in_force_at_opening_decide_even_if_changed_meanwhile(
    community, member, proposer
):
    set_policy(community, member, amendment_majority="3/4")
    Membership.objects.filter(community=community).update(accepted_guide_version=2)
    amendment = open_vote(propose(community, proposer))
    # The rules change while the vote is open (through another version).
    set_policy(
        community,
        member,
        amendment_majority="1/2",
        amendment_quorum_votes=1,
    )
    members = voters(community, 7)
    cast(amendment, members[:5], "for")
    cast(amendment, members[5:], "against")

    close(amendment)

    assert (amendment.vote.quorum, amendment.vote.majority) == (5, "3/4")
    # 5 of 7 is under 3/4: rejected, although 1/2 is in force now.
    assert amendment.vote.outcome == Vote.Outcome.NO_MAJORITY


def test_a_vote_on_a_superseded_text_is_not_applied(community, proposer):
    first = open_vote(propose(community, proposer))
    second = open_vote(
        propose(
            community,
            proposer,
            text=new_text(community, extra="## Autre\n\nautre"),
            summary="Autre",
        )
    )
    members = voters(community, 5)
    cast(first, members, "for")
    cast(second, members, "for")

    close(first)
    close(second)

    assert first.status == Amendment.Status.ADOPTED
    assert second.status == Amendment.Status.REJECTED
    assert second.vote.outcome == Vote.Outcome.SUPERSEDED
    community.refresh_from_db()
    assert community.guide_version_number == 2


def test_adoption_applies_only_the_policy_keys_the_amendment_changes(
    community, member, proposer
):
    amendment = open_vote(propose(community, proposer, policy={"hide_threshold": 9}))
    cast(amendment, voters(community, 5), "for")

    close(amendment)

    community.refresh_from_db()
    assert community.policy.hide_threshold == 9
    assert community.policy.flag_window_days == 30


def test_the_discussion_billet_takes_comments(community, proposer):
    from causerie.core.testing import make_comment

    amendment = propose(community, proposer)
    other = join("lecteur", community)

    comment = make_comment(
        post=amendment.discussion_post, author=other, body="Bonne idée."
    )

    assert comment.post_id == amendment.discussion_post_id
    assert community_selectors.is_member(member=other, community=community)
