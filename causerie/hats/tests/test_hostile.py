"""Hostile input (shared/data/hostile) through the organisation, the role, the
private note and the decision reason: stored exactly as typed (stripped) or
refused with a clear error, shown escaped on the queue, the profile, the
billet and the public log, never a 500.

The corpus tests are marked `corpus` (SQLite lane); the NUL and invalid UTF-8
tests run in every lane.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from causerie.core.exceptions import DomainError
from causerie.core.testing import hostile_report, make_post, raw_form
from causerie.core.tests.html_safety import page_problems
from causerie.hats import services
from causerie.hats.models import Hat, HatStatus

HTTP_SAMPLE_SIZE = 60


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

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_proof_link_is_a_web_address_or_refused_on_its_field(
    hostile, community, asker, settings
):
    settings.CAUSERIE_HAT_REQUESTS_PER_DAY = 100000
    failures = []
    for index, (source, text) in enumerate(hostile):
        try:
            hat = services.request_hat(
                actor=asker,
                community=community,
                organisation=f"Organisation {index}",
                role="Trésorière",
                proof_url=text[:300],
            )
        except DomainError as error:
            if error.field != "proof_url":
                failures.append(f"{source}: {text!r} refused on {error.field}")
            continue
        if not hat.proof_url.lower().startswith(("http://", "https://")):
            failures.append(f"{source}: {text!r} stored as {hat.proof_url!r}")
        services.withdraw_hat_request(actor=asker, hat_id=hat.pk)

    assert not failures, hostile_report(failures)


@pytest.mark.corpus
def test_removal_reason_is_stored_as_typed_or_refused_clearly(
    hostile, community, asker, moderator, settings
):
    settings.CAUSERIE_HAT_REQUESTS_PER_DAY = 100000
    sample = hostile[:: max(1, len(hostile) // HTTP_SAMPLE_SIZE)]
    failures = []
    for index, (source, text) in enumerate(sample):
        hat = services.request_hat(
            actor=asker,
            community=community,
            organisation=f"Organisation {index}",
            role="Trésorière",
            proof_url="https://example.org/equipe",
        )
        services.grant_hat(actor=moderator, hat_id=hat.pk, reason="Lien vérifié.")
        reason = text[:1000]
        try:
            services.remove_hat(actor=moderator, hat_id=hat.pk, reason=reason)
        except DomainError as error:
            if reason.strip() and "\x00" not in reason:
                failures.append(f"{source}: {text!r} refused: {error.message}")
            services.remove_hat(actor=asker, hat_id=hat.pk)
            continue
        hat.refresh_from_db()
        if hat.removal_reason != reason.strip():
            failures.append(f"{source}: {text!r} stored differently")

    assert not failures, hostile_report(failures)


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

    assert not failures, hostile_report(failures)


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
