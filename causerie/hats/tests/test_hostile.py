"""Hostile input (shared/data/hostile) through the organisation, the role, the
private note and the decision reason: stored exactly as typed (stripped) or
refused with a clear error, shown escaped on the queue, the profile, the
billet and the public log, never a 500.

The corpus tests are marked `corpus` (SQLite lane); the NUL and invalid UTF-8
tests run in every lane.
"""

import os
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from causerie.core.exceptions import DomainError
from causerie.core.testing import make_post
from causerie.core.tests.html_safety import page_problems
from causerie.hats import services
from causerie.hats.models import Hat, HatStatus

HTTP_SAMPLE_SIZE = 60


def _lines(path: Path) -> list[str]:
    return [line.removesuffix("\r") for line in path.read_text("utf-8").split("\n")]


def load_hostile_strings() -> list[tuple[str, str]]:
    base = Path(settings.CAUSERIE_SHARED_DATA) / "hostile"
    blns = base / "blns.txt"
    xss = sorted((base / "xss").glob("*.txt"))
    if not blns.is_file() or not xss:
        message = f"hostile corpora not found under {base}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    entries = [
        ("blns.txt", line) for line in _lines(blns) if line and not line.startswith("#")
    ]
    for path in xss:
        entries.extend((f"xss/{path.name}", line) for line in _lines(path) if line)
    unique: dict[str, str] = {}
    for source, text in entries:
        unique.setdefault(text, source)
    return [(source, text) for text, source in unique.items()]


@pytest.fixture(scope="module")
def hostile():
    return load_hostile_strings()


def report(failures: list[str]) -> str:
    return f"{len(failures)} strings failed, the first ones:\n" + "\n".join(
        failures[:20]
    )


@pytest.mark.corpus
def test_request_and_refusal_store_every_hostile_string_or_refuse_it_clearly(
    hostile, community, asker, moderator, settings
):
    settings.CAUSERIE_HAT_REQUESTS_PER_DAY = 100000
    failures = []
    for index, (source, text) in enumerate(hostile):
        organisation, role = f"{index} {text}"[:120], text[:120]
        note, reason = text[:1000], text[:1000]
        try:
            hat = services.request_hat(
                actor=asker,
                community=community,
                organisation=organisation,
                role=role,
                proof_url=f"https://example.org/{index}",
                note_to_moderators=note,
            )
        except DomainError as error:
            # Only blank or unstorable text may be refused.
            if role.strip() and "\x00" not in text:
                failures.append(f"{source}: {text!r} refused: {error.message}")
            continue
        if (hat.organisation, hat.role, hat.note_to_moderators) != (
            organisation.strip(),
            role.strip(),
            note.strip(),
        ):
            failures.append(f"{source}: {text!r} stored differently")
        try:
            services.refuse_hat(actor=moderator, hat_id=hat.pk, reason=reason)
        except DomainError as error:
            if reason.strip():
                failures.append(f"{source}: reason {text!r} refused: {error.message}")
            services.withdraw_hat_request(actor=asker, hat_id=hat.pk)
            continue
        hat.refresh_from_db()
        if hat.decision_reason != reason.strip():
            failures.append(f"{source}: reason {text!r} stored differently")

    assert not failures, report(failures)


@pytest.mark.corpus
def test_hostile_hats_are_shown_escaped_on_every_page(
    hostile, community, asker, moderator, client_for, settings
):
    settings.CAUSERIE_HAT_REQUESTS_PER_DAY = 100000
    sample = hostile[:: max(1, len(hostile) // HTTP_SAMPLE_SIZE)]
    asker_client, moderator_client = client_for(asker), client_for(moderator)
    post = make_post(community=community, author=asker, title="Billet")
    failures = []
    for index, (source, text) in enumerate(sample):
        if not text.strip() or "\x00" in text:
            continue
        response = asker_client.post(
            reverse("hats:request"),
            {
                "scope": community.slug,
                "organisation": f"{index} {text}"[:120],
                "role": text[:120],
                "proof_url": f"https://example.org/{index}",
                "note_to_moderators": text[:1000],
            },
        )
        if response.status_code != 302:
            failures.append(f"{source}: {text!r} -> {response.status_code}")
            continue
        hat = Hat.objects.get(member=asker, status=HatStatus.REQUESTED)
        queue = moderator_client.get(reverse("hats:queue", args=[community.slug]))
        pages = {"queue": queue.content.decode()}
        moderator_client.post(
            reverse("hats:decide", args=[hat.pk]),
            {"decision": "grant", "reason": text[:1000]},
        )
        hat.refresh_from_db()
        if hat.status != HatStatus.GRANTED:
            failures.append(f"{source}: {text!r} not granted")
            continue
        comment_body = f"Commentaire {index}"
        asker_client.post(
            reverse("publishing:comment-create", args=[community.slug, post.pk]),
            {"body": comment_body, "hat": hat.pk},
        )
        pages["billet"] = Client().get(post.get_absolute_url()).content.decode()
        pages["profile"] = Client().get(asker.get_absolute_url()).content.decode()
        pages["log"] = (
            Client()
            .get(reverse("moderation:log", args=[community.slug]))
            .content.decode()
        )
        for name, html in pages.items():
            if escape(hat.role) not in html:
                failures.append(f"{source}: {text!r} role not escaped on {name}")
            problems = page_problems(html)
            if problems:
                failures.append(f"{source}: {text!r} -> {name}: {problems}")
        services.remove_hat(actor=asker, hat_id=hat.pk)

    assert not failures, report(failures)


def test_request_form_refuses_a_nul_byte_and_keeps_the_other_fields(
    community, asker, client_for
):
    response = client_for(asker).post(
        reverse("hats:request"),
        {
            "scope": community.slug,
            "organisation": "Asso <sûre>",
            "role": "avant\x00après",
            "proof_url": "https://example.org",
        },
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "errorlist" in html
    assert 'value="Asso &lt;sûre&gt;"' in html
    assert not Hat.objects.exists()


def raw_form(**fields: str) -> bytes:
    return "&".join(
        f"{name}={quote(value.encode('utf-8', 'surrogatepass'))}"
        for name, value in fields.items()
    ).encode("ascii")


@pytest.mark.parametrize("field", ["organisation", "role", "note_to_moderators"])
def test_request_form_answers_without_a_500_when_the_text_is_not_utf8(
    community, asker, client_for, field
):
    fields = {
        "scope": community.slug,
        "organisation": "Asso",
        "role": "Membre",
        "proof_url": "https://example.org",
        "note_to_moderators": "",
    }
    fields[field] = "avant \ud800 après"

    response = client_for(asker).post(
        reverse("hats:request"),
        raw_form(**fields),
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code in (302, 400)
    for hat in Hat.objects.all():
        assert (hat.organisation + hat.role + hat.note_to_moderators).encode("utf-8")


def test_decision_reason_with_a_nul_byte_is_refused_without_a_500(
    hat_request, moderator, client_for
):
    response = client_for(moderator).post(
        reverse("hats:decide", args=[hat_request.pk]),
        {"decision": "refuse", "reason": "non\x00merci"},
    )

    assert response.status_code == 400
    hat_request.refresh_from_db()
    assert hat_request.status == HatStatus.REQUESTED
