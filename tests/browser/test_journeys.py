"""Journeys in Chromium: sign up to a nested discussion, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from causerie.core.testing import (
    make_comment,
    make_community,
    make_member,
    make_post,
)
from causerie.publishing.models import Comment, Post
from tests.browser.conftest import log_in, prose_text

pytestmark = pytest.mark.browser

CONFIRM_LINK = re.compile(r"https?://\S+?/compte/confirm-email/[^\s/]+/")
BILLET_URL = re.compile(r"/c/[\w-]+/billets/(\d+)/$")
COMMENT_URL = re.compile(r"/c/[\w-]+/billets/\d+/(commentaires/\d+/)?#c(\d+)$")


def _join(page, base_url: str, slug: str) -> None:
    page.goto(f"{base_url}/c/{slug}/")
    page.locator(f"a[href='/c/{slug}/rejoindre/']").first.click()
    page.wait_for_url(f"{base_url}/c/{slug}/rejoindre/")
    page.locator("input[name=accept]").check()
    page.locator("form.card button[type=submit]").click()
    page.wait_for_url(f"{base_url}/c/{slug}/")
    expect(page.locator(f"a[href='/c/{slug}/ecrire/']").first).to_be_visible()


def _write_billet(page, *, title: str, body: str, intent: str, preview: bool) -> int:
    """Fill the billet form already open in `page`; returns the new billet's id."""
    page.locator("input[name=title]").fill(title)
    page.locator("textarea[name=body]").fill(body)
    page.locator(f"input[name=intent][value={intent}]").check()
    if preview:
        page.locator("button[name=preview]").click()
        expect(page.locator("#preview-title")).to_be_visible()
        expect(page.locator("input[name=title]")).to_have_value(title)
        expect(page.locator(f"input[name=intent][value={intent}]")).to_be_checked()
    page.locator("button[name=publish]").click()
    page.wait_for_url(BILLET_URL)
    return int(BILLET_URL.search(page.url).group(1))


def _reply_li(page, parent_pk: int, reply_pk: int):
    """The reply's <li>, found only where the thread nests it: in the parent's replies."""
    return page.locator(f"li#c{parent_pk} > ol.replies > li#c{reply_pk}")


