"""Every rule of the hats services: who may ask, decide and remove, the
input checks, the log entries, the events and the notifications."""

from datetime import timedelta

import pytest
from django.utils import timezone

from causerie.core.exceptions import DomainError
from causerie.core.testing import make_comment, make_member, make_post
from causerie.hats import services
from causerie.hats.events import HatDecided, HatRequested
from causerie.hats.models import Hat, HatStatus
from causerie.moderation.models import LogAction, ModerationLogEntry
from causerie.notifications.models import Notification
from causerie.publishing import services as publishing_services

# Requests


def test_request_hat_stores_a_waiting_request_and_emits_hat_requested(
    community, asker, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hat = services.request_hat(
            actor=asker,
            community=community,
            organisation="  Épicerie du Marché  ",
            role="Gérante",
            proof_url="https://epicerie.example.org/equipe",
            note_to_moderators="Appelez-moi si besoin.",
        )

    hat.refresh_from_db()
    assert hat.status == HatStatus.REQUESTED
    assert hat.organisation == "Épicerie du Marché"
    assert hat.member == asker
    assert hat.community == community
    assert not ModerationLogEntry.objects.exists()  # a request is never public
    assert [type(event) for event in emitted] == [HatRequested]


def test_request_hat_notifies_the_community_moderators_but_not_the_asker(
    make_request, moderator, second_moderator, asker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hat = make_request()

    notified = Notification.objects.filter(kind=Notification.Kind.HAT_REQUESTED)
    assert set(notified.values_list("recipient_id", flat=True)) == {
        moderator.pk,
        second_moderator.pk,
    }
    notification = notified.first()
    assert notification.subject_url.endswith(f"#casquette-{hat.pk}")
    assert notification.subject_title == hat.label
    assert notification.actor == asker


def test_site_wide_request_notifies_the_site_administrators(
    make_request, moderator, admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_request(scope="site")

    notified = Notification.objects.filter(kind=Notification.Kind.HAT_REQUESTED)
    assert list(notified.values_list("recipient_id", flat=True)) == [admin.pk]
    assert notified.get().community is None


def test_request_hat_refuses_a_member_outside_the_community(community, db):
    stranger = make_member("passant")

    with pytest.raises(DomainError) as refused:
        services.request_hat(
            actor=stranger,
            community=community,
            organisation="Asso",
            role="Membre",
            proof_url="https://example.org",
        )

    assert refused.value.code == "hat_requires_membership"
    assert not Hat.objects.exists()


def test_request_hat_allows_any_member_a_site_wide_request(db):
    stranger = make_member("passant")

    hat = services.request_hat(
        actor=stranger,
        community=None,
        organisation="Wikimédia France",
        role="Bénévole",
        proof_url="http://example.org/benevoles",
    )

    assert hat.is_site_wide
    assert hat.status == HatStatus.REQUESTED


@pytest.mark.parametrize("field", ["organisation", "role", "proof_url"])
def test_request_hat_requires_organisation_role_and_proof(make_request, field):
    with pytest.raises(DomainError) as refused:
        make_request(**{field: "   "})

    assert refused.value.code == "hat_field_required"
    assert refused.value.field == field


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://example.org/file",
        "data:text/html,<b>x</b>",
        "example.org/page",
        "https://exa mple.org",
        "java\tscript:alert(1)",
        "//example.org",
        "https://",
    ],
)
def test_request_hat_refuses_a_proof_that_is_not_an_http_link(make_request, url):
    with pytest.raises(DomainError) as refused:
        make_request(proof_url=url)

    assert refused.value.code == "hat_invalid_proof_link"
    assert refused.value.field == "proof_url"


def test_request_hat_refuses_a_note_over_1000_characters(make_request):
    make_request(organisation="A", note_to_moderators="n" * 1000)

    with pytest.raises(DomainError) as refused:
        make_request(organisation="B", note_to_moderators="n" * 1001)

    assert refused.value.code == "hat_text_too_long"
    assert refused.value.field == "note_to_moderators"


def test_request_hat_refuses_a_nul_character(make_request):
    with pytest.raises(DomainError) as refused:
        make_request(role="Pré\x00sidente")

    assert refused.value.field == "role"


def test_request_hat_refuses_a_second_open_request_for_the_same_organisation(
    make_request,
):
    make_request(organisation="Jardins de l'Ouest")

    with pytest.raises(DomainError) as refused:
        make_request(organisation="JARDINS DE L'OUEST", role="Autre rôle")

    assert refused.value.code == "hat_duplicate"
    assert Hat.objects.count() == 1


def test_request_hat_refuses_a_request_for_a_granted_hat_of_the_same_organisation(
    granted_hat, make_request
):
    with pytest.raises(DomainError) as refused:
        make_request(role="Présidente")

    assert refused.value.code == "hat_duplicate"


def test_request_hat_allows_the_same_organisation_in_another_scope_or_after_refusal(
    hat_request, make_request, moderator
):
    site_wide = make_request(scope="site")
    services.refuse_hat(actor=moderator, hat_id=hat_request.pk, reason="Lien mort.")
    again = make_request(proof_url="https://jardins-ouest.example.org/nouveau")

    assert site_wide.is_site_wide
    assert again.status == HatStatus.REQUESTED


def test_request_hat_refuses_past_the_daily_limit(make_request, settings):
    settings.CAUSERIE_HAT_REQUESTS_PER_DAY = 2
    first = make_request(organisation="Un")
    make_request(organisation="Deux")
    services.withdraw_hat_request(actor=first.member, hat_id=first.pk)

    with pytest.raises(DomainError) as refused:
        make_request(organisation="Trois")

    assert refused.value.code == "hat_request_limit"
    # Yesterday's requests no longer count.
    Hat.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert make_request(organisation="Trois").status == HatStatus.REQUESTED


def test_request_hat_refuses_in_a_suspended_community(community, make_request):
    community.suspended_at = timezone.now()
    community.save()

    with pytest.raises(DomainError) as refused:
        make_request()

    assert refused.value.code == "community_suspended"


# Decisions


def test_grant_hat_logs_a_public_entry_without_the_private_note_and_notifies(
    hat_request, moderator, asker, emitted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hat = services.grant_hat(
            actor=moderator, hat_id=hat_request.pk, reason="Lien vérifié."
        )

    hat.refresh_from_db()
    assert hat.status == HatStatus.GRANTED
    assert hat.decided_by == moderator
    assert hat.decided_at is not None
    entry = ModerationLogEntry.objects.get()
    assert entry.action == LogAction.HAT_GRANTED
    assert entry.community == hat.community
    assert entry.hat == hat
    assert entry.member == asker
    assert "Mon nom" not in entry.explanation + entry.target_title
    assert [type(event) for event in emitted] == [HatDecided]
    notification = Notification.objects.get(kind=Notification.Kind.HAT_DECIDED)
    assert notification.recipient == asker
    assert notification.subject_type == "granted"


def test_grant_hat_requires_a_reason(hat_request, moderator):
    with pytest.raises(DomainError) as refused:
        services.grant_hat(actor=moderator, hat_id=hat_request.pk, reason=" ")

    assert refused.value.code == "hat_reason_required"
    hat_request.refresh_from_db()
    assert hat_request.status == HatStatus.REQUESTED
    assert not ModerationLogEntry.objects.exists()


def test_refuse_hat_requires_a_reason_and_logs_it(hat_request, moderator):
    with pytest.raises(DomainError) as refused:
        services.refuse_hat(actor=moderator, hat_id=hat_request.pk, reason="  ")
    assert refused.value.code == "hat_reason_required"
    hat_request.refresh_from_db()
    assert hat_request.status == HatStatus.REQUESTED

    services.refuse_hat(
        actor=moderator, hat_id=hat_request.pk, reason="La page ne vous nomme pas."
    )

    hat_request.refresh_from_db()
    assert hat_request.status == HatStatus.REFUSED
    entry = ModerationLogEntry.objects.get()
    assert entry.action == LogAction.HAT_REFUSED
    assert entry.explanation == "La page ne vous nomme pas."


def test_grant_hat_refuses_a_member_who_is_not_a_moderator(hat_request, community):
    from causerie.core.testing import join

    member = join(make_member("lambda"), community)

    with pytest.raises(DomainError) as refused:
        services.grant_hat(actor=member, hat_id=hat_request.pk, reason="Lien vérifié.")

    assert refused.value.code == "hat_decision_not_allowed"
    assert not ModerationLogEntry.objects.exists()


def test_grant_hat_refuses_a_moderator_of_another_community(
    hat_request, outsider_moderator
):
    with pytest.raises(DomainError) as refused:
        services.grant_hat(
            actor=outsider_moderator, hat_id=hat_request.pk, reason="Lien vérifié."
        )

    assert refused.value.code == "hat_decision_not_allowed"


def test_grant_hat_refuses_a_moderator_deciding_their_own_request(
    make_request, moderator, second_moderator
):
    own = make_request(actor=moderator)

    with pytest.raises(DomainError) as refused:
        services.grant_hat(actor=moderator, hat_id=own.pk, reason="Lien vérifié.")

    assert refused.value.code == "hat_own_request"
    assert services.grant_hat(
        actor=second_moderator, hat_id=own.pk, reason="Lien vérifié."
    ).is_worn_now


def test_site_wide_hats_are_decided_by_site_administrators_only(
    make_request, moderator, admin
):
    hat = make_request(scope="site")

    with pytest.raises(DomainError) as refused:
        services.grant_hat(actor=moderator, hat_id=hat.pk, reason="Lien vérifié.")
    assert refused.value.code == "hat_decision_not_allowed"

    services.grant_hat(actor=admin, hat_id=hat.pk, reason="Vérifié.")
    entry = ModerationLogEntry.objects.get()
    assert entry.community is None
    assert entry.action == LogAction.HAT_GRANTED


def test_a_site_administrator_does_not_decide_a_community_hat(hat_request, admin):
    with pytest.raises(DomainError) as refused:
        services.grant_hat(actor=admin, hat_id=hat_request.pk, reason="Lien vérifié.")

    assert refused.value.code == "hat_decision_not_allowed"


def test_grant_hat_refuses_a_request_already_decided_or_withdrawn(
    make_request, moderator, second_moderator
):
    decided = make_request(organisation="Un")
    withdrawn = make_request(organisation="Deux")
    services.refuse_hat(actor=moderator, hat_id=decided.pk, reason="Non.")
    services.withdraw_hat_request(actor=withdrawn.member, hat_id=withdrawn.pk)

    for hat in (decided, withdrawn):
        with pytest.raises(DomainError) as refused:
            services.grant_hat(
                actor=second_moderator, hat_id=hat.pk, reason="Lien vérifié."
            )
        assert refused.value.code == "hat_already_decided"
    assert ModerationLogEntry.objects.count() == 1


def test_grant_hat_refuses_an_unknown_hat(moderator):
    with pytest.raises(DomainError) as refused:
        services.grant_hat(actor=moderator, hat_id=999999, reason="Lien vérifié.")

    assert refused.value.code == "hat_not_found"


# Withdrawal


def test_withdraw_hat_request_only_by_its_member(hat_request, moderator):
    with pytest.raises(DomainError) as refused:
        services.withdraw_hat_request(actor=moderator, hat_id=hat_request.pk)
    assert refused.value.code == "not_your_hat"

    services.withdraw_hat_request(actor=hat_request.member, hat_id=hat_request.pk)

    hat_request.refresh_from_db()
    assert hat_request.status == HatStatus.WITHDRAWN
    assert not ModerationLogEntry.objects.exists()


# Removal


def test_remove_hat_by_a_moderator_requires_a_reason_and_logs_it(
    granted_hat, second_moderator, asker, django_capture_on_commit_callbacks
):
    with pytest.raises(DomainError) as refused:
        services.remove_hat(actor=second_moderator, hat_id=granted_hat.pk)
    assert refused.value.code == "hat_reason_required"

    with django_capture_on_commit_callbacks(execute=True):
        services.remove_hat(
            actor=second_moderator,
            hat_id=granted_hat.pk,
            reason="Elle a quitté le bureau.",
        )

    granted_hat.refresh_from_db()
    assert granted_hat.status == HatStatus.REMOVED
    assert granted_hat.removed_by == second_moderator
    entry = ModerationLogEntry.objects.get(action=LogAction.HAT_REMOVED)
    assert entry.explanation == "Elle a quitté le bureau."
    assert Notification.objects.filter(
        kind=Notification.Kind.HAT_DECIDED, recipient=asker, subject_type="removed"
    ).exists()


def test_the_member_takes_off_their_own_hat_without_a_reason_or_notification(
    granted_hat, asker, django_capture_on_commit_callbacks
):
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_hat(actor=asker, hat_id=granted_hat.pk)

    granted_hat.refresh_from_db()
    assert granted_hat.status == HatStatus.REMOVED
    assert ModerationLogEntry.objects.filter(
        action=LogAction.HAT_REMOVED, actor=asker
    ).exists()
    assert not Notification.objects.exists()


def test_remove_hat_refuses_others_and_a_hat_not_worn(
    granted_hat, outsider_moderator, community, moderator
):
    from causerie.core.testing import join

    member = join(make_member("lambda"), community)
    for actor in (member, outsider_moderator):
        with pytest.raises(DomainError) as refused:
            services.remove_hat(actor=actor, hat_id=granted_hat.pk, reason="Non.")
        assert refused.value.code == "hat_removal_not_allowed"

    services.remove_hat(actor=moderator, hat_id=granted_hat.pk, reason="Fin.")
    with pytest.raises(DomainError) as refused:
        services.remove_hat(actor=moderator, hat_id=granted_hat.pk, reason="Encore.")
    assert refused.value.code == "hat_not_granted"


# Wearing


def test_a_granted_hat_can_be_worn_on_a_post_and_a_comment(
    granted_hat, community, asker
):
    post = make_post(community=community, author=asker, hat=granted_hat)
    comment = publishing_services.post_comment(
        actor=asker,
        post=post,
        parent=None,
        body="Au nom de l'association.",
        hat=granted_hat,
    )

    assert post.hat == granted_hat
    assert comment.hat == granted_hat


def test_a_hat_cannot_be_worn_by_someone_else_nor_once_removed(
    granted_hat, community, asker, moderator
):
    with pytest.raises(DomainError) as refused:
        make_post(community=community, author=moderator, hat=granted_hat)
    assert refused.value.code == "hat_not_wearable"

    services.remove_hat(actor=asker, hat_id=granted_hat.pk)
    granted_hat.refresh_from_db()
    with pytest.raises(DomainError) as refused:
        make_post(community=community, author=asker, hat=granted_hat)
    assert refused.value.code == "hat_not_wearable"


def test_a_community_hat_is_not_worn_in_another_community(
    granted_hat, asker, outsider_moderator
):
    from causerie.communities.models import Community

    elsewhere = Community.objects.get(slug="ailleurs")

    with pytest.raises(DomainError) as refused:
        make_post(community=elsewhere, author=asker, hat=granted_hat)

    assert refused.value.code == "hat_not_wearable"


def test_a_site_wide_hat_is_worn_in_any_community(make_request, admin, asker):
    hat = services.grant_hat(
        actor=admin, hat_id=make_request(scope="site").pk, reason="Lien vérifié."
    )
    founder = make_member("fondateur")
    from causerie.core.testing import make_community

    elsewhere = make_community(founder=founder, slug="autre", name="Autre")

    post = make_post(community=elsewhere, author=asker, hat=hat)

    assert post.hat == hat


def test_a_hat_removed_after_use_stays_on_old_items_and_editing_keeps_it(
    granted_hat, community, asker, moderator
):
    post = make_post(community=community, author=asker, hat=granted_hat)
    comment = make_comment(post=post, author=asker)
    publishing_services.edit_comment(
        actor=asker, comment=comment, body="Modifié.", hat=granted_hat
    )
    services.remove_hat(actor=moderator, hat_id=granted_hat.pk, reason="Fin.")

    publishing_services.edit_post(
        actor=asker,
        post=post,
        title=post.title,
        body="Texte modifié.",
        intent=post.intent,
    )
    publishing_services.edit_comment(actor=asker, comment=comment, body="Encore.")

    post.refresh_from_db()
    comment.refresh_from_db()
    assert post.hat_id == granted_hat.pk
    assert comment.hat_id == granted_hat.pk
    assert post.hat.status == HatStatus.REMOVED


def test_check_wearable_is_silent_without_a_hat(community, asker):
    services.check_wearable(actor=asker, community=community, hat=None)


def test_community_services_still_work_with_site_log_entries(
    make_request, admin, community, moderator
):
    """A site-wide entry has no community: the community log ignores it."""
    from causerie.moderation import selectors as moderation_selectors

    services.grant_hat(
        actor=admin, hat_id=make_request(scope="site").pk, reason="Lien vérifié."
    )

    assert list(moderation_selectors.public_log(community=community)) == []
    assert len(moderation_selectors.site_log().object_list) == 1
