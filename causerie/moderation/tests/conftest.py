"""Fixtures of the moderation tests: the community's moderator (and a second
one), an author and their items, members who flag, a decision and helpers to
decide and appeal, a movable clock, and logged-in clients. The `emitted` event
recorder lives in the root conftest.

Other test modules of this folder may use them; add fixtures, don't change these."""

from datetime import timedelta

import pytest
from django.utils import timezone

from causerie.core.testing import (
    join,
    make_comment,
    make_community,
    make_member,
    make_post,
)
from causerie.governance import services as governance_services
from causerie.moderation import selectors, services
from causerie.moderation.models import FlaggedItem


@pytest.fixture
def moderator(member, community):
    """The founder holds the founding mandate: the community's moderator."""
    return member


@pytest.fixture
def author(community):
    """A member (not a moderator) whose billet and comment get flagged."""
    return join(make_member("ines"), community)


@pytest.fixture
def authored_post(community, author):
    return make_post(
        community=community,
        author=author,
        title="Houblon du jardin",
        body="Mon texte **contesté** sur le houblon.",
    )


@pytest.fixture
def authored_comment(authored_post, author):
    return make_comment(
        post=authored_post, author=author, body="Un commentaire *contesté*."
    )


@pytest.fixture
def flagger_factory(community):
    """Members of the community who may flag (trust level 1 unless told)."""

    def make(handle: str, *, trust_level: int = 1):
        return join(make_member(handle, trust_level=trust_level), community)

    return make


@pytest.fixture
def flaggers(flagger_factory):
    """Three members of trust level 1: weight 2 each, so together (6) they pass
    the default threshold (5) and none of them reaches it alone."""
    return [flagger_factory(handle) for handle in ("albane", "basile", "cyrille")]


@pytest.fixture
def rules(community):
    """The rules of the community's current guide, rule 1 first."""
    return selectors.citable_rules(community=community)


@pytest.fixture
def pending_comment(authored_comment, flaggers, rules):
    """A comment three members flagged citing rule 2: hidden pending review."""
    for flagger in flaggers:
        services.flag_item(actor=flagger, comment=authored_comment, rule_id=rules[1].pk)
    authored_comment.refresh_from_db()
    return authored_comment


@pytest.fixture
def other_community(db):
    """Another community, with its own moderator."""
    return make_community(
        founder=make_member("ophelie"), slug="ailleurs", name="Ailleurs"
    )


@pytest.fixture
def clock(monkeypatch):
    """timezone.now() moved forward on demand, for services and auto dates alike."""

    class Clock:
        offset = timedelta()

        def advance(self, **duration):
            self.offset += timedelta(**duration)

    moved = Clock()
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + moved.offset)
    return moved


@pytest.fixture
def second_moderator(community, moderator):
    """A member the founder co-opts: the community then has two moderators."""
    colleague = join(make_member("gaspard"), community)
    governance_services.co_opt_moderator(
        actor=moderator, community=community, member=colleague
    )
    return colleague


def decide(moderator, item, action="hide", **options):
    """The moderator decides the flagged comment or billet `item`."""
    lookup = {"comment": item} if hasattr(item, "parent_id") else {"post": item}
    flagged_item = FlaggedItem.objects.get(**lookup)
    return services.decide_item(
        actor=moderator, flagged_item_id=flagged_item.pk, action=action, **options
    )


@pytest.fixture
def decision(pending_comment, moderator, rules):
    """The founder hid a comment three members flagged, citing rule 2."""
    return decide(
        moderator,
        pending_comment,
        rule_id=rules[1].pk,
        explanation="Moquerie envers un autre membre.",
    )


def file_appeal(author, decision, text="C'était de l'humour."):
    """The author appeals the decision (the pages tests look for this text)."""
    return services.appeal_decision(actor=author, decision_id=decision.pk, text=text)
