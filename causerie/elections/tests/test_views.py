"""Election pages: what they show, forms that keep input, errors, the BLT
download, and bounded queries at two sizes."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from causerie.elections import blt, services
from causerie.elections.models import Ballot, Election, Participation
from causerie.elections.tests.builders import (
    close,
    community_at_day,
    first_election,
    join,
    rank,
    to_voting,
)

pytestmark = pytest.mark.django_db

STATEMENT = "Je veux une modération **calme**."


def _url(name, election, **extra):
    return reverse(
        f"elections:{name}",
        kwargs={"slug": election.community.slug, "number": election.number, **extra},
    )


def _election(candidates=2, voters=2, *, slug="brassage"):
    community, founder = community_at_day(90, slug=slug)
    members = [join(community, f"{slug}-c{n}") for n in range(candidates)]
    electorate = [join(community, f"{slug}-v{n}", trust_level=1) for n in range(voters)]
    election = first_election(community)
    for member in members:
        services.stand(actor=member, election=election, statement=STATEMENT)
    return election, founder, members, electorate


def _rotated(members, n):
    k = n % len(members)
    return members[k:] + members[:k]


def _vote_all(election, members, electorate):
    for n, voter in enumerate(electorate):
        services.cast_ballot(
            actor=voter,
            election=election,
            ranking=rank(election, *_rotated(members, n)),
            now=election.voting_opens_at + timedelta(hours=1),
        )


def test_list_shows_moderators_elections_and_call_button(client):
    election, founder, _members, _electorate = _election()
    client.force_login(founder)
    response = client.get(reverse("elections:list", kwargs={"slug": "brassage"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{election.get_absolute_url()}"' in html
    assert "Élection n° 1" in html
    assert founder.handle in html
    assert reverse("elections:call", kwargs={"slug": "brassage"}) in html


def test_detail_shows_candidates_statements_and_facts(client):
    election, _founder, members, _electorate = _election()
    response = client.get(_url("detail", election))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>calme</strong>" in html
    for member in members:
        assert f"@{member.handle}" in html
    assert "questions" in html.lower()


def test_stand_through_the_form_keeps_input_on_error(client):
    election, _founder, _members, _electorate = _election()
    newcomer = join(election.community, "nouvelle", days_ago=2)
    client.force_login(newcomer)
    response = client.post(_url("stand", election), {"statement": "Mon texte"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mon texte" in html
    assert "14" in html  # the membership rule is named
    eligible = join(election.community, "ancienne")
    client.force_login(eligible)
    response = client.post(_url("stand", election), {"statement": "Mon texte"})
    assert response.status_code == 302
    assert election.candidacies.filter(member=eligible).exists()


def test_vote_through_the_form(client):
    election, _founder, members, electorate = _election()
    to_voting(election)
    # The clock of the request is the real one: open the vote now.
    Election.objects.filter(pk=election.pk).update(
        voting_opens_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(electorate[0])
    ids = rank(election, *members)
    response = client.post(
        _url("vote", election), {f"rang_{ids[0]}": "1", f"rang_{ids[1]}": "1"}
    )
    assert response.status_code == 200
    assert Ballot.objects.count() == 0
    response = client.post(
        _url("vote", election), {f"rang_{ids[0]}": "2", f"rang_{ids[1]}": "1"}
    )
    assert response.status_code == 302
    assert Ballot.objects.get().ranking == [ids[1], ids[0]]
    response = client.get(_url("vote", election))
    assert 'value="2" selected' in response.content.decode()


def test_stranger_cannot_vote_and_gets_a_clear_page(client):
    election, _founder, members, _electorate = _election()
    to_voting(election)
    stranger = join(community_at_day(1, slug="ailleurs")[0], "dehors")
    client.force_login(stranger)
    ids = rank(election, *members)
    response = client.post(_url("vote", election), {f"rang_{ids[0]}": "1"})
    assert response.status_code == 200
    assert Participation.objects.count() == 0


def test_results_page_and_blt_download(client):
    election, _founder, members, electorate = _election(candidates=3, voters=5)
    to_voting(election)
    _vote_all(election, members, electorate)
    close(election)
    response = client.get(_url("results", election))
    html = response.content.decode()
    assert response.status_code == 200
    for voter in electorate:
        assert f"@{voter.handle}" in html
    assert "Tour 1" in html or "Round 1" in html
    download = client.get(_url("blt", election))
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    parsed = blt.parse(download.content.decode())
    assert len(parsed.ballots) == 5
    assert parsed.seats == 3
    text = download.content.decode()
    for voter in electorate:
        assert voter.handle not in text


def test_results_before_the_close_are_not_found(client):
    election, *_rest = _election()
    assert client.get(_url("results", election)).status_code == 404
    assert client.get(_url("blt", election)).status_code == 404
    missing = reverse("elections:detail", kwargs={"slug": "brassage", "number": 99})
    assert client.get(missing).status_code == 404


def test_moderator_calls_through_the_button(client):
    community, founder = community_at_day(10)
    client.force_login(founder)
    response = client.post(reverse("elections:call", kwargs={"slug": community.slug}))
    assert response.status_code == 302
    assert Election.objects.filter(community=community, called_by=founder).exists()
    member = join(community, "membre")
    client.force_login(member)
    response = client.post(reverse("elections:call", kwargs={"slug": community.slug}))
    assert response.status_code == 302
    assert Election.objects.filter(community=community).count() == 1


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_candidates_voters_or_elections(client):
    small, _founder, small_members, small_voters = _election(2, 2, slug="petite")
    big, _big_founder, big_members, big_voters = _election(6, 14, slug="grande")
    for election, members, electorate in (
        (small, small_members, small_voters),
        (big, big_members, big_voters),
    ):
        to_voting(election)
        _vote_all(election, members, electorate)
        close(election)
    # More past elections in the big community.
    for number in range(2, 7):
        Election.objects.create(
            community=big.community,
            number=number,
            reason=Election.Reason.VACANCY,
            phase=Election.Phase.VOID,
            seats=1,
            term_months=6,
            candidacy_trust_level=2,
            candidacy_member_days=30,
            called_at=big.closed_at,
            questions_at=big.closed_at,
            voting_opens_at=big.closed_at,
            voting_closes_at=big.closed_at,
            closed_at=big.closed_at,
        )
    client.force_login(small_voters[0])
    for name in ("detail", "results"):
        assert _queries(client, _url(name, small)) == _queries(
            client, _url(name, big)
        ), name
    assert _queries(
        client, reverse("elections:list", kwargs={"slug": "petite"})
    ) == _queries(client, reverse("elections:list", kwargs={"slug": "grande"}))
