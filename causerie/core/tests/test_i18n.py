"""Key pages speak one language at a time: French by default, English when chosen."""

import html
import re
from pathlib import Path

import pytest
from django.conf import settings

from causerie.core.testing import make_comment, make_community, make_member, make_post
from causerie.moderation import services as moderation_services
from causerie.moderation.models import FlaggedItem

PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|\{|<|\n")


def _catalogue() -> list[tuple[str, str]]:
    """(English, French) UI strings of two words or more, without placeholders."""
    po = Path(settings.BASE_DIR, "locale/fr/LC_MESSAGES/django.po").read_text()
    pairs = []
    for block in po.split("\n\n"):
        msgid = re.search(r'^msgid "(.*)"$', block, re.M)
        msgstr = re.search(r'^msgstr "(.*)"$', block, re.M)
        if not msgid or not msgstr or "msgctxt" in block or "#~" in block:
            continue
        english, french = msgid.group(1), msgstr.group(1)
        if (
            english
            and french
            and english != french
            and " " in english
            and " " in french
            and not PLACEHOLDER.search(english + french)
        ):
            pairs.append((english.replace('\\"', '"'), french.replace('\\"', '"')))
    return pairs


def _visible_text(response) -> str:
    body = response.content.decode()
    body = re.sub(r"<(script|style|template)\b.*?</\1>", " ", body, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def pages(db):
    founder = make_member("xavier")
    reader = make_member("yolande")
    # Neutral content: only the interface may speak a language here.
    community = make_community(
        founder=founder,
        slug="zeta",
        name="Zeta",
        tags=["qqq"],
        guide="Qqq.\n\n## Kkk\n\nJjj.\n\n## Hhh\n\nGgg.",
    )
    post = make_post(community=community, author=founder, title="Zzz", body="Qqq")
    comment = make_comment(post=post, author=reader, body="Www @xavier")
    make_comment(post=post, author=founder, body="Vvv", parent=comment)
    flagged = make_comment(post=post, author=reader, body="Fff")
    rule = community.guide_versions.get().rules.get(number=1)
    for handle in ("uuu", "ttt", "sss"):
        flagger = make_member(handle)
        make_comment(post=post, author=flagger, body="Ooo")
        moderation_services.flag_item(actor=flagger, comment=flagged, rule_id=rule.pk)
    decision = moderation_services.decide_item(
        actor=founder,
        flagged_item_id=FlaggedItem.objects.get().pk,
        action="warn",
        rule_id=rule.pk,
        explanation="Eee",
    )
    quote, hat_to_decide = _intentions_and_quotes(community, post, founder, reader)
    base = community.get_absolute_url()
    return {
        "member": founder,
        "reader": reader,
        "urls": [
            "/",
            "/communautes/",
            base,
            f"{base}membres/",
            post.get_absolute_url(),
            f"{post.get_absolute_url()}historique/",
            f"{post.get_absolute_url()}commentaires/{comment.pk}/",
            f"{base}guide/",
            f"{base}guide/versions/",
            f"{base}journal/",
            f"{base}decisions/{decision.pk}/",
            "/@yolande/",
            "/niveaux-de-confiance/",
            "/recherche/?q=zzz",
            f"{base}recherche/?q=qqq",
            f"{base}etiquettes/qqq/",
            "/compte/signup/",
            "/compte/login/",
            "/compte/password/reset/",
            "/transparence/",
            "/journal/",
        ],
        "member_urls": [
            "/notifications/",
            f"{base}ecrire/",
            f"{base}etiquettes/",
            f"{base}moderation/",
            f"{base}amendements/",
            f"{base}revocations/",
            f"{base}sante/",
            "/a-relire/",
            "/compte/notifications/",
            f"{post.get_absolute_url()}commentaires/{comment.pk}/signaler/",
            "/compte/profil/",
            "/compte/email/",
            "/compte/password/change/",
            post.get_absolute_url(),
            f"{base}moderation/casquettes/",
            f"/casquettes/{hat_to_decide.pk}/decider/",
            f"/citations/{quote.pk}/repondre/",
        ],
        "reader_urls": [
            "/casquettes/",
            "/casquettes/demander/",
            f"{post.get_absolute_url()}commenter/?citer=p{post.pk}&r=1&de=0&a=3",
            f"{base}mon-dossier/",
            f"{base}decisions/{decision.pk}/recours/",
            "/notifications/",
        ],
    }


def _intentions_and_quotes(community, post, founder, reader):
    """A sponsored billet, a hat worn and one waiting, a verified quote of the
    founder's billet by the reader: what issue 7 adds to the pages."""
    from causerie.hats import services as hat_services
    from causerie.publishing import services as publishing_services
    from causerie.quotes import selectors as quote_selectors
    from causerie.quotes.models import Quote

    make_post(
        community=community,
        author=founder,
        title="Sss",
        body="Ppp",
        intent="sponsored",
        sponsor_name="Mmm",
    )
    worn = hat_services.request_hat(
        actor=reader,
        community=community,
        organisation="Nnn",
        role="Rrr",
        proof_url="https://example.org/nnn",
    )
    worn = hat_services.grant_hat(actor=founder, hat_id=worn.pk, reason="Lll")
    waiting = hat_services.request_hat(
        actor=reader,
        community=community,
        organisation="Kkk",
        role="Rrr",
        proof_url="https://example.org/kkk",
        note_to_moderators="Jjj",
    )
    block = quote_selectors.citation(
        post=post, source=f"p{post.pk}", revision=1, start=0, end=3
    ).block
    publishing_services.post_comment(
        actor=reader, post=post, body=f"{block}\nHhh", hat=worn
    )
    return Quote.objects.get(), waiting


def _leftovers(client, urls, strings) -> dict[str, list[str]]:
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = _visible_text(response)
        missing = [string for string in strings if string in text]
        if missing:
            found[url] = missing
    return found


def test_key_pages_show_no_english_ui_string_when_in_french(client, pages):
    english = [english for english, _ in _catalogue()]
    assert _leftovers(client, pages["urls"], english) == {}
    client.force_login(pages["member"])
    assert _leftovers(client, pages["member_urls"], english) == {}
    client.force_login(pages["reader"])
    assert _leftovers(client, pages["reader_urls"], english) == {}


def test_key_pages_show_no_french_ui_string_when_english_is_chosen(client, pages):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    french = [french for _, french in _catalogue()]
    assert _leftovers(client, pages["urls"], french) == {}
    client.force_login(pages["member"])
    assert _leftovers(client, pages["member_urls"], french) == {}
    client.force_login(pages["reader"])
    assert _leftovers(client, pages["reader_urls"], french) == {}


def test_french_is_the_default_language_whatever_the_browser_asks(client, pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "fr"
    assert '<html lang="fr">' in response.content.decode()


def test_catalogue_has_enough_strings_for_the_checks_to_mean_something():
    assert len(_catalogue()) > 100
