"""Journey in Chromium: four candidates for two seats, twelve voters (one
votes in the browser, the others through the services), the clock passes the
close, and the results show the count round by round."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from causerie.elections import blt, services
from causerie.elections.models import Election, Participation
from causerie.elections.tests.builders import community_at_day, join, rank
from causerie.governance.models import Mandate
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

SLUG = "chorale"
WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 375, "height": 812}
CANDIDATES = ("anouk", "basile", "celeste", "denis")
# 11 ballots cast through the services; the browser voter ranks Denis, Basile.
# Quota 12 // 3 + 1 = 5: Anouk is elected in round 1 and her surplus goes to
# Céleste; Denis is excluded in round 2 and his ballots elect Basile.
BALLOTS = (
    [("anouk", "celeste")] * 6
    + [("basile", "denis")] * 3
    + [("celeste",)]
    + [("denis", "basile")]
)


def test_journey_four_candidates_two_seats_results_round_by_round(
    live_server, new_context, screenshot
):
    base = live_server.url
    community, _founder = community_at_day(120, slug=SLUG)
    candidates = {handle: join(community, handle) for handle in CANDIDATES}
    voters = [join(community, f"choriste{n:02d}", trust_level=1) for n in range(11)]
    join(community, "votante", trust_level=1)
    now = timezone.now()
    # Called eight days ago: voting opened yesterday and closes in six days.
    election = services.call_election(
        community=community, reason="first", now=now - timedelta(days=8)
    )
    Election.objects.filter(pk=election.pk).update(seats=2)
    election.refresh_from_db()
    for handle, member in candidates.items():
        services.stand(
            actor=member,
            election=election,
            statement=f"Je suis {handle.title()} et je veux une chorale **accueillante**.",
            now=election.called_at + timedelta(hours=1),
        )
    services.advance_election(election=election, now=election.voting_opens_at)
    election.refresh_from_db()
    assert election.phase == Election.Phase.VOTING
    for voter, ballot in zip(voters, BALLOTS, strict=True):
        services.cast_ballot(
            actor=voter,
            election=election,
            ranking=rank(election, *(candidates[h] for h in ballot)),
        )

    # The twelfth voter reads the candidates and votes in the browser.
    page = new_context(viewport=WIDE).new_page()
    log_in(page, base, "votante")
    page.goto(f"{base}/c/{SLUG}/elections/")
    page.get_by_role("link", name="Élection n° 1").click()
    expect(page.locator("h1")).to_have_text("Élection des modérateurs n° 1")
    expect(page.locator("article.candidate")).to_have_count(4)
    expect(page.locator("article.candidate").first).to_contain_text("accueillante")
    page.get_by_role("link", name="Voter").click()
    page.get_by_label("Denis (@denis)").select_option("1")
    page.get_by_label("Basile (@basile)").select_option("1")
    page.get_by_role("button", name="Déposer mon bulletin").click()
    # Two candidates with the same rank: refused, choices kept.
    expect(page.locator(".errorlist")).to_contain_text("rang différent")
    expect(page.get_by_label("Denis (@denis)")).to_have_value("1")
    page.get_by_label("Basile (@basile)").select_option("2")
    page.get_by_role("button", name="Déposer mon bulletin").click()
    expect(page.locator("ul.messages")).to_contain_text("bulletin est enregistré")
    expect(page.locator("body")).to_contain_text("@votante")
    screenshot(page, "election-1280")
    assert Participation.objects.filter(election=election).count() == 12

    # The clock passes the close: the periodic task counts and publishes.
    services.advance_elections(now=election.voting_closes_at)
    election.refresh_from_db()
    assert election.phase == Election.Phase.FINISHED

    reader = new_context(viewport=NARROW).new_page()
    reader.goto(f"{base}/c/{SLUG}/elections/1/")
    reader.get_by_role("link", name="Les résultats sont publiés").click()
    expect(reader.locator("h1")).to_have_text("Résultats de l’élection n° 1")
    elected = reader.locator("ol.elected-list > li")
    expect(elected).to_have_count(2)
    expect(elected.nth(0)).to_contain_text("Anouk")
    expect(elected.nth(1)).to_contain_text("Basile")
    rounds = reader.locator("section.election-round")
    expect(rounds).to_have_count(3)
    expect(rounds.nth(0)).to_contain_text("ayant atteint le quota")
    expect(rounds.nth(0)).to_contain_text("Anouk transmet")
    expect(rounds.nth(1)).to_contain_text("Éliminé, avec le moins de voix")
    expect(rounds.nth(1)).to_contain_text("Denis")
    expect(rounds.nth(2)).to_contain_text("Basile")
    expect(reader.locator("body")).to_contain_text("12 membres sur")
    screenshot(reader, "resultats-375")

    with reader.expect_download() as download_info:
        reader.get_by_role("link", name="Télécharger les bulletins (BLT)").click()
    parsed = blt.parse(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert (len(parsed.candidates), parsed.seats, len(parsed.ballots)) == (4, 2, 12)

    # The elected moderate now; the founding mandate ended.
    current = Mandate.objects.filter(community=community, ended_at__isnull=True)
    assert {m.holder.handle for m in current} == {"anouk", "basile"}
    reader.goto(f"{base}/c/{SLUG}/journal/")
    expect(reader.locator("body")).to_contain_text("modérateur élu")
