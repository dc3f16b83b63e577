"""Reads on the participation guide: versions, policy rows, comparisons and
whether a member must accept a new version."""

import pytest
from django.contrib.auth.models import AnonymousUser

from causerie.communities import services as community_services
from causerie.communities.policy import POLICY_FIELDS, CommunityPolicy
from causerie.governance import selectors, services
from causerie.governance.exceptions import GuideVersionNotFound
from causerie.governance.models import GuideVersion

TEXT = "Intro.\n\n## Première\n\nUn.\n\n## Deuxième\n\nDeux.\n"


def publish(community, moderator, *, text=TEXT, policy=None):
    return services.publish_guide_version(
        actor=moderator,
        community=community,
        text=text,
        policy=policy or {},
        summary="Changement",
    )


def test_guide_text_gives_back_the_text_a_version_was_published_from(community, member):
    publish(community, member)

    version = selectors.guide_version(community=community, number=2)

    assert selectors.guide_text(version=version) == TEXT


def test_guide_version_refuses_a_number_that_does_not_exist(community):
    with pytest.raises(GuideVersionNotFound) as refusal:
        selectors.guide_version(community=community, number=2)

    assert refusal.value.code == "guide_version_not_found"


def test_policy_rows_labels_every_key_and_fills_in_missing_defaults(community, member):
    version = publish(community, member, policy={"hide_threshold": 9})
    # A version stored before a key existed reads that key's default.
    GuideVersion.objects.filter(pk=version.pk).update(policy={"hide_threshold": 9})
    version.refresh_from_db()

    rows = selectors.policy_rows(version=version)

    assert [row.key for row in rows][: len(POLICY_FIELDS)] == list(POLICY_FIELDS)
    assert {row.key for row in rows} == set(CommunityPolicy().to_json())
    values = {row.key: row.value for row in rows}
    assert values["hide_threshold"] == 9
    assert values["moderator_seats"] == 3
    assert all(row.label and row.label != row.key for row in rows)


def test_guide_comparison_lists_only_the_policy_values_that_changed(community, member):
    publish(community, member, policy={"hide_threshold": 9, "flag_window_days": 30})

    comparison = selectors.guide_comparison(community=community, before=1, after=2)

    assert [
        (change.key, change.before, change.after)
        for change in comparison["policy_changes"]
    ] == [("hide_threshold", 5, 9)]
    assert comparison["has_text_changes"]
    assert ("added", "## Première") in comparison["diff"]


def test_guide_comparison_refuses_a_version_that_does_not_exist(community):
    with pytest.raises(GuideVersionNotFound):
        selectors.guide_comparison(community=community, before=1, after=3)


def test_guide_status_asks_only_a_member_behind_the_guide(
    community, member, other_member, member_factory
):
    community_services.join_community(
        actor=other_member, community=community, accepted_guide_version=1
    )
    stranger = member_factory("etienne")
    publish(community, member)

    assert selectors.guide_status(viewer=other_member, community=community) == {
        "accepted_guide_version": 1,
        "guide_needs_acceptance": True,
    }
    assert not selectors.guide_status(viewer=member, community=community)[
        "guide_needs_acceptance"
    ]
    assert not selectors.guide_status(viewer=stranger, community=community)[
        "guide_needs_acceptance"
    ]
    assert not selectors.guide_status(viewer=AnonymousUser(), community=community)[
        "guide_needs_acceptance"
    ]
