"""Journey in Chromium: a member asks for a hat from the community page, a
moderator grants it from the hat queue, the grant is read logged out in the
public log, and the member publishes a billet wearing it, shown beside the
name (docs/hats.md)."""

import re

import pytest
from playwright.sync_api import expect

from causerie.core.testing import join, make_community, make_member
from causerie.hats.models import Hat, HatStatus
from causerie.publishing.models import Post
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

BILLET_URL = re.compile(r"/c/[\w-]+/billets/(\d+)/$")
NOTE = "Mon nom figure sur la page du bureau."


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_journey_hat_requested_granted_logged_and_worn(
    live_server, new_context, screenshot, javascript
):
    moderator = make_member("elise")
    community = make_community(founder=moderator, slug="jardins", name="Jardins")
    member = join(make_member("ines"), community)
    base = live_server.url
    options = {"viewport": {"width": 1280, "height": 900}}
    options["java_script_enabled"] = javascript

    # The member asks from the community page.
    member_page = new_context(**options).new_page()
    log_in(member_page, base, member.email)
    member_page.goto(f"{base}/c/{community.slug}/")
    member_page.locator(
        f"a[href='/casquettes/demander/?communaute={community.slug}']"
    ).click()
    expect(member_page.locator("select[name=scope]")).to_have_value(community.slug)
    member_page.locator("input[name=organisation]").fill("Médiathèque de Villebrune")
    member_page.locator("input[name=role]").fill("Responsable de la grainothèque")
    member_page.locator("input[name=proof_url]").fill("javascript:alert(1)")
    member_page.locator("textarea[name=note_to_moderators]").fill(NOTE)
    member_page.locator("form.hat-form button[type=submit]").click()
    # A proof that is not a web address: an error beside it, the rest kept.
    expect(member_page.locator(".errorlist")).to_be_visible()
    expect(member_page.locator("input[name=role]")).to_have_value(
        "Responsable de la grainothèque"
    )
    member_page.locator("input[name=proof_url]").fill(
        "https://mediatheque.example.org/equipe"
    )
    member_page.locator("form.hat-form button[type=submit]").click()
    member_page.wait_for_url(f"{base}/casquettes/")
    hat = Hat.objects.get()
    expect(
        member_page.locator(f"#casquette-{hat.pk} .hat-status-requested")
    ).to_be_visible()

    # The moderator grants it from the queue linked in the moderation area.
    moderator_page = new_context(**options).new_page()
    log_in(moderator_page, base, moderator.email)
    moderator_page.goto(f"{base}/c/{community.slug}/moderation/")
    moderator_page.locator(
        f"a[href='/c/{community.slug}/moderation/casquettes/']"
    ).click()
    request = moderator_page.locator(f"#casquette-{hat.pk}")
    expect(request).to_contain_text(NOTE)
    expect(request.locator("a.hat-proof")).to_have_attribute(
        "href", "https://mediatheque.example.org/equipe"
    )
    screenshot(moderator_page, "queue")
    request.locator("textarea[name=reason]").fill("Page de l'équipe vérifiée.")
    request.locator("button[value=grant]").click()
    moderator_page.wait_for_url(f"{base}/c/{community.slug}/moderation/casquettes/")
    hat.refresh_from_db()
    assert hat.status == HatStatus.GRANTED

    # Anyone, logged out, reads the grant in the public log, without the note.
    visitor = new_context(**options).new_page()
    visitor.goto(f"{base}/c/{community.slug}/journal/")
    entry = visitor.locator(".log-hat_granted")
    expect(entry).to_contain_text("Responsable de la grainothèque")
    expect(entry).to_contain_text("@ines")
    expect(entry).to_contain_text("Page de l'équipe vérifiée.")
    assert NOTE not in visitor.content()

    # The member publishes a billet wearing the hat: shown beside the name.
    member_page.goto(f"{base}/c/{community.slug}/ecrire/")
    member_page.locator("input[name=title]").fill("Troc de graines samedi")
    member_page.locator("textarea[name=body]").fill("Venez avec vos graines.")
    member_page.locator("input[name=intent][value=information]").check()
    member_page.locator("select[name=hat]").select_option(str(hat.pk))
    member_page.locator("button[name=publish]").click()
    member_page.wait_for_url(BILLET_URL)
    assert Post.objects.get().hat == hat
    badge = member_page.locator(".post-header .hat")
    expect(badge).to_contain_text(
        "Responsable de la grainothèque · Médiathèque de Villebrune"
    )
    screenshot(member_page, "billet")

    # A reply wears it too: in place with JavaScript, on the reply page without.
    moderator_page.goto(member_page.url)
    moderator_page.locator("#comment-form textarea[name=body]").fill("Merci !")
    moderator_page.locator("#comment-form button[type=submit]").click()
    moderator_page.wait_for_url(re.compile(r"#c\d+$"))
    comment_id = moderator_page.url.rsplit("#c", 1)[1]
    member_page.reload()
    member_page.locator(f"li#c{comment_id} a[data-reply-to]").click()
    if javascript:
        reply = member_page.locator(f"li#c{comment_id} form.reply-form")
    else:
        reply = member_page.locator("form.card")
    reply.locator("textarea[name=body]").fill("Avec plaisir.")
    reply.locator("select[name=hat]").select_option(str(hat.pk))
    reply.locator("button[type=submit]").first.click()
    member_page.wait_for_url(re.compile(r"#c\d+$"))
    answer_id = member_page.url.rsplit("#c", 1)[1]
    expect(member_page.locator(f"li#c{answer_id} .hat").first).to_contain_text(
        "Médiathèque de Villebrune"
    )
    member_page.goto(f"{base}/c/{community.slug}/billets/{Post.objects.get().pk}/")

    # The badge leads to the hat on the profile, with its proof.
    badge.locator("a").click()
    expect(member_page.locator(f"#casquette-{hat.pk}")).to_contain_text(
        "Médiathèque de Villebrune"
    )
