"""Journey in Chromium: a member proposes an amendment raising the flag
threshold; others discuss and vote; the clock moves on; it is adopted; the
guide shows the new version and the diff."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from causerie.accounts.models import User
from causerie.communities import services as community_services
from causerie.communities.models import Membership
from causerie.core.testing import make_community, make_member
from causerie.governance import services
from causerie.governance.models import Amendment, AmendmentRevision, Participation
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

SLUG = "ateliers"
SUMMARY = "Relever le seuil de masquage à 8"
COMMENT = "D'accord : à 5, deux habitués suffisent à masquer un billet."
VOTERS = ("voix1", "voix2", "voix3", "voix4", "voix5")
WIDE = {"width": 1280, "height": 800}


def _member(community, handle: str, *, trust: int, days: int):
    member = make_member(handle, trust_level=trust)
    community_services.join_community(
        actor=member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    long_ago = timezone.now() - timedelta(days=days)
    Membership.objects.filter(member=member).update(created_at=long_ago)
    User.objects.filter(pk=member.pk).update(date_joined=long_ago)
    return member


def test_journey_amendment_proposed_discussed_voted_adopted(
    live_server, new_context, screenshot
):
    base = live_server.url
    founder = make_member("fondatrice")
    community = make_community(founder=founder, slug=SLUG, name="Ateliers")
    _member(community, "proposante", trust=2, days=30)
    for handle in VOTERS:
        _member(community, handle, trust=1, days=30)

    # 1. The proposer finds the amendments from the guide, changes the policy,
    #    previews the exact diff and proposes.
    proposer = new_context(viewport=WIDE).new_page()
    log_in(proposer, base, "proposante")
    proposer.goto(f"{base}/c/{SLUG}/guide/")
    proposer.locator(f"a[href='/c/{SLUG}/amendements/']").first.click()
    proposer.locator(f"a[href='/c/{SLUG}/amendements/proposer/']").click()
    form = proposer.locator("form.card")
    expect(form.locator("input[name=hide_threshold]")).to_have_value("5")
    form.locator("input[name=hide_threshold]").fill("8")
    form.locator("input[name=summary]").fill(SUMMARY)
    form.locator("button[name=apercu]").click()
    expect(proposer.locator("table.policy-table ins")).to_have_text("8")
    proposer.locator("form.card button[type=submit]:not([name])").click()
    proposer.wait_for_url(f"{base}/c/{SLUG}/amendements/1/")
    expect(proposer.locator("h1")).to_contain_text(SUMMARY)
    expect(proposer.locator("table.policy-table del")).to_have_text("5")
    expect(proposer.locator("table.policy-table ins")).to_have_text("8")
    screenshot(proposer, "amendement-en-discussion-1280")
    amendment = Amendment.objects.get(community=community, number=1)

    # 2. Another member follows the link to the discussion and comments.
    reader = new_context(viewport=WIDE).new_page()
    log_in(reader, base, "voix1")
    reader.goto(f"{base}/c/{SLUG}/amendements/1/")
    reader.locator(
        f"a[href='{amendment.discussion_post.get_absolute_url()}']"
    ).first.click()
    reader.locator("#comment-form textarea").fill(COMMENT)
    reader.locator("#comment-form button[type=submit]").click()
    expect(reader.locator("main")).to_contain_text(COMMENT)

    # 3. The discussion days pass (the proposal is moved three days back),
    #    and the periodic step opens the vote.
    three_days_ago = timezone.now() - timedelta(days=3)
    Amendment.objects.filter(pk=amendment.pk).update(
        created_at=three_days_ago, discussion_ends_at=timezone.now()
    )
    AmendmentRevision.objects.filter(amendment=amendment).update(
        created_at=three_days_ago
    )
    assert services.advance_amendments() == 1
    amendment.refresh_from_db()

    # 4. Five members vote; one changes their mind before the close.
    choices = {"voix1": "for", "voix2": "for", "voix3": "for", "voix4": "for"}
    choices["voix5"] = "against"
    for handle, choice in choices.items():
        page = new_context(viewport=WIDE).new_page()
        log_in(page, base, handle)
        page.goto(f"{base}/c/{SLUG}/amendements/1/")
        page.locator(f"input[name=choice][value={choice}]").check()
        page.locator("section.ballot-box button[type=submit]").click()
        page.wait_for_url(f"{base}/c/{SLUG}/amendements/1/")
        expect(page.locator(f"input[name=choice][value={choice}]")).to_be_checked()
        if handle == "voix5":
            page.locator("input[name=choice][value=for]").check()
            page.locator("section.ballot-box button[type=submit]").click()
            page.wait_for_url(f"{base}/c/{SLUG}/amendements/1/")
            expect(page.locator("input[name=choice][value=for]")).to_be_checked()
    assert Participation.objects.filter(vote=amendment.vote).count() == 5
    proposer.goto(f"{base}/c/{SLUG}/amendements/1/")
    for handle in VOTERS:
        expect(proposer.locator("main")).to_contain_text(f"@{handle}")
    screenshot(proposer, "amendement-au-vote-1280")

    # 5. The deadline passes: the periodic step closes the vote and adopts.
    assert services.advance_amendments(now=amendment.vote.closes_at) == 1

    visitor = new_context(viewport=WIDE).new_page()
    visitor.goto(f"{base}/c/{SLUG}/amendements/1/")
    result = visitor.locator("section.vote-result")
    expect(result).to_contain_text(re.compile("adopté", re.IGNORECASE))
    expect(result).to_contain_text("5 sur")
    expect(visitor.locator("section.ballot-box")).to_have_count(0)
    screenshot(visitor, "amendement-adopte-1280")

    # 6. The guide shows version 2, its summary, and the diff from version 1.
    visitor.goto(f"{base}/c/{SLUG}/guide/")
    expect(visitor.locator("main")).to_contain_text("Version 2")
    expect(visitor.locator("main")).to_contain_text(SUMMARY)
    visitor.locator(f"a[href='/c/{SLUG}/guide/comparer/?de=1&a=2']").click()
    visitor.wait_for_url(re.compile(r"/guide/comparer/\?de=1&a=2$"))
    expect(visitor.locator("table.policy-table del")).to_have_text("5")
    expect(visitor.locator("table.policy-table ins")).to_have_text("8")
    screenshot(visitor, "guide-version-2-1280")

    # 7. The public log has every step, each linking to the amendment.
    visitor.goto(f"{base}/c/{SLUG}/journal/")
    for action in ("amendment_proposed", "amendment_vote", "amendment_adopted"):
        entry = visitor.locator(f"li.log-entry.log-{action}")
        expect(entry).to_have_count(1)
        expect(entry.locator(f"a[href='/c/{SLUG}/amendements/1/']")).to_have_count(1)
    community.refresh_from_db()
    assert community.policy.hide_threshold == 8
