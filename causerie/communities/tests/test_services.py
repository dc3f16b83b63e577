"""Services of the communities app: founding, joining, leaving, tags, suspension."""

import pytest
from django.contrib.auth.models import AnonymousUser

from causerie.communities import selectors, services
from causerie.communities.events import CommunityFounded
from causerie.communities.exceptions import (
    CommunitySuspended,
    LastModeratorCannotLeave,
    NotAModerator,
    SlugTaken,
    TagTaken,
)
from causerie.communities.models import Community, Membership, Tag
from causerie.core.exceptions import InvalidRequest, NotAllowed
from causerie.core.testing import make_post
from causerie.governance.models import Mandate
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Intent, Post


def found(actor, **fields):
    return services.found_community(
        actor=actor,
        **{
            "name": "Brassage",
            "slug": "brassage",
            "description": "On brasse **ensemble**.",
            "language": "fr",
            **fields,
        },
    )


def suspend(community, superuser):
    return services.suspend_community(
        actor=superuser, community=community, notice="Trop de spam."
    )


# Founding


def test_found_community_makes_the_founder_a_member_and_moderator(member):
    community = found(member)

    community.refresh_from_db()
    assert community.member_count == 1
    assert community.founder == member
    assert "<strong>ensemble</strong>" in community.description_html
    assert list(Membership.objects.values_list("community", "member")) == [
        (community.pk, member.pk)
    ]
    mandate = Mandate.objects.get()
    assert (mandate.community, mandate.holder) == (community, member)
    assert mandate.kind == Mandate.Kind.FOUNDING
    assert mandate.ended_at is None


def test_found_community_emits_community_founded_after_commit(
    member, recorded_events, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        community = found(member)
        assert recorded_events == []

    assert recorded_events == [
        CommunityFounded(community_id=community.pk, founder_id=member.pk)
    ]


def test_found_community_refuses_a_slug_in_use(
    member, other_member, recorded_events, django_capture_on_commit_callbacks
):
    first = found(member)

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(SlugTaken) as refusal,
    ):
        found(other_member, name="Autre brassage")

    assert refusal.value.code == "slug_taken"
    assert refusal.value.field == "slug"
    assert list(Community.objects.all()) == [first]
    assert Membership.objects.count() == 1
    assert Mandate.objects.count() == 1
    assert recorded_events == []


def test_found_community_refuses_an_invalid_slug(member):
    with pytest.raises(InvalidRequest) as refusal:
        found(member, slug="Pas Valide")

    assert refusal.value.field == "slug"
    assert not Community.objects.exists()


def test_found_community_refuses_a_visitor(db):
    with pytest.raises(NotAllowed):
        found(AnonymousUser())

    assert not Community.objects.exists()


# Joining and leaving


def test_join_community_adds_a_membership_and_counts_it(community, other_member):
    membership = services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )

    assert membership.member == other_member
    community.refresh_from_db()
    assert community.member_count == 2


def test_join_community_changes_nothing_when_called_twice(community, other_member):
    first = services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    second = services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )

    assert first.pk == second.pk
    community.refresh_from_db()
    assert community.member_count == 2
    assert Membership.objects.filter(community=community).count() == 2


def test_join_community_refuses_a_visitor(community):
    with pytest.raises(NotAllowed):
        services.join_community(
            actor=AnonymousUser(), community=community, accepted_guide_version=1
        )

    community.refresh_from_db()
    assert community.member_count == 1


def test_leave_community_removes_the_membership_and_counts_it(community, other_member):
    services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )

    services.leave_community(actor=other_member, community=community)

    community.refresh_from_db()
    assert community.member_count == 1
    assert not Membership.objects.filter(member=other_member).exists()


def test_leave_community_changes_nothing_for_a_non_member(community, other_member):
    services.leave_community(actor=other_member, community=community)

    community.refresh_from_db()
    assert community.member_count == 1


def test_leave_community_refuses_the_last_moderator(community, member):
    with pytest.raises(LastModeratorCannotLeave) as refusal:
        services.leave_community(actor=member, community=community)

    assert refusal.value.code == "last_moderator_cannot_leave"
    community.refresh_from_db()
    assert community.member_count == 1
    assert Membership.objects.filter(member=member, community=community).exists()


def test_leave_community_ends_the_mandate_of_a_departing_moderator(
    community, member, other_member
):
    services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    Mandate.objects.create(
        community=community,
        holder=other_member,
        kind=Mandate.Kind.ELECTED,
        started_at=community.created_at,
    )

    services.leave_community(actor=other_member, community=community)

    assert other_member.pk not in selectors.moderator_ids(community=community)
    assert Mandate.objects.get(holder=other_member).ended_at is not None


# Tags


def test_create_tag_adds_a_tag_when_a_moderator_asks(community, member):
    tag = services.create_tag(
        actor=member, community=community, name="Houblon Frais", description="Vert"
    )

    assert (tag.name, tag.slug, tag.description) == (
        "Houblon Frais",
        "houblon-frais",
        "Vert",
    )
    assert list(community.tags.all()) == [tag]


def test_create_tag_refuses_a_member_who_is_not_a_moderator(community, other_member):
    services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )

    with pytest.raises(NotAModerator) as refusal:
        services.create_tag(
            actor=other_member, community=community, name="Houblon", description=""
        )

    assert refusal.value.code == "not_a_moderator"
    assert not Tag.objects.exists()


def test_create_tag_refuses_a_name_already_used(community, member):
    services.create_tag(
        actor=member, community=community, name="Houblon", description=""
    )

    with pytest.raises(TagTaken) as refusal:
        services.create_tag(
            actor=member, community=community, name="houblon", description=""
        )

    assert refusal.value.code == "tag_taken"
    assert Tag.objects.count() == 1


