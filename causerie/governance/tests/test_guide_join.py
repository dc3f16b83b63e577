"""Joining a community means reading and accepting its current guide; founding
one means writing its first version."""

from django.utils import translation
from django.utils.html import escape

from causerie.communities.exceptions import GuideChangedWhileReading
from causerie.communities.models import Community, Membership
from causerie.communities.policy import CommunityPolicy
from causerie.governance import services
from causerie.governance.exceptions import GuideNeedsARule
from causerie.governance.guide_text import default_guide_text
from causerie.governance.models import GuideVersion


def french(message) -> str:
    """The French a member reads for an English message id."""
    with translation.override("fr"):
        return translation.gettext(str(message))


def publish(
    community, moderator, *, text="Intro.\n\n## Une seule règle\n\nSoyez bref."
):
    return services.publish_guide_version(
        actor=moderator, community=community, text=text, policy={}, summary="Refonte"
    )


# The join page


def test_community_join_page_shows_the_current_guide_and_the_acceptance_form(
    client, community, other_member
):
    client.force_login(other_member)

    response = client.get("/c/brassage/rejoindre/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in page
    assert escape(french("Stay courteous")) in page
    assert 'id="regle-5"' in page
    assert '<input type="hidden" name="version" value="1">' in page
    assert 'type="checkbox" name="accept"' in page
    assert escape(french("I have read the guide and I accept it")) in page
    assert not Membership.objects.filter(member=other_member).exists()


def test_community_detail_links_to_the_join_page_instead_of_joining_at_once(
    client, community, other_member
):
    client.force_login(other_member)

    page = client.get("/c/brassage/").content.decode()

    assert 'href="/c/brassage/rejoindre/"' in page
    assert 'action="/c/brassage/rejoindre/"' not in page


def test_community_join_page_sends_a_visitor_to_the_login_page(client, community):
    response = client.get("/c/brassage/rejoindre/")

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")


def test_community_join_page_sends_a_member_back_to_the_community(
    client, community, member
):
    client.force_login(member)

    response = client.get("/c/brassage/rejoindre/")

    assert response.status_code == 302
    assert response["Location"] == "/c/brassage/"


# Joining


def test_community_join_records_the_accepted_guide_version(
    client, community, member, other_member
):
    publish(community, member)
    client.force_login(other_member)

    response = client.post("/c/brassage/rejoindre/", {"version": 2, "accept": "on"})

    assert response.status_code == 302
    assert response["Location"] == "/c/brassage/"
    membership = Membership.objects.get(community=community, member=other_member)
    assert membership.accepted_guide_version == 2
    community.refresh_from_db()
    assert community.member_count == 2


def test_community_join_refuses_without_the_checkbox_and_creates_nothing(
    client, community, other_member
):
    client.force_login(other_member)

    response = client.post("/c/brassage/rejoindre/", {"version": 1})

    page = response.content.decode()
    assert response.status_code == 200
    message = french("Tick the box to say that you have read the guide and accept it.")
    assert escape(message) in page
    assert 'aria-invalid="true"' in page
    assert not Membership.objects.filter(member=other_member).exists()
    community.refresh_from_db()
    assert community.member_count == 1


def test_community_join_refuses_an_outdated_version_and_shows_the_new_guide(
    client, community, member, other_member
):
    client.force_login(other_member)
    publish(community, member)  # published while the member was reading version 1

    response = client.post("/c/brassage/rejoindre/", {"version": 1, "accept": "on"})

    page = response.content.decode()
    assert response.status_code == 200
    assert escape(french(GuideChangedWhileReading.message)) in page
    assert "Une seule règle" in page
    assert '<input type="hidden" name="version" value="2">' in page
    assert not Membership.objects.filter(member=other_member).exists()


def test_community_join_page_has_no_form_while_the_community_is_suspended(
    client, community, other_member, member_factory
):
    from causerie.communities import services as community_services

    administrator = member_factory("admin_site", is_staff=True, is_superuser=True)
    community_services.suspend_community(
        actor=administrator, community=community, notice="Trop de publicité."
    )
    client.force_login(other_member)

    page = client.get("/c/brassage/rejoindre/").content.decode()

    assert escape(french("Stay courteous")) in page
    assert 'name="accept"' not in page


# Founding with a guide


def test_community_create_offers_the_guide_template(client, member):
    client.force_login(member)

    response = client.get("/communautes/fonder/")

    page = response.content.decode()
    assert '<textarea name="guide"' in page
    assert escape(default_guide_text().split("\n")[0]) in page
    assert "## " in page


def test_community_create_publishes_the_guide_written_by_the_founder(client, member):
    client.force_login(member)

    response = client.post(
        "/communautes/fonder/",
        {
            "name": "Cuisine",
            "slug": "cuisine",
            "description": "On cuisine.",
            "language": "fr",
            "guide": "On cuisine ensemble.\n\n## Recettes testées\n\nVous l'avez faite."
            "\n\n## Sources citées\n\nLe livre ou le lien.\n",
        },
    )

    assert response.status_code == 302
    version = GuideVersion.objects.get(community__slug="cuisine")
    assert version.number == 1
    assert version.introduction == "On cuisine ensemble."
    assert [(rule.number, rule.title) for rule in version.rules.all()] == [
        (1, "Recettes testées"),
        (2, "Sources citées"),
    ]
    assert version.policy == CommunityPolicy().to_json()
    assert Membership.objects.get(member=member).accepted_guide_version == 1


def test_community_create_refuses_a_guide_without_rules_next_to_the_field(
    client, member
):
    client.force_login(member)

    response = client.post(
        "/communautes/fonder/",
        {
            "name": "Cuisine",
            "slug": "cuisine",
            "description": "On cuisine.",
            "language": "fr",
            "guide": "Juste une introduction, sans règle.",
        },
    )

    assert response.status_code == 200
    message = french(GuideNeedsARule.message)
    assert response.context["form"].errors == {"guide": [message]}
    page = response.content.decode()
    assert f'id="id_guide_error"><li>{escape(message)}</li>' in page
    assert "Juste une introduction, sans règle." in page
    assert 'value="Cuisine"' in page
    assert not Community.objects.filter(slug="cuisine").exists()
    assert not GuideVersion.objects.exists()


def test_community_create_refuses_an_empty_guide_next_to_the_field(client, member):
    client.force_login(member)

    response = client.post(
        "/communautes/fonder/",
        {
            "name": "Cuisine",
            "slug": "cuisine",
            "description": "On cuisine.",
            "language": "fr",
            "guide": "",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "guide": [french(GuideNeedsARule.message)]
    }
    assert 'value="cuisine"' in response.content.decode()
    assert not Community.objects.filter(slug="cuisine").exists()
