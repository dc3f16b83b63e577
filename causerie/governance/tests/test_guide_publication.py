"""Publishing a new guide version (only through an adopted amendment now:
logged, with its policy), and members accepting it before they post again."""

import pytest
from django.utils import translation
from django.utils.html import escape

from causerie.communities import services as community_services
from causerie.communities.exceptions import GuideChangedWhileReading, GuideNotAccepted
from causerie.communities.models import Membership
from causerie.communities.tests import recorder
from causerie.core.events import HANDLERS
from causerie.governance import services
from causerie.governance.events import GuidePublished
from causerie.governance.exceptions import InvalidPolicyValue
from causerie.governance.models import GuideVersion
from causerie.moderation.models import LogAction, ModerationLogEntry
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Intent, Post

NEW_TEXT = "Nouvelle introduction.\n\n## Parler poliment\n\nToujours.\n"


def french(message) -> str:
    """The French a member reads for an English message id."""
    with translation.override("fr"):
        return translation.gettext(str(message))


def form_data(community, **changes):
    """What the version form sends when nothing but `changes` is edited."""
    return {
        "text": NEW_TEXT,
        **community.policy.to_json(),
        "summary": "Une règle de politesse",
        **changes,
    }


def publish(community, moderator, *, text=NEW_TEXT, summary="Refonte"):
    return services.publish_guide_version(
        actor=moderator, community=community, text=text, policy={}, summary=summary
    )


@pytest.fixture
def joined(community, other_member):
    """The other member joined at version 1."""
    community_services.join_community(
        actor=other_member, community=community, accepted_guide_version=1
    )
    return other_member


@pytest.fixture
def guide_events():
    """GuidePublished events emitted during the test, once their transaction commits."""
    recorder.RECORDED.clear()
    HANDLERS["GuidePublished"].append(recorder.record)
    yield recorder.RECORDED
    HANDLERS["GuidePublished"].remove(recorder.record)
    recorder.RECORDED.clear()


# The moderators' direct route is gone: the guide changes only by amendment.


def test_moderators_can_no_longer_publish_a_version_by_hand(client, community, member):
    client.force_login(member)

    shown = client.get("/c/brassage/guide/nouvelle-version/")
    sent = client.post("/c/brassage/guide/nouvelle-version/", form_data(community))
    guide = client.get("/c/brassage/guide/").content.decode()

    assert shown.status_code == 404
    assert sent.status_code == 404
    assert "nouvelle-version" not in guide
    assert "/c/brassage/amendements/" in guide
    assert GuideVersion.objects.filter(community=community).count() == 1


def test_publish_guide_version_logs_the_version_with_its_policy(
    community, member, joined, guide_events, django_capture_on_commit_callbacks
):
    """The internal publication an adopted amendment uses."""
    with django_capture_on_commit_callbacks(execute=True):
        version = services.publish_guide_version(
            actor=member,
            community=community,
            text=NEW_TEXT,
            policy={"hide_threshold": 8, "amendment_majority": "3/4"},
            summary="Une règle de politesse",
        )

    assert version.number == 2
    assert [rule.title for rule in version.rules.all()] == ["Parler poliment"]
    community.refresh_from_db()
    assert community.policy.hide_threshold == 8
    assert community.policy.amendment_majority == "3/4"
    entry = ModerationLogEntry.objects.get(community=community)
    assert entry.action == LogAction.GUIDE_PUBLISHED
    assert entry.guide_version == version
    assert guide_events == [
        GuidePublished(community_id=community.pk, version_id=version.pk)
    ]
    assert Membership.objects.get(member=member).accepted_guide_version == 2
    assert Membership.objects.get(member=joined).accepted_guide_version == 1


@pytest.mark.parametrize(
    ("key", "value"),
    [("amendment_majority", "1/3"), ("hide_threshold", True), ("moderator_seats", 0)],
)
def test_publish_guide_version_refuses_odd_policy_values(community, member, key, value):
    with pytest.raises(InvalidPolicyValue) as refusal:
        services.publish_guide_version(
            actor=member,
            community=community,
            text=NEW_TEXT,
            policy={key: value},
            summary="Réglage",
        )

    assert refusal.value.field == key