def test_create_tag_refuses_a_name_without_letters(community, member):
    with pytest.raises(InvalidRequest) as refusal:
        services.create_tag(
            actor=member, community=community, name="!!!", description=""
        )

    assert refusal.value.code == "invalid_tag_name"
    assert not Tag.objects.exists()


def test_delete_tag_removes_it_from_the_billets(community, member):
    tag = services.create_tag(
        actor=member, community=community, name="Houblon", description=""
    )
    post = make_post(community=community, author=member, tags=[tag])

    services.delete_tag(actor=member, tag=tag)

    assert not Tag.objects.exists()
    assert list(post.tags.all()) == []
    assert Post.objects.filter(pk=post.pk).exists()


def test_delete_tag_refuses_a_member_who_is_not_a_moderator(
    community, member, other_member
):
    tag = services.create_tag(
        actor=member, community=community, name="Houblon", description=""
    )
    services.join_community(
        actor=other_member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )

    with pytest.raises(NotAModerator):
        services.delete_tag(actor=other_member, tag=tag)

    assert Tag.objects.filter(pk=tag.pk).exists()


def test_update_tag_refuses_the_name_of_another_tag(community, member):
    services.create_tag(actor=member, community=community, name="Malt", description="")
    tag = services.create_tag(
        actor=member, community=community, name="Houblon", description=""
    )

    with pytest.raises(TagTaken):
        services.update_tag(actor=member, tag=tag, name="MALT", description="")

    assert sorted(Tag.objects.values_list("slug", flat=True)) == ["houblon", "malt"]


def test_update_tag_refuses_a_member_who_is_not_a_moderator(
    community, member, other_member
):
    tag = services.create_tag(
        actor=member, community=community, name="Houblon", description=""
    )

    with pytest.raises(NotAModerator):
        services.update_tag(actor=other_member, tag=tag, name="Malt", description="")

    tag.refresh_from_db()
    assert tag.name == "Houblon"


def test_update_community_changes_the_description_when_a_moderator_asks(
    community, member
):
    services.update_community(
        actor=member,
        community=community,
        name="Brassage maison",
        description="*Nouveau*",
        language="en",
    )

    community.refresh_from_db()
    assert community.name == "Brassage maison"
    assert community.description_html == "<p><em>Nouveau</em></p>\n"
    assert community.language == "en"


def test_update_community_refuses_a_member_who_is_not_a_moderator(
    community, other_member
):
    with pytest.raises(NotAModerator):
        services.update_community(
            actor=other_member,
            community=community,
            name="Piraté",
            description="",
            language="fr",
        )

    community.refresh_from_db()
    assert community.name == "Brassage"


# Suspension


def test_suspend_community_makes_it_read_only_when_a_superuser_asks(
    community, superuser
):
    suspend(community, superuser)

    community.refresh_from_db()
    assert community.suspended_at is not None
    assert community.suspension_notice == "Trop de spam."


def test_suspend_community_refuses_the_founder_who_is_not_a_superuser(
    community, member
):
    with pytest.raises(NotAllowed) as refusal:
        services.suspend_community(actor=member, community=community, notice="")

    assert refusal.value.code == "not_allowed"
    community.refresh_from_db()
    assert community.suspended_at is None


def test_suspend_community_refuses_staff_who_are_not_superusers(
    community, member_factory
):
    staff = member_factory("equipe", is_staff=True)

    with pytest.raises(NotAllowed):
        services.suspend_community(actor=staff, community=community, notice="")

    community.refresh_from_db()
    assert community.suspended_at is None


def test_lift_suspension_reopens_the_community(community, superuser):
    suspend(community, superuser)

    services.lift_suspension(actor=superuser, community=community)

    community.refresh_from_db()
    assert community.suspended_at is None
    assert community.suspension_notice == ""


def test_lift_suspension_refuses_a_member_who_is_not_a_superuser(
    community, member, superuser
):
    suspend(community, superuser)

    with pytest.raises(NotAllowed):
        services.lift_suspension(actor=member, community=community)

    community.refresh_from_db()
    assert community.is_suspended


def test_join_community_refuses_when_the_community_is_suspended(
    community, other_member, superuser
):
    suspend(community, superuser)

    with pytest.raises(CommunitySuspended) as refusal:
        services.join_community(
            actor=other_member,
            community=community,
            accepted_guide_version=community.guide_version_number,
        )

    assert refusal.value.code == "community_suspended"
    assert not Membership.objects.filter(member=other_member).exists()


def test_publish_post_refuses_when_the_community_is_suspended(
    community, member, superuser
):
    suspend(community, superuser)

    with pytest.raises(CommunitySuspended) as refusal:
        publishing_services.publish_post(
            actor=member,
            community=community,
            title="Encore là",
            body="Texte",
            intent=Intent.OPINION,
        )

    assert refusal.value.code == "community_suspended"
    assert not Post.objects.exists()


def test_create_tag_refuses_when_the_community_is_suspended(
    community, member, superuser
):
    suspend(community, superuser)

    with pytest.raises(CommunitySuspended) as refusal:
        services.create_tag(
            actor=member, community=community, name="Houblon", description=""
        )

    assert refusal.value.code == "community_suspended"
    assert not Tag.objects.exists()


def test_create_tag_works_again_once_the_suspension_is_lifted(
    community, member, superuser
):
    suspend(community, superuser)
    services.lift_suspension(actor=superuser, community=community)

    services.create_tag(
        actor=member, community=community, name="Houblon", description=""
    )

    assert Tag.objects.count() == 1
