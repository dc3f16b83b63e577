"""Amendment and recall pages: list, proposal form, detail with diff, ballot,
result, voters, revisions, recall petition and vote; bounded queries."""

import pytest
from django.utils import translation
from django.utils.html import escape

from causerie.governance import services
from causerie.governance.exceptions import NotAllowedToPropose
from causerie.governance.models import Amendment, Ballot, Participation
from causerie.governance.tests.builders import (
    DAY,
    cast,
    close,
    join,
    new_text,
    open_vote,
    propose,
    voters,
)
from causerie.moderation.models import LogAction, ModerationLogEntry


def french(message) -> str:
    with translation.override("fr"):
        return translation.gettext(str(message))


@pytest.fixture
def proposer(community):
    return join("prune", community, days=20, trust=2)


def form_data(community, **changes):
    return {
        "text": new_text(community),
        **community.policy.to_json(),
        "summary": "Citer ses sources",
        **changes,
    }


# Proposal form


def test_the_form_is_prefilled_with_the_current_guide_and_policy(
    client, community, proposer
):
    client.force_login(proposer)

    response = client.get("/c/brassage/amendements/proposer/")

    page = response.content.decode()
    assert response.status_code == 200
    assert f"## {escape(french('Stay courteous'))}" in page
    assert (
        '<input type="number" name="hide_threshold" value="5" min="2" max="100"' in page
    )
    assert '<option value="2/3" selected>' in page


def test_a_member_without_standing_gets_a_403_page(client, community, member):
    client.force_login(member)

    response = client.get("/c/brassage/amendements/proposer/")

    assert response.status_code == 403
    with translation.override("fr"):
        message = NotAllowedToPropose(level=2, days=14).message
    assert escape(message) in response.content.decode()


