"""Member pages over HTTP: sign-up and log-in through allauth, profile, muting,
language."""

import re

from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from causerie.accounts import services
from causerie.accounts.exceptions import CannotMuteYourself
from causerie.accounts.models import Mute, User
from causerie.accounts.validators import HANDLE_VALIDATORS
from causerie.core.testing import PASSWORD, make_comment, make_community, make_post

SIGNUP_URL = "/compte/signup/"
LOGIN_URL = "/compte/login/"
NEW_PASSWORD = "une phrase de passe assez longue"


def french(message) -> str:
    """The French a member reads for an English message id."""
    with translation.override("fr"):
        return translation.gettext(str(message))


def english(message) -> str:
    with translation.override("en"):
        return str(message)


def sign_up(client, **fields):
    data = {
        "email": "alix@example.org",
        "username": "alix_b",
        "display_name": "Alix",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        **fields,
    }
    return client.post(SIGNUP_URL, data)


def confirmation_path(email) -> str:
    return re.search(r"http://testserver(/compte/confirm-email/\S+/)", email.body)[1]


def field_errors(response, field) -> list[str]:
    return response.context["form"].errors.get(field, [])


# Sign-up


def test_signup_creates_an_unverified_member_with_the_handle(client, outbox):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == "/compte/confirm-email/"
    member = User.objects.get(handle="alix_b")
    assert member.email == "alix@example.org"
    assert member.display_name == "Alix"
    assert member.language == "fr"
    assert EmailAddress.objects.get(user=member).verified is False


def test_signup_stores_the_handle_in_lowercase_when_typed_with_capitals(client, outbox):
    sign_up(client, username="Alix_B")

    assert User.objects.filter(handle="alix_b").exists()


def test_signup_hashes_the_password_with_argon2_when_argon2_comes_first(
    client, outbox, settings
):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]

    sign_up(client)

    member = User.objects.get(handle="alix_b")
    assert member.password.startswith("argon2$")
    assert member.check_password(NEW_PASSWORD)


def test_signup_sends_a_confirmation_email_whose_link_confirms_the_address(
    client, outbox
):
    sign_up(client)

    assert len(outbox) == 1
    assert outbox[0].to == ["alix@example.org"]
    assert outbox[0].subject.startswith("[Causerie] ")
    path = confirmation_path(outbox[0])
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    address = EmailAddress.objects.get(email="alix@example.org")
    assert address.verified is True
    assert client.session["_auth_user_id"] == str(address.user_id)