def test_publish_guide_version_refuses_a_policy_value_out_of_bounds(community, member):
    with pytest.raises(InvalidPolicyValue) as refusal:
        services.publish_guide_version(
            actor=member,
            community=community,
            text=NEW_TEXT,
            policy={"hide_threshold": 1},
            summary="Seuil",
        )

    assert refusal.value.code == "invalid_policy_value"
    assert refusal.value.field == "hide_threshold"
    assert GuideVersion.objects.filter(community=community).count() == 1


# Accepting a new version


def test_post_create_is_refused_until_a_member_accepts_the_new_version(
    client, community, member, joined
):
    publish(community, member)
    client.force_login(joined)
    billet = {"title": "Bonjour", "body": "Texte", "intent": Intent.INFORMATION}

    refused = client.post("/c/brassage/ecrire/", billet)
    accepted = client.post("/c/brassage/guide/accepter/", {"version": 2})
    published = client.post("/c/brassage/ecrire/", billet)

    assert refused.status_code == 403
    assert escape(french(GuideNotAccepted.message)) in refused.content.decode()
    assert accepted.status_code == 302
    assert accepted["Location"] == "/c/brassage/"
    assert Membership.objects.get(member=joined).accepted_guide_version == 2
    assert published.status_code == 302
    assert Post.objects.filter(author=joined, title="Bonjour").count() == 1


def test_publish_post_refuses_a_member_behind_the_guide(community, member, joined):
    publish(community, member)
    community.refresh_from_db()

    with pytest.raises(GuideNotAccepted) as refusal:
        publishing_services.publish_post(
            actor=joined,
            community=community,
            title="Bonjour",
            body="Texte",
            intent=Intent.INFORMATION,
            tags=[],
        )

    assert refusal.value.code == "guide_not_accepted"
    assert not Post.objects.filter(author=joined).exists()


def test_community_detail_asks_a_member_behind_the_guide_to_accept_it(
    client, community, member, joined
):
    client.force_login(joined)
    before = client.get("/c/brassage/").content.decode()
    publish(community, member)

    after = client.get("/c/brassage/").content.decode()

    link = 'href="/c/brassage/guide/accepter/"'
    assert link not in before
    assert link in after
    assert (
        escape(
            french("The guide has a new version: read it and accept it to post again.")
        )
        in after
    )
    assert 'href="/c/brassage/guide/"' in after


def test_accept_page_shows_the_new_version_and_what_changed_since_the_accepted_one(
    client, community, member, joined
):
    publish(community, member, summary="Une seule règle désormais")
    client.force_login(joined)

    response = client.get("/c/brassage/guide/accepter/")

    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["comparison"]["before"].number == 1
    assert '<div class="added">## Parler poliment</div>' in page
    assert f'<div class="removed">## {escape(french("Stay courteous"))}</div>' in page
    assert "Une seule règle désormais" in page
    assert '<input type="hidden" name="version" value="2">' in page
    assert Membership.objects.get(member=joined).accepted_guide_version == 1


def test_accept_refuses_a_version_published_while_the_member_was_reading(
    client, community, member, joined
):
    publish(community, member)
    client.force_login(joined)
    publish(community, member, text=NEW_TEXT + "\n## Encore une\n\nRègle.\n")

    response = client.post("/c/brassage/guide/accepter/", {"version": 2})

    page = response.content.decode()
    assert response.status_code == 200
    assert escape(french(GuideChangedWhileReading.message)) in page
    assert '<input type="hidden" name="version" value="3">' in page
    assert Membership.objects.get(member=joined).accepted_guide_version == 1


def test_accept_sends_a_non_member_to_the_join_page(client, community, other_member):
    client.force_login(other_member)

    response = client.post("/c/brassage/guide/accepter/", {"version": 1})

    assert response.status_code == 302
    assert response["Location"] == "/c/brassage/rejoindre/"
    assert not Membership.objects.filter(member=other_member).exists()


def test_accept_sends_an_up_to_date_member_to_the_guide(client, community, joined):
    client.force_login(joined)

    response = client.get("/c/brassage/guide/accepter/")

    assert response.status_code == 302
    assert response["Location"] == "/c/brassage/guide/"
