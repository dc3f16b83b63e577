"""Journey in Chromium: flags hide a comment, a moderator decides in the queue,
the public log shows it, the author appeals, another moderator reverses it."""

import re

import pytest
from playwright.sync_api import expect

from causerie.communities import services as community_services
from causerie.core.testing import (
    make_comment,
    make_community,
    make_member,
    make_post,
)
from causerie.governance.models import GuideRule
from causerie.governance.services import co_opt_moderator
from causerie.moderation.models import Appeal, FlaggedItem, ModerationDecision
from tests.browser.conftest import log_in, prose_text

pytestmark = pytest.mark.browser

SLUG = "potagers"
FLAGGERS = ("zoelie", "quentine", "yvonnick")  # never shown on public pages
COMMENT_TEXT = "Achetez mes graines miracles sur mon site !"
EXPLANATION = "Publicité sans rapport avec le sujet du billet."
APPEAL_TEXT = "Ce sont des graines de tomates anciennes, en plein dans le sujet."
REVERSAL = "Les graines concernent bien le potager : le commentaire reste."
WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 375, "height": 812}


def _join(page, base_url: str) -> None:
    """Join through the guide page: read it, accept it."""
    page.goto(f"{base_url}/c/{SLUG}/")
    page.locator(f"a[href='/c/{SLUG}/rejoindre/']").first.click()
    page.wait_for_url(f"{base_url}/c/{SLUG}/rejoindre/")
    page.locator("input[name=accept]").check()
    page.locator("form.card button[type=submit]").click()
    page.wait_for_url(f"{base_url}/c/{SLUG}/")


def _no_flagger_on(page) -> None:
    html = page.content().lower()
    for handle in FLAGGERS:
        assert handle not in html, f"flagger {handle!r} shown on {page.url}"