def test_a_visitor_is_sent_to_log_in(client, community):
    response = client.get("/c/brassage/amendements/proposer/")

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_preview_shows_the_exact_diff_without_proposing(client, community, proposer):
    client.force_login(proposer)

    response = client.post(
        "/c/brassage/amendements/proposer/",
        {**form_data(community, hide_threshold=8), "apercu": "1"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert '<div class="added">## Citer ses sources</div>' in page
    assert "<del>5</del>" in page
    assert "<ins>8</ins>" in page
    assert not Amendment.objects.exists()


def test_proposing_redirects_to_the_amendment(client, community, proposer):
    client.force_login(proposer)

    response = client.post("/c/brassage/amendements/proposer/", form_data(community))

    assert response.status_code == 302
    assert response["Location"] == "/c/brassage/amendements/1/"


def test_errors_keep_what_was_typed(client, community, proposer):
    client.force_login(proposer)

    response = client.post(
        "/c/brassage/amendements/proposer/",
        form_data(community, text="Plus aucune règle.", hide_threshold=9),
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["text"]
    assert "Plus aucune règle." in page
    assert 'name="hide_threshold" value="9"' in page


def test_an_out_of_bounds_value_is_shown_next_to_its_field(client, community, proposer):
    client.force_login(proposer)

    response = client.post(
        "/c/brassage/amendements/proposer/",
        form_data(community, hide_threshold=1, amendment_majority="1/3"),
    )

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {
        "hide_threshold",
        "amendment_majority",
    }


# Detail and ballot


def test_detail_shows_the_diff_and_the_discussion_link(client, community, proposer):
    amendment = propose(community, proposer, policy={"hide_threshold": 8})

    page = client.get("/c/brassage/amendements/1/").content.decode()

    assert '<div class="added">## Citer ses sources</div>' in page
    assert "<ins>8</ins>" in page
    assert amendment.discussion_post.get_absolute_url() in page
    assert "/c/brassage/amendements/1/revisions/1/" in page


def test_a_member_votes_and_sees_only_their_own_choice(client, community, proposer):
    amendment = open_vote(propose(community, proposer))
    voter = join("votante", community, trust=1)
    client.force_login(voter)

    # The page's clock is the real one: open the vote around it.
    from django.utils import timezone

    type(amendment.vote).objects.filter(pk=amendment.vote_id).update(
        opened_at=timezone.now() - DAY, closes_at=timezone.now() + DAY
    )
    from causerie.communities.models import Membership

    Membership.objects.filter(member=voter).update(created_at=timezone.now() - 2 * DAY)
    response = client.post("/c/brassage/amendements/1/voter/", {"choice": "against"})
    page = client.get("/c/brassage/amendements/1/").content.decode()

    assert response.status_code == 302
    assert Participation.objects.filter(voter=voter).exists()
    assert 'value="against" id="id_choice_1" required checked' in page
    assert 'value="for" id="id_choice_0" required>' in page
    assert "@votante" in page
    assert Ballot.objects.get().choice == "against"


def test_a_bad_choice_is_a_clear_error_not_a_500(client, community, proposer):
    open_vote(propose(community, proposer))
    client.force_login(join("votante", community))

    response = client.post("/c/brassage/amendements/1/voter/", {"choice": "x"})

    assert response.status_code == 302
    assert not Ballot.objects.exists()


def test_a_late_ballot_gets_a_409_page(client, community, proposer):
    amendment = close(open_vote(propose(community, proposer)))
    client.force_login(join("votante", community))

    response = client.post("/c/brassage/amendements/1/voter/", {"choice": "for"})

    assert response.status_code == 409
    assert amendment.vote.is_closed


def test_the_result_shows_tally_turnout_rules_and_voters(client, community, proposer):
    amendment = open_vote(propose(community, proposer))
    members = voters(community, 6)
    cast(amendment, members[:4], "for")
    cast(amendment, members[4:], "against")
    close(amendment)

    page = client.get("/c/brassage/amendements/1/").content.decode()

    assert "<td>4</td>" in page
    assert "<td>2</td>" in page
    for voter in members:
        assert f"@{voter.handle}" in page
    assert "/c/brassage/guide/versions/2/" in page
    assert "2/3" in page


def test_revision_page_compares_with_the_previous_revision(client, community, proposer):
    amendment = propose(community, proposer)
    services.revise_amendment(
        actor=proposer,
        amendment=amendment,
        text=new_text(community, extra="## Citer ses sources\n\nUn lien précis."),
        policy={},
        summary="Précis",
    )

    page = client.get("/c/brassage/amendements/1/revisions/2/").content.decode()

    assert '<div class="removed">Toujours un lien.</div>' in page
    assert '<div class="added">Un lien précis.</div>' in page
    assert client.get("/c/brassage/amendements/1/revisions/9/").status_code == 404


def test_unknown_amendment_is_a_404(client, community):
    assert client.get("/c/brassage/amendements/7/").status_code == 404


def test_the_log_links_to_the_amendment(client, community, proposer):
    propose(community, proposer)

    page = client.get("/c/brassage/journal/").content.decode()

    entry = ModerationLogEntry.objects.get(action=LogAction.AMENDMENT_PROPOSED)
    assert f'href="{entry.target_url}"' in page


# Bounded queries


def amendments_in_every_phase(community, proposer, count):
    for index in range(count):
        amendment = propose(
            community,
            proposer,
            text=new_text(community, extra=f"## Règle {index}\n\ntexte"),
            summary=f"Proposition {index}",
        )
        if index % 3:
            open_vote(amendment)
        if index % 3 == 2:
            cast(amendment, voters(community, 1, prefix=f"v{index}-"), "for")
            close(amendment)


@pytest.mark.parametrize("count", [2, 9])
def test_list_queries_do_not_grow_with_amendments(
    client, community, proposer, count, django_assert_max_num_queries
):
    amendments_in_every_phase(community, proposer, count)
    client.force_login(proposer)

    with django_assert_max_num_queries(14):
        response = client.get("/c/brassage/amendements/")

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 12])
def test_detail_queries_do_not_grow_with_voters(
    client, community, proposer, count, django_assert_max_num_queries
):
    amendment = open_vote(propose(community, proposer))
    cast(amendment, voters(community, count), "for")
    close(amendment)
    client.force_login(proposer)

    with django_assert_max_num_queries(22):
        response = client.get("/c/brassage/amendements/1/")

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 4])
def test_recall_pages_queries_do_not_grow(
    client, community, member, count, django_assert_max_num_queries
):
    signers = voters(community, count, prefix="sig")
    recall = services.start_recall(
        actor=signers[0], community=community, holder=member, reason="Raison"
    )
    for signer in signers[1:]:
        services.sign_recall(actor=signer, recall=recall)
    client.force_login(signers[0])

    with django_assert_max_num_queries(14):
        listed = client.get("/c/brassage/revocations/")
    with django_assert_max_num_queries(16):
        shown = client.get("/c/brassage/revocations/1/")

    assert listed.status_code == shown.status_code == 200


# Recall pages


def test_recall_journey_over_http(client, community, member):
    signers = voters(community, 5, prefix="sig")
    client.force_login(signers[0])

    form = client.get(f"/c/brassage/revocations/petition/{member.handle}/")
    empty = client.post(f"/c/brassage/revocations/petition/{member.handle}/", {})
    opened = client.post(
        f"/c/brassage/revocations/petition/{member.handle}/", {"reason": "Abus."}
    )
    for signer in signers[1:]:
        client.force_login(signer)
        client.post("/c/brassage/revocations/1/signer/")
    page = client.get("/c/brassage/revocations/1/").content.decode()

    assert form.status_code == 200
    assert empty.status_code == 400
    assert opened.status_code == 302
    assert opened["Location"] == "/c/brassage/revocations/1/"
    assert 'action="/c/brassage/revocations/1/voter/"' in page
    assert "Abus." in page
