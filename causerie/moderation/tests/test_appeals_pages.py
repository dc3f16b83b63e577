"""Decision and appeal pages over HTTP: the public decision, filing an appeal,
the moderators' list, the review form and the administrators' list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from causerie.communities import services as community_services
from causerie.core.testing import make_comment, make_member
from causerie.governance import services as governance_services
from causerie.moderation import services
from causerie.moderation.models import Appeal
from causerie.moderation.tests.conftest import decide, file_appeal
from causerie.publishing.models import ModerationState


@pytest.fixture
def administrator(db):
    return make_member("admin", is_superuser=True, is_staff=True)


def decision_url(decision):
    return f"/c/{decision.community.slug}/decisions/{decision.pk}/"


def appeal_url(decision):
    return f"{decision_url(decision)}recours/"


def review_url(appeal):
    return f"/c/{appeal.decision.community.slug}/recours/{appeal.pk}/"


# The public decision


def test_decision_detail_shows_the_decision_to_a_logged_out_reader(
    client, decision, rules, flaggers
):
    response = client.get(decision_url(decision))

    page = response.content.decode()
    assert response.status_code == 200
    assert rules[1].title in page
    assert f"#regle-{rules[1].number}" in page
    assert "Moquerie envers un autre membre." in page
    assert "@camille" in page
    assert not any(f"@{flagger.handle}" in page for flagger in flaggers)
    assert appeal_url(decision) not in page


def test_decision_detail_offers_the_appeal_to_the_member_concerned(
    client_for, decision, author
):
    response = client_for(author).get(decision_url(decision))

    assert response.context["can_file_appeal"] is True
    assert appeal_url(decision) in response.content.decode()


def test_decision_detail_offers_no_appeal_after_fourteen_days(
    client_for, decision, author, clock
):
    clock.advance(days=15)

    response = client_for(author).get(decision_url(decision))

    assert response.context["can_file_appeal"] is False
    assert appeal_url(decision) not in response.content.decode()


def test_decision_detail_offers_no_second_appeal(client_for, decision, author):
    file_appeal(author, decision)

    response = client_for(author).get(decision_url(decision))

    assert response.context["can_file_appeal"] is False
    assert response.context["appeal"].appellant == author


def test_decision_detail_shows_the_outcome_of_the_appeal(
    client, decision, author, second_moderator
):
    appeal = file_appeal(author, decision)
    services.decide_appeal(
        actor=second_moderator,
        appeal_id=appeal.pk,
        outcome="reversed",
        explanation="Humour entre habitués.",
    )

    response = client.get(decision_url(decision))

    page = response.content.decode()
    assert "Humour entre habitués." in page
    # The appeal's own text stays between the member and the moderators.
    assert "C&#x27;était de l&#x27;humour." not in page


def test_decision_detail_is_a_404_in_another_community(client, decision):
    response = client.get(f"/c/ailleurs-inconnu/decisions/{decision.pk}/")

    assert response.status_code == 404


# Filing an appeal


def test_appeal_create_files_the_appeal_and_returns_to_the_decision(
    client_for, decision, author
):
    response = client_for(author).post(
        appeal_url(decision), {"text": "Je ne me moquais pas."}
    )

    assert response.status_code == 302
    assert response.url == decision_url(decision)
    assert Appeal.objects.get().text == "Je ne me moquais pas."


def test_appeal_create_refuses_another_member(client_for, decision, flaggers):
    client = client_for(flaggers[0])

    shown = client.get(appeal_url(decision))
    sent = client.post(appeal_url(decision), {"text": "Moi aussi."})

    assert shown.status_code == 403
    assert sent.status_code == 403
    assert sent.context["error"].code == "not_your_decision"
    assert not Appeal.objects.exists()


def test_appeal_create_redirects_a_logged_out_reader_to_the_login_page(
    client, decision
):
    response = client.get(appeal_url(decision))

    assert response.status_code == 302
    assert "/compte/login/" in response.url


def test_appeal_create_keeps_the_text_when_the_decision_was_already_appealed(
    client_for, decision, author
):
    file_appeal(author, decision)

    response = client_for(author).post(appeal_url(decision), {"text": "Deuxième essai"})

    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors()
    assert "Deuxième essai" in response.content.decode()
    assert Appeal.objects.count() == 1


def test_appeal_create_shows_the_closed_window_next_to_the_form(
    client_for, decision, author, clock
):
    clock.advance(days=15)

    response = client_for(author).post(appeal_url(decision), {"text": "Trop tard ?"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "Trop tard ?" in response.content.decode()
    assert not Appeal.objects.exists()


def test_appeal_create_requires_a_text(client_for, decision, author):
    response = client_for(author).post(appeal_url(decision), {"text": "  "})

    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert not Appeal.objects.exists()


# The moderators' list


def test_appeal_list_shows_the_appeals_another_moderator_may_review(
    client_for, decision, author, second_moderator
):
    appeal = file_appeal(author, decision)

    response = client_for(second_moderator).get(
        f"/c/{decision.community.slug}/recours/"
    )

    assert list(response.context["page"]) == [appeal]
    assert review_url(appeal) in response.content.decode()


def test_appeal_list_leaves_out_the_moderators_own_decisions(
    client_for, decision, author, moderator, second_moderator
):
    file_appeal(author, decision)

    response = client_for(moderator).get(f"/c/{decision.community.slug}/recours/")

    assert list(response.context["page"]) == []


def test_appeal_list_refuses_a_member(client_for, decision, flaggers):
    response = client_for(flaggers[0]).get(f"/c/{decision.community.slug}/recours/")

    assert response.status_code == 403
    assert response.context["error"].code == "not_a_moderator"


def test_appeal_list_query_count_does_not_grow_with_the_appeals(
    client_for, community, moderator, second_moderator, author, flaggers, rules
):
    def appeal_on_a_new_comment():
        comment = make_comment(post=post, author=author, body="Encore un avis.")
        services.flag_item(actor=flaggers[0], comment=comment, rule_id=rules[0].pk)
        file_appeal(author, decide(moderator, comment, action="warn", reason="spam"))

    from causerie.core.testing import make_post

    post = make_post(community=community, author=author, title="Débat")
    client = client_for(second_moderator)
    url = f"/c/{community.slug}/recours/"
    for _ in range(2):
        appeal_on_a_new_comment()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(6):
        appeal_on_a_new_comment()

    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert len(response.context["page"]) == 8
    assert len(many) == len(few)


# Reviewing


def test_appeal_decide_refuses_the_original_moderator_with_the_reason(
    client_for, decision, author, moderator, second_moderator
):
    appeal = file_appeal(author, decision)
    client = client_for(moderator)

    shown = client.get(review_url(appeal))
    sent = client.post(review_url(appeal), {"outcome": "reversed", "explanation": "."})

    assert shown.status_code == 403
    assert shown.context["error"].code == "appeal_needs_another_moderator"
    assert sent.status_code == 403
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.OPEN


def test_appeal_decide_refuses_a_moderator_of_another_community(
    client_for, decision, author, second_moderator, other_community
):
    appeal = file_appeal(author, decision)
    stranger = other_community.mandates.get().holder

    response = client_for(stranger).get(review_url(appeal))

    assert response.status_code == 403
    assert response.context["error"].code == "not_a_moderator"


def test_appeal_decide_reversal_restores_the_comment(
    client_for, decision, author, second_moderator, pending_comment
):
    appeal = file_appeal(author, decision)
    client = client_for(second_moderator)
    shown = client.get(review_url(appeal))

    response = client.post(
        review_url(appeal),
        {"outcome": "reversed", "explanation": "Humour entre habitués."},
    )

    assert shown.status_code == 200
    assert "C&#x27;était de l&#x27;humour." in shown.content.decode()
    assert response.status_code == 302
    assert response.url == decision_url(decision)
    pending_comment.refresh_from_db()
    assert pending_comment.moderation_state == ModerationState.VISIBLE


def test_appeal_decide_requires_an_outcome_and_an_explanation(
    client_for, decision, author, second_moderator
):
    appeal = file_appeal(author, decision)

    response = client_for(second_moderator).post(review_url(appeal), {})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"outcome", "explanation"}
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.OPEN


def test_appeal_decide_shows_an_already_decided_appeal_next_to_the_form(
    client_for, decision, author, second_moderator, administrator
):
    appeal = file_appeal(author, decision)
    services.escalate_overdue_appeals()  # nothing is overdue: stays open
    services.decide_appeal(
        actor=second_moderator, appeal_id=appeal.pk, outcome="upheld", explanation="."
    )
    third = make_member("hector")
    community_services.join_community(
        actor=third,
        community=decision.community,
        accepted_guide_version=decision.community.guide_version_number,
    )
    governance_services.co_opt_moderator(
        actor=decision.moderator, community=decision.community, member=third
    )

    response = client_for(third).post(
        review_url(appeal), {"outcome": "reversed", "explanation": "Non."}
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    appeal.refresh_from_db()
    assert appeal.outcome == Appeal.Outcome.UPHELD


def test_appeal_decide_lets_a_site_administrator_decide_an_escalated_appeal(
    client_for, decision, author, administrator
):
    appeal = file_appeal(author, decision)  # no other moderator: escalated at once

    response = client_for(administrator).post(
        review_url(appeal), {"outcome": "upheld", "explanation": "La règle 2."}
    )

    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.reviewer == administrator


# The administrators' list


def test_escalated_appeals_lists_them_for_a_site_administrator(
    client_for, decision, author, administrator
):
    appeal = file_appeal(author, decision)

    response = client_for(administrator).get("/moderation/recours-transmis/")

    assert list(response.context["page"]) == [appeal]
    assert review_url(appeal) in response.content.decode()


def test_escalated_appeals_refuses_a_moderator(client_for, decision, moderator):
    response = client_for(moderator).get("/moderation/recours-transmis/")

    assert response.status_code == 403
