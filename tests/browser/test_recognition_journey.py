"""Journey in Chromium: a member marks a comment "Utile" (in place with the
script, by a plain form without it), the author sees who, the asker accepts an
answer that is then shown first."""

import pytest
from playwright.sync_api import expect

from causerie.core.testing import (
    make_comment,
    make_community,
    make_member,
    make_post,
)
from causerie.recognition.models import Recognition
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def question(db):
    founder = make_member("fondatrice")
    community = make_community(founder=founder, slug="brasseurs", tags=["levures"])
    asker = make_member("rose")
    post = make_post(
        community=community,
        author=asker,
        title="Pourquoi ma bière est-elle plate ?",
        body="Trois semaines en bouteille et toujours pas de mousse.",
        tags=list(community.tags.all()),
        is_question=True,
    )
    answer = make_comment(post=post, author=make_member("jules"), body="La chaleur.")
    make_comment(post=post, author=founder, body="Patience.")
    return post, answer


@pytest.mark.parametrize("javascript", [True, False])
def test_journey_useful_then_accepted_answer(
    live_server, new_context, screenshot, question, javascript
):
    post, answer = question
    base_url = live_server.url
    address = f"{base_url}{post.get_absolute_url()}"

    reader = new_context(java_script_enabled=javascript).new_page()
    log_in(reader, base_url, "fondatrice")
    reader.goto(address)
    button = reader.locator(f"#c{answer.pk} button[data-recognise]")
    expect(button).to_have_text("Utile")
    button.click()
    if not javascript:
        reader.wait_for_url(f"**{post.get_absolute_url()}#c{answer.pk}")
    button = reader.locator(f"#c{answer.pk} button[data-recognise]")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_have_text("Utile ✓")
    assert Recognition.objects.filter(comment=answer, kind="useful").exists()
    screenshot(reader, f"useful-js-{javascript}")

    author = new_context(java_script_enabled=javascript).new_page()
    log_in(author, base_url, "jules")
    author.goto(address)
    author.locator(f"#c{answer.pk} a.recognisers-link").click()
    expect(author.locator("ul.recognisers")).to_contain_text("Fondatrice")

    asker = new_context(java_script_enabled=javascript).new_page()
    log_in(asker, base_url, "rose")
    asker.goto(address)
    asker.locator(f"#c{answer.pk} button.accept-answer").click()
    expect(asker.locator(".accepted-answer-card")).to_contain_text("La chaleur.")
    expect(asker.locator(".question-badge")).to_have_text("Question résolue")
    screenshot(asker, f"accepted-js-{javascript}")
    assert Recognition.objects.filter(comment=answer, kind="accepted").exists()