def test_journey_flags_hide_decision_logged_appeal_reverses(
    live_server, new_context, screenshot
):
    base = live_server.url
    founder = make_member("fondatrice")
    community = make_community(founder=founder, slug=SLUG, name="Potagers")
    post = make_post(
        community=community, author=founder, title="Quand semer les tomates ?"
    )
    author = make_member("auteur")
    comment = make_comment(post=post, author=author, body=COMMENT_TEXT)
    second = make_member("arbitre")
    community_services.join_community(
        actor=second,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    co_opt_moderator(actor=founder, community=community, member=second)
    for handle in FLAGGERS:
        make_member(handle, trust_level=1)
    rule = GuideRule.objects.get(
        version__community=community,
        version__number=community.guide_version_number,
        number=2,
    )
    rule_cited = f"Règle 2 — {rule.title}"
    post_url = f"{base}{post.get_absolute_url()}"
    comment_li = f"li#c{comment.pk}"

    # 1. Three members join and flag the comment, citing rule 2.
    for handle in FLAGGERS:
        page = new_context(viewport=WIDE).new_page()
        log_in(page, base, handle)
        _join(page, base)
        page.goto(post_url)
        expect(page.locator(f"{comment_li} .prose")).to_have_text(
            prose_text(COMMENT_TEXT)
        )
        flag_link = page.locator(
            f"{comment_li} a[href='{post.get_absolute_url()}"
            f"commentaires/{comment.pk}/signaler/']"
        )
        expect(flag_link).to_have_text("Signaler")
        flag_link.click()
        page.wait_for_url(re.compile(rf"/commentaires/{comment.pk}/signaler/$"))
        form = page.locator("form.flag-form")
        form.locator(f"input[name=cause][value='rule:{rule.pk}']").check()
        form.locator("textarea[name=note]").fill("Hors sujet, publicitaire.")
        form.locator("button[type=submit]").click()
        page.wait_for_url(f"{post_url}#c{comment.pk}")
        expect(page.locator("ul.messages[role=status]")).to_contain_text("Merci")
        page.context.close()
    flagged = FlaggedItem.objects.get(comment=comment)
    assert flagged.flags.count() == 3

    # 2. A logged-out reader sees the comment hidden, with the rule cited.
    reader = new_context(viewport=NARROW).new_page()
    reader.goto(post_url)
    hidden = reader.locator(f"{comment_li} p.moderated.moderated-pending")
    expect(hidden).to_contain_text("Masqué en attente de modération")
    expect(hidden.locator(".moderation-cause")).to_have_text(f"· {rule_cited}")
    expect(reader.locator(comment_li)).not_to_contain_text(COMMENT_TEXT)
    screenshot(reader, "billet-masque-375")
    overflow = reader.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the billet page scrolls sideways at 375 px by {overflow}px"

    # 3. The founder decides in the review queue: hide, citing rule 2.
    moderator = new_context(viewport=WIDE).new_page()
    log_in(moderator, base, "fondatrice")
    moderator.goto(f"{base}/c/{SLUG}/")
    moderator.locator(f"a[href='/c/{SLUG}/moderation/']").click()
    moderator.wait_for_url(f"{base}/c/{SLUG}/moderation/")
    item = moderator.locator(f"article#item-{flagged.pk}")
    expect(item.locator(".queue-text")).to_have_text(COMMENT_TEXT)
    expect(item.locator(".queue-flags > li")).to_have_count(3)
    expect(item.locator(".queue-flags")).to_contain_text(rule_cited)
    expect(item).to_contain_text("Masqué en attente de modération")
    screenshot(moderator, "file-moderation-1280")
    item.locator(f"a[href='/c/{SLUG}/moderation/{flagged.pk}/']").click()
    moderator.wait_for_url(f"{base}/c/{SLUG}/moderation/{flagged.pk}/")
    decision_form = moderator.locator("form.decision-form")
    decision_form.locator("input[name=action][value=hide]").check()
    decision_form.locator(f"input[name=cause][value='rule:{rule.pk}']").check()
    decision_form.locator("textarea[name=explanation]").fill(EXPLANATION)
    decision_form.locator("button[type=submit]").click()
    moderator.wait_for_url(f"{base}/c/{SLUG}/moderation/")
    expect(moderator.locator("ul.messages")).to_contain_text("journal public")
    expect(moderator.locator(f"article#item-{flagged.pk}")).to_have_count(0)
    decision = ModerationDecision.objects.get(comment=comment)
    assert (decision.action, decision.rule_id) == ("hide", rule.pk)

    # 4. The public log shows the decision to a logged-out reader, no flagger.
    reader.set_viewport_size(WIDE)
    reader.goto(f"{base}/c/{SLUG}/journal/")
    entry = reader.locator("li.log-entry.log-hide")
    expect(entry).to_have_count(1)
    expect(entry.locator(".log-action")).to_have_text("masqué")
    expect(entry.locator("a.log-rule")).to_have_text(rule_cited)
    expect(entry.locator("blockquote.log-explanation")).to_have_text(EXPLANATION)
    expect(entry.locator("a[href='/@fondatrice/']")).to_be_visible()
    expect(entry).to_contain_text("@fondatrice")
    expect(
        entry.locator(f"a[href='/c/{SLUG}/decisions/{decision.pk}/']")
    ).to_be_visible()
    _no_flagger_on(reader)
    screenshot(reader, "journal-1280")

    # 5. The author finds the decision in their record and appeals it.
    author_page = new_context(viewport=WIDE).new_page()
    log_in(author_page, base, "auteur")
    author_page.goto(f"{base}/c/{SLUG}/mon-dossier/")
    record = author_page.locator("li.record-decision")
    expect(record).to_have_count(1)
    expect(record.locator(".log-rule")).to_have_text(rule_cited)
    record.locator(f"a[href='/c/{SLUG}/decisions/{decision.pk}/']").click()
    author_page.wait_for_url(f"{base}/c/{SLUG}/decisions/{decision.pk}/")
    appeal_link = author_page.locator(
        f"main a[href='/c/{SLUG}/decisions/{decision.pk}/recours/']"
    )
    expect(appeal_link).to_have_text("Contester cette décision")
    appeal_link.click()
    author_page.wait_for_url(f"{base}/c/{SLUG}/decisions/{decision.pk}/recours/")
    author_page.locator("main form textarea[name=text]").fill(APPEAL_TEXT)
    author_page.locator("main form button[type=submit]").click()
    author_page.wait_for_url(f"{base}/c/{SLUG}/decisions/{decision.pk}/")
    expect(author_page.locator("ul.messages")).to_contain_text("recours")
    appeal = Appeal.objects.get(decision=decision)
    assert appeal.status == Appeal.Status.OPEN

    # 6. The second moderator reverses the decision.
    referee = new_context(viewport=WIDE).new_page()
    log_in(referee, base, "arbitre")
    referee.goto(f"{base}/c/{SLUG}/")
    referee.locator(f"a[href='/c/{SLUG}/recours/']").click()
    referee.wait_for_url(f"{base}/c/{SLUG}/recours/")
    row = referee.locator("li.appeal-row")
    expect(row).to_have_count(1)
    expect(row.locator("blockquote.appeal-excerpt")).to_have_text(APPEAL_TEXT)
    row.locator(f"a[href='/c/{SLUG}/recours/{appeal.pk}/']").click()
    referee.wait_for_url(f"{base}/c/{SLUG}/recours/{appeal.pk}/")
    expect(referee.locator(".prose.appeal-item")).to_have_text(COMMENT_TEXT)
    review = referee.locator("main form[method=post]")
    review.locator("input[name=outcome][value=reversed]").check()
    review.locator("textarea[name=explanation]").fill(REVERSAL)
    review.locator("button[type=submit]").click()
    referee.wait_for_url(f"{base}/c/{SLUG}/decisions/{decision.pk}/")
    expect(referee.locator("main")).to_contain_text("Décision annulée")

    # 7. The comment is back for readers, and the log shows the reversal.
    reader.goto(post_url)
    expect(reader.locator(f"{comment_li} .prose")).to_have_text(
        prose_text(COMMENT_TEXT)
    )
    expect(reader.locator(f"{comment_li} .moderated")).to_have_count(0)
    reader.goto(f"{base}/c/{SLUG}/journal/")
    reversal = reader.locator("li.log-entry.log-appeal_reversed")
    expect(reversal).to_have_count(1)
    expect(reversal.locator(".log-action")).to_have_text("recours : décision annulée")
    expect(reversal.locator("blockquote.log-explanation")).to_have_text(REVERSAL)
    expect(reversal).to_contain_text("@arbitre")
    expect(reader.locator("li.log-entry.log-hide")).to_have_count(1)
    _no_flagger_on(reader)
    screenshot(reader, "journal-recours-1280")
