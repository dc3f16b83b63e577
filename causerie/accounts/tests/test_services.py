"""Services of the accounts app: profile, language, muting, imported members."""

import pytest
from django.contrib.auth import authenticate

from causerie.accounts import services
from causerie.accounts.exceptions import (
    CannotMuteYourself,
    InvalidLink,
    MemberNotFound,
    TooManyLinks,
)
from causerie.accounts.models import Mute, User
from causerie.core.exceptions import InvalidRequest, NotAllowed


def test_update_profile_saves_the_fields_when_the_member_edits_their_own(member):
    services.update_profile(
        actor=member,
        member=member,
        display_name="Camille D.",
        bio="Brasseuse amateure.",
        links=["https://camille.example.org/"],
    )

    member.refresh_from_db()
    assert member.display_name == "Camille D."
    assert member.bio == "Brasseuse amateure."
    assert member.links == ["https://camille.example.org/"]


def test_update_profile_refuses_another_member(member, other_member):
    with pytest.raises(NotAllowed) as refusal:
        services.update_profile(
            actor=other_member,
            member=member,
            display_name="Piraté",
            bio="",
            links=[],
        )

    assert refusal.value.code == "not_allowed"
    member.refresh_from_db()
    assert member.display_name == "Camille"


def test_update_profile_refuses_six_links(member):
    links = [f"https://example.org/{number}" for number in range(6)]

    with pytest.raises(TooManyLinks) as refusal:
        services.update_profile(
            actor=member, member=member, display_name="", bio="", links=links
        )

    assert refusal.value.code == "too_many_links"
    assert "5" in str(refusal.value.message)
    member.refresh_from_db()
    assert member.links == []


def test_update_profile_accepts_five_links(member):
    links = [f"https://example.org/{number}" for number in range(5)]

    services.update_profile(
        actor=member, member=member, display_name="", bio="", links=links
    )

    member.refresh_from_db()
    assert member.links == links


def test_update_profile_refuses_a_javascript_link(member):
    with pytest.raises(InvalidLink) as refusal:
        services.update_profile(
            actor=member,
            member=member,
            display_name="",
            bio="",
            links=["javascript:alert(1)"],
        )

    assert refusal.value.code == "invalid_link"
    assert "javascript:alert(1)" in str(refusal.value.message)
    member.refresh_from_db()
    assert member.links == []


def test_set_language_saves_the_language_on_the_profile(member):
    services.set_language(actor=member, language="en")

    member.refresh_from_db()
    assert member.language == "en"


def test_set_language_refuses_an_unknown_language(member):
    with pytest.raises(InvalidRequest) as refusal:
        services.set_language(actor=member, language="de")

    assert refusal.value.field == "language"

    member.refresh_from_db()
    assert member.language == "fr"


def test_mute_member_creates_one_mute_when_called_twice(member, other_member):
    first = services.mute_member(actor=member, handle=other_member.handle)
    second = services.mute_member(actor=member, handle=other_member.handle)

    assert first.pk == second.pk
    assert list(Mute.objects.values_list("member", "muted")) == [
        (member.pk, other_member.pk)
    ]


def test_mute_member_refuses_the_actor_themselves(member):
    with pytest.raises(CannotMuteYourself) as refusal:
        services.mute_member(actor=member, handle=member.handle)

    assert refusal.value.code == "cannot_mute_yourself"
    assert not Mute.objects.exists()


def test_mute_member_refuses_an_unknown_handle(member):
    with pytest.raises(MemberNotFound) as refusal:
        services.mute_member(actor=member, handle="personne")

    assert refusal.value.code == "member_not_found"
    assert not Mute.objects.exists()


def test_unmute_member_removes_the_mute_and_is_safe_to_repeat(member, other_member):
    services.mute_member(actor=member, handle=other_member.handle)

    services.unmute_member(actor=member, handle=other_member.handle)
    services.unmute_member(actor=member, handle=other_member.handle)

    assert not Mute.objects.exists()


def test_create_imported_member_cannot_log_in_when_created(db):
    imported = services.create_imported_member(
        handle="ancien_membre", display_name="Ancien", bio="Venu d'un vieux forum."
    )

    imported.refresh_from_db()
    assert imported.email is None
    assert imported.has_usable_password() is False
    assert imported.can_log_in is False
    assert authenticate(handle="ancien_membre", password="") is None
    assert authenticate(handle="ancien_membre", password="!") is None


def test_create_imported_member_refuses_an_invalid_handle(db):
    with pytest.raises(InvalidRequest) as refusal:
        services.create_imported_member(handle="Pas Valide")

    assert refusal.value.field == "handle"

    assert not User.objects.exists()


def test_create_imported_member_accepts_several_members_without_email(db):
    services.create_imported_member(handle="premier")
    services.create_imported_member(handle="second")

    assert User.objects.filter(email__isnull=True).count() == 2
