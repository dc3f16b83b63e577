"""Journey in Chromium: publishing a sponsored billet, from the forgotten
sponsor to the label in the listing filtered by intent (docs/transparency.md)."""

import re

import pytest
from playwright.sync_api import expect

from causerie.core.testing import join, make_community, make_member
from causerie.publishing.models import Intent, Post
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

BILLET_URL = re.compile(r"/c/[\w-]+/billets/(\d+)/$")
TITLE = "Concours de la Brasserie du Canal"
BODY = "La brasserie m'a payé pour présenter son **concours**."


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_journey_sponsored_post_names_its_sponsor_in_the_label_and_listing(
    live_server, new_context, screenshot, javascript
):
    founder = make_member("amelie")
    community = make_community(founder=founder)
    writer = join(make_member("oceane"), community)
    base = live_server.url
    context = new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=javascript
    )
    page = context.new_page()
    log_in(page, base, writer.email)

    page.goto(f"{base}/c/{community.slug}/ecrire/")
    sponsor_box = page.locator("[data-sponsor-fields]")
    if javascript:  # shown only once "Sponsorisé" is chosen
        expect(sponsor_box).to_be_hidden()
    else:
        expect(sponsor_box).to_be_visible()
    page.locator("input[name=title]").fill(TITLE)
    page.locator("textarea[name=body]").fill(BODY)
    page.locator("input[name=intent][value=sponsored]").check()
    expect(sponsor_box).to_be_visible()
    page.locator("button[name=publish]").click()

    # The sponsor was forgotten: an error beside it, everything typed kept.
    expect(page.locator(".errorlist")).to_contain_text("sponsor")
    expect(page.locator("input[name=title]")).to_have_value(TITLE)
    expect(page.locator("textarea[name=body]")).to_have_value(BODY)
    expect(page.locator("input[name=intent][value=sponsored]")).to_be_checked()
    expect(sponsor_box).to_be_visible()
    assert not Post.objects.exists()
    screenshot(page, "sponsor-forgotten")

    page.locator("input[name=sponsor_name]").fill("Brasserie du Canal")
    page.locator("input[name=sponsor_url]").fill("https://brasserie.example.org")
    page.locator("button[name=publish]").click()
    page.wait_for_url(BILLET_URL)

    post = Post.objects.get()
    assert (post.intent, post.sponsor_name) == (Intent.SPONSORED, "Brasserie du Canal")
    label = page.locator(".post-header .intent-sponsored")
    expect(label).to_contain_text("Sponsorisé par Brasserie du Canal")
    expect(label.locator("a")).to_have_attribute("rel", "sponsored nofollow noopener")
    screenshot(page, "billet")

    page.goto(f"{base}/c/{community.slug}/")
    row = page.locator(".post-row", has_text=TITLE)
    expect(row.locator(".intent-sponsored")).to_contain_text(
        "Sponsorisé par Brasserie du Canal"
    )
    page.locator(".intent-filter a", has_text="Sponsorisé").click()
    page.wait_for_url(re.compile(r"intention=sponsored"))
    expect(page.locator(".intent-filter a[aria-current=page]")).to_have_text(
        "Sponsorisé"
    )
    expect(page.locator(".post-row", has_text=TITLE)).to_be_visible()
    page.locator(".intent-filter a", has_text="Opinion").click()
    page.wait_for_url(re.compile(r"intention=opinion"))
    expect(page.locator(".post-row", has_text=TITLE)).to_have_count(0)
    screenshot(page, "listing-filtered")