def test_login_is_refused_until_the_email_is_confirmed(client, outbox):
    sign_up(client)
    visitor = Client()

    response = visitor.post(
        LOGIN_URL, {"login": "alix@example.org", "password": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/compte/confirm-email/"
    assert "_auth_user_id" not in visitor.session


def test_login_succeeds_once_the_email_is_confirmed(client, outbox):
    sign_up(client)
    client.post(confirmation_path(outbox[0]))
    visitor = Client()

    response = visitor.post(
        LOGIN_URL, {"login": "alix@example.org", "password": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert visitor.session["_auth_user_id"] == str(User.objects.get(handle="alix_b").pk)


def test_signup_shows_the_handle_error_in_french_next_to_the_field(client, outbox):
    response = sign_up(client, email="typed@example.org", username="ça va")

    assert response.status_code == 200
    message = french(english(HANDLE_VALIDATORS[0].message))
    assert message != english(HANDLE_VALIDATORS[0].message)  # a real translation
    assert field_errors(response, "username") == [message]
    page = response.content.decode()
    assert f'id="id_username_error"><li>{escape(message)}</li>' in page
    assert 'aria-describedby="id_username_helptext id_username_error"' in page
    assert 'value="typed@example.org"' in page
    assert '<html lang="fr">' in page
    assert not User.objects.exists()


def test_signup_refuses_a_reserved_handle_in_french(client, outbox):
    response = sign_up(client, username="admin")

    assert field_errors(response, "username") == [
        "Ce pseudonyme ne peut pas être utilisé. Veuillez en choisir un autre."
    ]
    assert not User.objects.exists()


def test_signup_refuses_a_handle_already_taken(client, outbox, member):
    response = sign_up(client, username=member.handle.upper())

    assert response.status_code == 200
    assert field_errors(response, "username") == [
        "Un utilisateur avec ce nom existe déjà."
    ]
    assert 'value="alix@example.org"' in response.content.decode()
    assert list(User.objects.values_list("handle", flat=True)) == ["camille"]
    assert outbox == []


def test_signup_creates_nobody_when_the_email_is_already_registered(
    client, outbox, member
):
    """Like a success to the visitor (no account enumeration); the owner of
    the address is told by email instead."""
    response = sign_up(client, email=member.email)

    assert response.status_code == 302
    assert not User.objects.filter(handle="alix_b").exists()
    assert len(outbox) == 1
    assert outbox[0].to == [member.email]
    assert "/compte/confirm-email/" not in outbox[0].body


# Log-in, imported members, password reset, throttling


def test_login_succeeds_with_the_email_and_password(client, member):
    response = client.post(LOGIN_URL, {"login": member.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_profile_says_an_imported_member_has_not_claimed_the_account(client, db):
    services.create_imported_member(handle="ancien", display_name="Ancien")

    response = client.get("/@ancien/")

    assert response.status_code == 200
    assert "compte importé, pas encore revendiqué" in response.content.decode()


def test_profile_does_not_call_a_regular_member_imported(client, member):
    response = client.get(member.get_absolute_url())

    assert "compte importé" not in response.content.decode()


def test_password_reset_sends_an_email_with_a_reset_link(client, outbox, member):
    response = client.post("/compte/password/reset/", {"email": member.email})

    assert response.status_code == 302
    assert len(outbox) == 1
    assert outbox[0].to == [member.email]
    assert "/compte/password/reset/key/" in outbox[0].body


def test_login_is_refused_after_five_failures_for_the_same_email(
    client, member, settings
):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}
    for _attempt in range(5):
        response = client.post(
            LOGIN_URL, {"login": member.email, "password": "wrong password"}
        )
        assert response.status_code == 200

    response = client.post(LOGIN_URL, {"login": member.email, "password": PASSWORD})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Trop de tentatives de connexion échouées. Veuillez réessayer ultérieurement."
    ]
    assert "_auth_user_id" not in client.session


def test_login_throttling_counts_each_email_apart(
    client, member, other_member, settings
):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}
    for _attempt in range(5):
        client.post(LOGIN_URL, {"login": member.email, "password": "wrong password"})

    response = client.post(
        LOGIN_URL, {"login": other_member.email, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other_member.pk)


# Profile page and profile settings


def test_profile_shows_the_member_billets_comments_and_communities(client, member):
    community = make_community(founder=member, name="Brassage")
    post = make_post(community=community, author=member, title="Levure sauvage")
    make_comment(post=post, author=member, body="Je précise la température.")

    response = client.get("/@camille/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Levure sauvage" in page
    assert "Je précise la température." in page
    assert "Brassage" in page


def test_profile_answers_404_for_an_unknown_handle(client, db):
    response = client.get("/@personne/")

    assert response.status_code == 404


def test_profile_edit_saves_the_profile_and_redirects_to_it(client, member):
    client.force_login(member)

    response = client.post(
        "/compte/profil/",
        {
            "display_name": "Camille D.",
            "bio": "Brasseuse.",
            "links": "https://camille.example.org/\n\nhttps://example.org/blog",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/@camille/"
    member.refresh_from_db()
    assert member.display_name == "Camille D."
    assert member.links == ["https://camille.example.org/", "https://example.org/blog"]


def test_profile_edit_refuses_a_javascript_link_and_keeps_the_input(client, member):
    client.force_login(member)

    response = client.post(
        "/compte/profil/",
        {"display_name": "Camille D.", "bio": "Ma bio", "links": "javascript:alert(1)"},
    )

    assert response.status_code == 200
    message = "“%(link)s” is not a web address starting with http:// or https://."
    assert field_errors(response, "links") == [
        french(message) % {"link": "javascript:alert(1)"}
    ]
    page = response.content.decode()
    assert "Ma bio" in page
    assert 'value="Camille D."' in page
    member.refresh_from_db()
    assert member.links == []
    assert member.display_name == "Camille"


def test_profile_edit_refuses_six_links_and_keeps_the_input(client, member):
    client.force_login(member)
    links = "\n".join(f"https://example.org/{number}" for number in range(6))

    response = client.post(
        "/compte/profil/", {"display_name": "", "bio": "", "links": links}
    )

    assert response.status_code == 200
    assert field_errors(response, "links") == [
        french("A profile may list at most %(count)s links.") % {"count": 5}
    ]
    assert "https://example.org/5" in response.content.decode()
    member.refresh_from_db()
    assert member.links == []


def test_profile_edit_redirects_a_visitor_to_the_login_page(client, db):
    response = client.get("/compte/profil/")

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")


# Muting


def test_mute_view_mutes_the_member_and_the_profile_offers_to_stop(
    client, member, other_member
):
    client.force_login(member)

    response = client.post("/@dominique/sourdine/", {"muted": "1"})

    assert response.status_code == 302
    assert Mute.objects.filter(member=member, muted=other_member).exists()
    page = client.get("/@dominique/").content.decode()
    assert 'name="muted" value="0"' in page


def test_mute_view_unmutes_the_member(client, member, other_member):
    services.mute_member(actor=member, handle=other_member.handle)
    client.force_login(member)

    client.post("/@dominique/sourdine/", {"muted": "0"})

    assert not Mute.objects.exists()


def test_mute_view_refuses_to_mute_yourself(client, member):
    client.force_login(member)

    response = client.post("/@camille/sourdine/", {"muted": "1"})

    assert response.status_code == 400
    assert escape(french(CannotMuteYourself.message)) in response.content.decode()
    assert not Mute.objects.exists()


# Language


def test_set_language_sets_the_cookie_and_saves_it_on_the_profile(client, member):
    client.force_login(member)

    response = client.post("/langue/", {"language": "en", "next": "/communautes/"})

    assert response.status_code == 302
    assert response["Location"] == "/communautes/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    member.refresh_from_db()
    assert member.language == "en"


def test_set_language_sets_only_the_cookie_for_a_visitor(client, db):
    response = client.post("/langue/", {"language": "en", "next": "/"})

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get("/").headers["Content-Language"] == "en"


def test_set_language_ignores_a_next_address_on_another_site(client, db):
    response = client.post(
        "/langue/", {"language": "en", "next": "https://evil.example.com/"}
    )

    assert response["Location"] == "/"


def test_language_middleware_serves_english_to_a_member_who_chose_it(client, member):
    services.set_language(actor=member, language="en")
    client.force_login(member)

    response = client.get("/communautes/")

    assert response.headers["Content-Language"] == "en"
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Communities" in page


def test_language_middleware_prefers_the_cookie_to_the_saved_language(client, member):
    services.set_language(actor=member, language="en")
    client.force_login(member)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    response = client.get("/communautes/")

    assert response.headers["Content-Language"] == "fr"


def test_language_middleware_serves_french_to_a_member_by_default(client, member):
    client.force_login(member)

    response = client.get("/communautes/")

    assert response.headers["Content-Language"] == "fr"
    assert "Communautés" in response.content.decode()
