"""The decision page: moderators only, a form that cites a rule or a reason,
errors next to their field, and an item decided once even by two moderators."""

import re
from html import unescape

import pytest
from django.urls import reverse

from causerie.core.testing import make_member
from causerie.governance import services as governance_services
from causerie.moderation import services
from causerie.moderation.models import (
    Action,
    Flag,
    FlaggedItem,
    ModerationDecision,
    ModerationLogEntry,
    Reason,
    Sanction,
)
from causerie.moderation.tests.conftest import join
from causerie.publishing.models import Comment, CommentRevision, ModerationState


def decide_url(community, item=None):
    item = item or FlaggedItem.objects.get()
    return reverse(
        "moderation:decide", kwargs={"slug": community.slug, "item_id": item.pk}
    )


def text(response) -> str:
    return unescape(response.content.decode())


def field_errors(html: str, field: str) -> str:
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html)
    return match.group(1) if match else ""


@pytest.fixture
def moderator_client(client_for, moderator):
    return client_for(moderator)


def test_decide_page_shows_the_item_flags_and_a_form_prefilled_with_the_text(
    pending_comment, community, moderator_client, rules
):
    html = text(moderator_client.get(decide_url(community)))

    assert "<em>contesté</em>" in html
    assert f"Règle 2 — {rules[1].title}" in html
    assert re.search(r'name="action" value="keep"', html)
    assert re.search(r'name="action" value="ban"', html)
    assert "Un commentaire *contesté*." in html  # the edited text starts as the text
    # The heaviest flag's rule is chosen to start with.
    assert re.search(rf'value="rule:{rules[1].pk}"[^>]*checked', html)


def test_decide_page_hides_the_item_and_redirects_to_the_queue(
    pending_comment, community, moderator_client, moderator, rules
):
    response = moderator_client.post(
        decide_url(community),
        {
            "action": Action.HIDE,
            "cause": f"rule:{rules[1].pk}",
            "explanation": "Attaque personnelle.",
        },
        follow=True,
    )

    decision = ModerationDecision.objects.get()
    assert (decision.action, decision.rule, decision.moderator) == (
        Action.HIDE,
        rules[1],
        moderator,
    )
    assert decision.explanation == "Attaque personnelle."
    assert response.redirect_chain[-1][0] == reverse(
        "moderation:queue", kwargs={"slug": community.slug}
    )
    assert ModerationLogEntry.objects.filter(decision=decision).exists()
    comment = Comment.objects.get(pk=pending_comment.pk)
    assert comment.moderation_state == ModerationState.HIDDEN


def test_decide_page_edits_the_text_as_a_revision_by_the_moderator(
    pending_comment, community, moderator_client, moderator
):
    moderator_client.post(
        decide_url(community),
        {
            "action": Action.EDIT,
            "cause": f"reason:{Reason.HARASSMENT}",
            "edited_body": "Texte adouci.",
        },
    )

    revision = CommentRevision.objects.filter(comment=pending_comment).latest("number")
    assert (revision.editor, revision.body) == (moderator, "Texte adouci.")


def test_decide_page_suspends_for_the_days_given(
    pending_comment, community, moderator_client, author
):
    moderator_client.post(
        decide_url(community),
        {
            "action": Action.SUSPEND,
            "cause": f"reason:{Reason.HARASSMENT}",
            "suspension_days": "3",
        },
    )

    sanction = Sanction.objects.get()
    assert (sanction.member, sanction.kind) == (author, Sanction.Kind.SUSPENSION)


def test_decide_page_requires_a_cause_and_keeps_the_input(
    pending_comment, community, moderator_client
):
    response = moderator_client.post(
        decide_url(community),
        {"action": Action.HIDE, "explanation": "Sans règle"},
    )

    html = text(response)
    assert response.status_code == 400
    assert field_errors(html, "cause")
    assert "Sans règle" in html
    assert re.search(r'value="hide"[^>]*checked', html)
    assert not ModerationDecision.objects.exists()


def test_decide_page_shows_the_duration_error_next_to_the_field(
    pending_comment, community, moderator_client
):
    response = moderator_client.post(
        decide_url(community),
        {"action": Action.SUSPEND, "cause": f"reason:{Reason.SPAM}"},
    )

    assert response.status_code == 400
    assert field_errors(text(response), "suspension_days")
    assert not Sanction.objects.exists()


def test_decide_page_says_another_moderator_decided_and_applies_nothing_twice(
    pending_comment, community, moderator, moderator_client, client_for, rules
):
    second = join(make_member("seconde"), community)
    governance_services.co_opt_moderator(
        actor=moderator, community=community, member=second
    )
    address = decide_url(community)
    second_client = client_for(second)
    second_client.get(address)  # both have the page open
    services.decide_item(
        actor=moderator,
        flagged_item_id=FlaggedItem.objects.get().pk,
        action=Action.KEEP,
        reason=Reason.SPAM,
    )

    response = second_client.post(
        address, {"action": Action.DELETE, "cause": f"rule:{rules[0].pk}"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse(
        "moderation:queue", kwargs={"slug": community.slug}
    )
    assert "Un autre modérateur vient de" in text(response)
    assert ModerationDecision.objects.count() == 1
    comment = Comment.objects.get(pk=pending_comment.pk)
    assert comment.moderation_state == ModerationState.VISIBLE


def test_decide_page_is_forbidden_to_a_member_and_changes_nothing(
    pending_comment, community, client_for, rules
):
    member = join(make_member("simple"), community)

    client = client_for(member)
    page = client.get(decide_url(community))
    refused = client.post(
        decide_url(community), {"action": Action.KEEP, "cause": f"rule:{rules[0].pk}"}
    )

    assert (page.status_code, refused.status_code) == (403, 403)
    assert not ModerationDecision.objects.exists()
    assert set(Flag.objects.values_list("status", flat=True)) == {"open"}


def test_decide_page_is_forbidden_to_a_moderator_of_another_community(
    pending_comment, community, other_community, client_for, rules
):
    client = client_for(other_community.founder)

    refused = client.post(
        decide_url(community), {"action": Action.KEEP, "cause": f"rule:{rules[0].pk}"}
    )

    assert refused.status_code == 403
    assert not ModerationDecision.objects.exists()
    comment = Comment.objects.get(pk=pending_comment.pk)
    assert comment.moderation_state == ModerationState.PENDING


def test_decide_page_returns_not_found_for_an_item_of_another_community(
    pending_comment, other_community, client_for
):
    client = client_for(other_community.founder)

    response = client.get(decide_url(other_community, FlaggedItem.objects.get()))

    assert response.status_code == 404
