"""Hat pages over HTTP: asking, the member's page, the queues, deciding,
removing, the badge beside names, the public logs and their feeds, and the
query counts of the pages that list hats."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from causerie.core.testing import join, make_comment, make_member, make_post
from causerie.hats import services
from causerie.hats.models import Hat, HatStatus
from causerie.moderation.models import LogAction, ModerationLogEntry
from causerie.publishing import services as publishing_services

NOTE = "Mon nom est en bas de la page."


def count_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, address
    return len(queries)


# Asking


def test_request_form_preselects_the_community_and_sends_the_request(
    community, asker, client_for
):
    client = client_for(asker)
    address = reverse("hats:request") + f"?communaute={community.slug}"

    page = client.get(address).content.decode()
    response = client.post(
        reverse("hats:request"),
        {
            "scope": community.slug,
            "organisation": "Épicerie du Marché",
            "role": "Gérante",
            "proof_url": "https://epicerie.example.org/equipe",
            "note_to_moderators": NOTE,
        },
    )

    assert f'<option value="{community.slug}" selected>' in page
    assert response.status_code == 302
    assert response["Location"] == reverse("hats:mine")
    hat = Hat.objects.get()
    assert hat.community == community
    assert hat.status == HatStatus.REQUESTED


def test_request_form_shows_the_refusal_next_to_the_field_and_keeps_the_input(
    community, asker, client_for
):
    response = client_for(asker).post(
        reverse("hats:request"),
        {
            "scope": community.slug,
            "organisation": "Asso <b>gras</b>",
            "role": "Membre",
            "proof_url": "javascript:alert(1)",
        },
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "errorlist" in html
    assert 'value="Asso &lt;b&gt;gras&lt;/b&gt;"' in html
    assert not Hat.objects.exists()


def test_request_form_refuses_a_community_the_member_did_not_join(
    community, client_for, db
):
    stranger = make_member("passant")

    response = client_for(stranger).post(
        reverse("hats:request"),
        {
            "scope": community.slug,
            "organisation": "Asso",
            "role": "Membre",
            "proof_url": "https://example.org",
        },
    )

    assert response.status_code == 400
    assert not Hat.objects.exists()


def test_request_form_needs_login(db):
    response = Client().get(reverse("hats:request"))

    assert response.status_code == 302
    assert "/compte/" in response["Location"]


# The member's page


def test_my_hats_lists_statuses_with_withdraw_and_take_off_actions(
    make_request, moderator, asker, client_for
):
    waiting = make_request(organisation="Un")
    worn = services.grant_hat(
        actor=moderator,
        hat_id=make_request(organisation="Deux").pk,
        reason="Lien vérifié.",
    )
    client = client_for(asker)

    html = client.get(reverse("hats:mine")).content.decode()
    assert reverse("hats:withdraw", args=[waiting.pk]) in html
    assert reverse("hats:remove", args=[worn.pk]) in html

    client.post(reverse("hats:withdraw", args=[waiting.pk]))
    client.post(reverse("hats:remove", args=[worn.pk]), {"reason": ""})

    waiting.refresh_from_db()
    worn.refresh_from_db()
    assert waiting.status == HatStatus.WITHDRAWN
    assert worn.status == HatStatus.REMOVED


def test_withdraw_refuses_someone_else(hat_request, moderator, client_for):
    response = client_for(moderator).post(
        reverse("hats:withdraw", args=[hat_request.pk])
    )

    assert response.status_code == 403
    hat_request.refresh_from_db()
    assert hat_request.status == HatStatus.REQUESTED


# Queues and decisions


def test_hat_queue_shows_the_private_note_proof_and_profile_to_moderators(
    hat_request, moderator, client_for, community
):
    html = (
        client_for(moderator)
        .get(reverse("hats:queue", args=[community.slug]))
        .content.decode()
    )

    assert NOTE in html
    assert hat_request.proof_url in html
    assert hat_request.member.get_absolute_url() in html
    assert reverse("hats:decide", args=[hat_request.pk]) in html


@pytest.mark.parametrize(
    ("who", "status"),
    [("asker", 403), ("outsider_moderator", 403), ("anonymous", 302)],
)
def test_hat_queue_is_for_the_community_moderators_only(
    hat_request, community, client_for, who, status, request
):
    client = (
        Client() if who == "anonymous" else client_for(request.getfixturevalue(who))
    )

    response = client.get(reverse("hats:queue", args=[community.slug]))

    assert response.status_code == status
    assert NOTE not in response.content.decode()


def test_site_hat_queue_is_for_site_administrators(
    make_request, admin, moderator, client_for
):
    hat = make_request(scope="site")

    assert client_for(moderator).get(reverse("hats:site-queue")).status_code == 403
    html = client_for(admin).get(reverse("hats:site-queue")).content.decode()
    assert hat.organisation.replace("'", "&#x27;") in html


def test_grant_from_the_queue_publishes_the_log_entry_read_logged_out(
    hat_request, moderator, client_for, community
):
    response = client_for(moderator).post(
        reverse("hats:decide", args=[hat_request.pk]),
        {"decision": "grant", "reason": "Page vérifiée."},
    )

    assert response.status_code == 302
    hat_request.refresh_from_db()
    assert hat_request.status == HatStatus.GRANTED
    log = Client().get(reverse("moderation:log", args=[community.slug]))
    html = log.content.decode()
    assert "Trésorière" in html
    assert "@ines" in html
    assert hat_request.proof_url in html
    assert "Page vérifiée." in html
    assert NOTE not in html
    feed = Client().get(reverse("moderation:log-feed", args=[community.slug]))
    assert "Trésorière" in feed.content.decode()
    assert NOTE not in feed.content.decode()


def test_refuse_without_a_reason_shows_the_error_and_decides_nothing(
    hat_request, moderator, client_for
):
    response = client_for(moderator).post(
        reverse("hats:decide", args=[hat_request.pk]),
        {"decision": "refuse", "reason": ""},
    )

    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    hat_request.refresh_from_db()
    assert hat_request.status == HatStatus.REQUESTED


def test_deciding_twice_says_it_was_already_decided(
    hat_request, moderator, second_moderator, client_for
):
    client_for(moderator).post(
        reverse("hats:decide", args=[hat_request.pk]),
        {"decision": "grant", "reason": "Page vérifiée."},
    )

    response = client_for(second_moderator).post(
        reverse("hats:decide", args=[hat_request.pk]),
        {"decision": "refuse", "reason": "Non."},
    )

    assert response.status_code == 400
    assert "already decided" in response.content.decode() or "déjà" in (
        response.content.decode()
    )
    hat_request.refresh_from_db()
    assert hat_request.status == HatStatus.GRANTED


def test_decide_page_is_refused_to_a_member(hat_request, asker, client_for):
    response = client_for(asker).post(
        reverse("hats:decide", args=[hat_request.pk]),
        {"decision": "grant", "reason": "Page vérifiée."},
    )

    assert response.status_code == 403


def test_site_wide_grant_appears_in_the_site_log_and_its_feed_logged_out(
    make_request, admin, client_for
):
    hat = make_request(scope="site")
    client_for(admin).post(
        reverse("hats:decide", args=[hat.pk]),
        {"decision": "grant", "reason": "Page vérifiée."},
    )

    html = Client().get(reverse("moderation:site-log")).content.decode()
    feed = Client().get(reverse("moderation:site-log-feed"))

    assert "Trésorière" in html
    assert NOTE not in html
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Trésorière" in feed.content.decode()


def test_moderator_removes_a_hat_with_a_reason(
    granted_hat, second_moderator, client_for, community
):
    client = client_for(second_moderator)
    refused = client.post(reverse("hats:remove", args=[granted_hat.pk]), {"reason": ""})
    done = client.post(
        reverse("hats:remove", args=[granted_hat.pk]), {"reason": "A quitté le bureau."}
    )

    assert refused.status_code == 400
    assert done.status_code == 302
    assert ModerationLogEntry.objects.filter(action=LogAction.HAT_REMOVED).exists()


# Wearing


def test_post_and_comments_show_the_hat_beside_the_name_and_removed_later(
    granted_hat, community, asker, moderator
):
    post = make_post(community=community, author=asker, hat=granted_hat)
    publishing_services.post_comment(
        actor=asker, post=post, parent=None, body="Pour l'asso.", hat=granted_hat
    )

    html = Client().get(post.get_absolute_url()).content.decode()
    assert html.count('class="hat"') == 2
    assert "Trésorière · Association des Jardins de l&#x27;Ouest" in html
    assert f"#casquette-{granted_hat.pk}" in html

    services.remove_hat(actor=moderator, hat_id=granted_hat.pk, reason="Fin.")
    html = Client().get(post.get_absolute_url()).content.decode()
    assert html.count('class="hat hat-removed"') == 2
    assert "(casquette retirée)" in html or "(hat removed)" in html


def test_post_form_offers_the_hat_and_publishes_it(
    granted_hat, community, asker, client_for
):
    client = client_for(asker)
    form = client.get(reverse("publishing:post-create", args=[community.slug]))
    assert 'name="hat"' in form.content.decode()

    response = client.post(
        reverse("publishing:post-create", args=[community.slug]),
        {
            "title": "Fête des jardins",
            "body": "Venez nombreux.",
            "intent": "information",
            "hat": granted_hat.pk,
        },
    )

    assert response.status_code == 302
    from causerie.publishing.models import Post

    assert Post.objects.get(title="Fête des jardins").hat == granted_hat


def test_editing_an_item_whose_hat_was_removed_keeps_the_hat(
    granted_hat, community, asker, moderator, client_for
):
    post = make_post(community=community, author=asker, hat=granted_hat)
    comment = make_comment(post=post, author=asker)
    publishing_services.edit_comment(
        actor=asker, comment=comment, body="Avec casquette.", hat=granted_hat
    )
    services.remove_hat(actor=moderator, hat_id=granted_hat.pk, reason="Fin.")
    client = client_for(asker)
    post_edit = reverse("publishing:post-edit", args=[community.slug, post.pk])
    comment_edit = reverse(
        "publishing:comment-edit", args=[community.slug, post.pk, comment.pk]
    )

    page = client.get(post_edit).content.decode()
    assert f'<option value="{granted_hat.pk}" selected>' in page
    client.post(
        post_edit,
        {
            "title": post.title,
            "body": "Texte modifié.",
            "intent": post.intent,
            "hat": granted_hat.pk,
        },
    )
    client.post(comment_edit, {"body": "Modifié encore.", "hat": granted_hat.pk})

    post.refresh_from_db()
    comment.refresh_from_db()
    assert post.body == "Texte modifié."
    assert post.hat_id == granted_hat.pk
    assert comment.body == "Modifié encore."
    assert comment.hat_id == granted_hat.pk


def test_editing_can_take_a_removed_hat_off(
    granted_hat, community, asker, moderator, client_for
):
    post = make_post(community=community, author=asker, hat=granted_hat)
    services.remove_hat(actor=moderator, hat_id=granted_hat.pk, reason="Fin.")

    client_for(asker).post(
        reverse("publishing:post-edit", args=[community.slug, post.pk]),
        {"title": post.title, "body": post.body, "intent": post.intent, "hat": ""},
    )

    post.refresh_from_db()
    assert post.hat_id is None


# Profiles


def test_profile_lists_hats_with_history_and_hides_pending_ones_from_the_public(
    make_request, moderator, asker, client_for
):
    granted = services.grant_hat(
        actor=moderator,
        hat_id=make_request(organisation="Un").pk,
        reason="Lien vérifié.",
    )
    services.remove_hat(actor=moderator, hat_id=granted.pk, reason="Parti du bureau.")
    refused = make_request(organisation="Deux")
    services.refuse_hat(actor=moderator, hat_id=refused.pk, reason="Lien mort.")
    make_request(organisation="Trois en attente")
    address = asker.get_absolute_url()

    public = Client().get(address).content.decode()
    own = client_for(asker).get(address).content.decode()
    moderators = client_for(moderator).get(address).content.decode()

    assert "Parti du bureau." in public
    assert 'id="casquette-' in public
    assert "Lien mort." not in public
    assert "Trois en attente" not in public
    for html in (own, moderators):
        assert "Lien mort." in html
        assert "Trois en attente" in html
    assert NOTE not in public + own + moderators


# Query counts


def _requests(community, number, prefix):
    hats = []
    for index in range(number):
        member = join(make_member(f"{prefix}{index:03d}"), community)
        hats.append(
            services.request_hat(
                actor=member,
                community=community,
                organisation=f"Organisation {index}",
                role="Rôle",
                proof_url="https://example.org",
            )
        )
    return hats


def test_hat_queue_query_count_is_the_same_with_2_and_25_requests(
    community, moderator, client_for
):
    client = client_for(moderator)
    address = reverse("hats:queue", args=[community.slug])
    hats = _requests(community, 2, "a")
    for hat in hats[:1]:
        services.grant_hat(actor=moderator, hat_id=hat.pk, reason="Lien vérifié.")
    few = count_queries(client, address)
    for hat in _requests(community, 25, "b")[:10]:
        services.grant_hat(actor=moderator, hat_id=hat.pk, reason="Lien vérifié.")
    many = count_queries(client, address)

    assert few == many


def test_profile_and_log_query_counts_do_not_grow_with_hats(
    community, moderator, asker, client_for
):
    def grant(index):
        hat = services.request_hat(
            actor=asker,
            community=community,
            organisation=f"Organisation {index}",
            role="Rôle",
            proof_url="https://example.org",
        )
        services.grant_hat(actor=moderator, hat_id=hat.pk, reason="Lien vérifié.")

    from django.test import override_settings

    with override_settings(CAUSERIE_HAT_REQUESTS_PER_DAY=100):
        grant(0)
        grant(1)
        log = reverse("moderation:log", args=[community.slug])
        profile = asker.get_absolute_url()
        viewer = client_for(moderator)
        few = (count_queries(viewer, profile), count_queries(Client(), log))
        for index in range(2, 22):
            grant(index)
        many = (count_queries(viewer, profile), count_queries(Client(), log))

    assert few == many


def test_billet_page_with_hats_costs_the_same_with_2_and_40_comments_wearing_them(
    granted_hat, community, asker, client_for
):
    post = make_post(community=community, author=asker, hat=granted_hat)

    def comment(number):
        for _ in range(number):
            publishing_services.post_comment(
                actor=asker, post=post, parent=None, body="Oui.", hat=granted_hat
            )

    comment(2)
    client = client_for(asker)
    client.get(post.get_absolute_url())  # the first visit records the reading
    few = count_queries(client, post.get_absolute_url())
    comment(38)
    many = count_queries(client, post.get_absolute_url())

    assert few == many


# Notifications


def test_notifications_say_who_asks_and_what_was_decided(
    community, asker, moderator, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hat = services.request_hat(
            actor=asker,
            community=community,
            organisation="Épicerie <b>du</b> Marché",
            role="Gérante",
            proof_url="https://example.org",
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.refuse_hat(actor=moderator, hat_id=hat.pk, reason="Lien mort.")

    to_moderator = client_for(moderator).get(reverse("notifications:list"))
    to_member = client_for(asker).get(reverse("notifications:list"))

    html = to_moderator.content.decode()
    assert "demande la casquette « Gérante · Épicerie &lt;b&gt;du&lt;/b&gt;" in html
    assert community.name in html
    assert "est refusée" in to_member.content.decode()


def test_listings_show_the_hat_beside_the_author_at_no_query_per_billet(
    community, moderator, asker
):
    from django.test import override_settings

    def publish_wearing(count, start):
        for index in range(start, start + count):
            hat = services.request_hat(
                actor=asker,
                community=community,
                organisation=f"Organisation {index}",
                role="Rôle",
                proof_url="https://example.org",
            )
            hat = services.grant_hat(
                actor=moderator, hat_id=hat.pk, reason="Lien vérifié."
            )
            make_post(community=community, author=asker, title=f"B{index}", hat=hat)

    with override_settings(CAUSERIE_HAT_REQUESTS_PER_DAY=100):
        publish_wearing(2, 0)
        pages = [community.get_absolute_url(), "/", asker.get_absolute_url()]
        few = [count_queries(Client(), page) for page in pages]
        publish_wearing(10, 2)
        many = [count_queries(Client(), page) for page in pages]

    html = Client().get(community.get_absolute_url()).content.decode()
    assert few == many
    assert html.count('<span class="hat">') == 12
    assert "Rôle · Organisation 11" in html


def test_site_wide_pages_query_counts_do_not_grow_with_hats(asker, admin, client_for):
    """The site administrators' queue, the site's public log and the
    member's own hats page."""
    from django.test import override_settings

    def ask_and_decide(start, count):
        for index in range(start, start + count):
            granted = services.request_hat(
                actor=asker,
                community=None,
                organisation=f"Projet {index}",
                role="Mainteneuse",
                proof_url="https://example.org",
            )
            services.grant_hat(actor=admin, hat_id=granted.pk, reason="Vérifié.")
            services.request_hat(
                actor=asker,
                community=None,
                organisation=f"Autre {index}",
                role="Mainteneuse",
                proof_url="https://example.org",
            )

    pages = [
        (client_for(admin), reverse("hats:site-queue")),
        (Client(), reverse("moderation:site-log")),
        (client_for(asker), reverse("hats:mine")),
    ]
    with override_settings(CAUSERIE_HAT_REQUESTS_PER_DAY=100):
        ask_and_decide(0, 2)
        few = [count_queries(client, page) for client, page in pages]
        ask_and_decide(2, 12)
        many = [count_queries(client, page) for client, page in pages]

    assert few == many
