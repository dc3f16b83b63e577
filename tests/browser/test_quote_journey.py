"""Journey in Chromium: a member quotes a passage of a billet by selecting
it, publishes, opens the quote's context in place and on the source page;
the quoted member replies and the reply shows under the quote
(docs/quotes.md)."""

import re

import pytest
from playwright.sync_api import expect

from causerie.core.testing import join, make_community, make_member, make_post
from causerie.quotes.models import Quote, QuoteReply
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

BODY = (
    "Le marché ouvre à huit heures. Les producteurs arrivent tôt.\n\n"
    "Nous voulons des *paniers* moins chers pour tous les habitants. "
    "Mais pas au détriment des producteurs.\n\n"
    "Rendez-vous samedi."
)
SELECTION = "paniers moins chers pour tous"
REPLY = "Lisez la phrase suivante : pas au détriment des producteurs."

SELECT_TEXT = """() => {
  // From "paniers" (inside <em>) to "tous" in the text after it, as a reader
  // would drag the mouse.
  const paragraph = [...document.querySelectorAll(".post .quotable p[data-range]")]
    .find((element) => element.textContent.includes("paniers"));
  const emphasis = paragraph.querySelector("em");
  const after = emphasis.nextSibling;
  const range = document.createRange();
  range.setStart(emphasis.firstChild, 0);
  range.setEnd(after, after.data.indexOf("tous") + 4);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  document.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
  return selection.toString();
}"""


def test_journey_quote_by_selection_context_and_reply(
    live_server, new_context, screenshot
):
    founder = make_member("elise")
    community = make_community(founder=founder, slug="quartier", name="Quartier")
    author = join(make_member("ines"), community)
    quoter = join(make_member("samir"), community)
    billet = make_post(community=community, author=author, title="Le marché", body=BODY)
    base = live_server.url
    options = {"viewport": {"width": 1280, "height": 900}}

    # The member selects words inside one paragraph and quotes them.
    page = new_context(**options).new_page()
    log_in(page, base, quoter.email)
    page.goto(f"{base}{billet.get_absolute_url()}")
    expect(page.locator(".post a.cite-link")).to_have_count(3)
    selected = page.evaluate(SELECT_TEXT)
    assert selected == "paniers moins chers pour tous"
    button = page.locator("button.cite-selection")
    expect(button).to_be_visible()
    button.click()
    page.wait_for_url(re.compile(r"/commenter/\?citer="))
    body = page.locator("textarea[name=body]")
    expect(body).to_have_value(
        re.compile(
            r"^\[citation:p\d+/r1/\d+-\d+\]\n> \*paniers\* moins chers pour tous\n"
        )
    )
    body.press("End")
    body.fill(body.input_value() + "\nC'est tout le sujet.")
    page.locator("form.card button[type=submit]").click()
    page.wait_for_url(re.compile(r"/billets/\d+/#c\d+$"))
    quote = Quote.objects.get()
    block = page.locator(f"#c{quote.citing_comment_id} blockquote.verified-quote")
    expect(block.locator(".quote-text")).to_have_text("paniers moins chers pour tous")

    # Its context opens in place, without leaving the page.
    context = block.locator("details.quote-context")
    context.locator("summary").click()
    expect(context.locator(".quote-context-text")).to_contain_text(
        "Les producteurs arrivent tôt."
    )
    screenshot(page, "quote")

    # "voir dans son contexte": the source page marks the passage.
    block.locator(".quote-status a").click()
    page.wait_for_url(re.compile(r"\?passage=\d+#passage$"))
    expect(page.locator("#passage")).to_be_visible()
    expect(page.locator("#passage")).to_contain_text("moins chers pour tous")

    # The quoted member replies once; the reply shows under the quote.
    author_page = new_context(**options).new_page()
    log_in(author_page, base, author.email)
    author_page.goto(f"{base}{billet.get_absolute_url()}")
    author_page.locator(f"a[href='/citations/{quote.pk}/repondre/']").click()
    author_page.locator("textarea[name=body]").fill(REPLY)
    author_page.locator("form.card button[type=submit]").click()
    author_page.wait_for_url(re.compile(r"/billets/\d+/"))
    reply = author_page.locator(f"#quote-reply-{quote.pk}")
    expect(reply).to_contain_text(REPLY)
    expect(
        author_page.locator(f"a[href='/citations/{quote.pk}/repondre/']")
    ).to_have_count(0)
    assert QuoteReply.objects.get().author == author
    screenshot(author_page, "reply")