def test_journey_signup_to_nested_thread_renders_markdown_and_intent(
    live_server, mailoutbox, new_context, screenshot
):
    base = live_server.url
    founder_context = new_context(viewport={"width": 1280, "height": 800})
    page = founder_context.new_page()

    # Sign up, then confirm the address from the mail.
    page.goto(f"{base}/compte/signup/")
    signup = page.locator("form[action='/compte/signup/']")
    signup.locator("input[name=email]").fill("alix@example.org")
    signup.locator("input[name=username]").fill("alix")
    signup.locator("input[name=display_name]").fill("Alix Martin")
    signup.locator("input[name=password1]").fill("une phrase de passe solide 42")
    signup.locator("input[name=password2]").fill("une phrase de passe solide 42")
    signup.locator("button[type=submit]").click()
    page.wait_for_url(lambda url: "/compte/signup/" not in url)
    assert len(mailoutbox) == 1, [m.subject for m in mailoutbox]
    assert mailoutbox[0].to == ["alix@example.org"]
    link = CONFIRM_LINK.search(mailoutbox[0].body)
    assert link, mailoutbox[0].body
    page.goto(link.group(0))
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_url(lambda url: "/compte/confirm-email/" not in url)
    expect(page.locator("header a[href='/@alix/']")).to_be_visible()

    # Found a community.
    page.goto(f"{base}/communautes/fonder/")
    found = page.locator("main form[method=post]")
    found.locator("input[name=name]").fill("Jardins partagés")
    found.locator("input[name=slug]").fill("jardins")
    found.locator("textarea[name=description]").fill("Semis, *récoltes* et outils.")
    found.locator("select[name=language]").select_option("fr")
    found.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/c/jardins/")

    # Publish a billet in Markdown with the "opinion" intent, after a preview.
    page.locator("a[href='/c/jardins/ecrire/']").first.click()
    page.wait_for_url(f"{base}/c/jardins/ecrire/")
    post_id = _write_billet(
        page,
        title="Faut-il pailler en hiver ?",
        body="Je pense que le paillage est **indispensable**.\n\n"
        "- il protège le sol\n- il nourrit les vers\n",
        intent="opinion",
        preview=True,
    )
    post_url = page.url
    prose = page.locator("article.post .prose")
    expect(prose.locator("strong")).to_have_text("indispensable")
    expect(prose.locator("ul > li")).to_have_text(
        ["il protège le sol", "il nourrit les vers"]
    )
    expect(page.locator("article.post .intent.intent-opinion")).to_have_text("Opinion")
    assert Post.objects.get(pk=post_id).intent == "opinion"

    # A second member logs in elsewhere, joins and comments on the billet.
    make_member("bastien")
    member_context = new_context(viewport={"width": 1280, "height": 800})
    page2 = member_context.new_page()
    log_in(page2, base, "bastien@example.org")
    _join(page2, base, "jardins")
    page2.goto(post_url)
    page2.locator("#comment-form textarea[name=body]").fill("Oui, avec des feuilles.")
    page2.locator("#comment-form button[type=submit]").click()
    page2.wait_for_url(COMMENT_URL)
    comment = Comment.objects.get(post_id=post_id, author__handle="bastien")
    assert page2.url.endswith(f"#c{comment.pk}")
    expect(page2.locator(f"li#c{comment.pk} article.comment .prose")).to_have_text(
        prose_text("Oui, avec des feuilles.")
    )

    # The founder answers through the inline reply form (JavaScript).
    page.goto(post_url)
    page.locator(f"li#c{comment.pk} a[data-reply-to='{comment.pk}']").click()
    assert page.url == post_url, "the reply link navigated instead of opening inline"
    reply_form = page.locator(f"li#c{comment.pk} form.reply-form")
    expect(reply_form).to_be_visible()
    expect(reply_form.locator("input[name=parent]")).to_have_value(str(comment.pk))
    expect(reply_form.locator("textarea[name=body]")).to_be_focused()
    reply_form.locator("textarea[name=body]").fill("Et du **broyat** de branches.")
    reply_form.locator("button[type=submit]").click()
    page.wait_for_url(COMMENT_URL)
    reply = Comment.objects.get(post_id=post_id, author__handle="alix")
    assert reply.parent_id == comment.pk

    # Both members see the reply nested under the comment.
    for viewer in (page, page2):
        viewer.goto(post_url)
        nested = _reply_li(viewer, comment.pk, reply.pk)
        expect(nested).to_have_count(1)
        expect(nested.locator(".prose strong")).to_have_text("broyat")

    screenshot(page, "billet-1280")
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(post_url)
    screenshot(page, "billet-375")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the billet page scrolls sideways at 375 px by {overflow}px"


def test_journey_without_javascript_publishes_and_replies_on_reply_page(
    live_server, new_context, screenshot
):
    base = live_server.url
    founder = make_member("dominique")
    community = make_community(founder=founder, slug="atelier", name="Atelier")
    post = make_post(community=community, author=founder, title="Outils à prêter")
    comment = make_comment(post=post, author=founder, body="Qui a une scie ?")

    context = new_context(java_script_enabled=False)
    page = context.new_page()
    make_member("claude")
    log_in(page, base, "claude@example.org")
    _join(page, base, "atelier")

    page.locator("a[href='/c/atelier/ecrire/']").first.click()
    page.wait_for_url(f"{base}/c/atelier/ecrire/")
    post_id = _write_billet(
        page,
        title="Je prête ma perceuse",
        body="Une perceuse **sans fil**, le samedi.",
        intent="information",
        preview=False,
    )
    expect(page.locator("article.post .prose strong")).to_have_text("sans fil")
    expect(page.locator("article.post .intent.intent-information")).to_be_visible()
    assert Post.objects.get(pk=post_id).author.handle == "claude"

    # Without JavaScript "Répondre" is a link to the reply page.
    page.goto(f"{base}{post.get_absolute_url()}")
    page.locator(f"li#c{comment.pk} a[data-reply-to='{comment.pk}']").click()
    page.wait_for_url(re.compile(rf"/commenter/\?parent={comment.pk}$"))
    page.locator("main form textarea[name=body]").fill("Moi, une scie égoïne.")
    page.locator("main form[action$='/commenter/'] button[type=submit]").click()
    page.wait_for_url(COMMENT_URL)
    reply = Comment.objects.get(post=post, author__handle="claude")
    assert reply.parent_id == comment.pk
    nested = _reply_li(page, comment.pk, reply.pk)
    expect(nested.locator(".prose")).to_have_text(prose_text("Moi, une scie égoïne."))
    screenshot(page, "billet-nojs-1280")
