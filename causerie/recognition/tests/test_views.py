"""Recognition over HTTP: "Utile" with and without the script, the domain page,
who recognised (author only), accepted answers, who could answer, profiles
next to names, the moderators' indicator, in French and English."""

import re

import pytest
from django.conf import settings as django_settings
from django.test import Client

from causerie.communities.models import Community
from causerie.core.testing import make_comment, make_member
from causerie.moderation import services as moderation_services
from causerie.moderation.models import Reason
from causerie.publishing.models import Post
from causerie.recognition import services
from causerie.recognition.models import AnswerRequest, Recognition
from causerie.recognition.tests.conftest import join
from causerie.standing.models import ContributionProfile


def text(response) -> str:
    return response.content.decode()


def english(client: Client) -> Client:
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def base(post) -> str:
    return post.get_absolute_url()


def test_post_page_offers_useful_to_a_member_on_others_items_only(
    authored_post, authored_comment, reader, author, client_for
):
    page = text(client_for(reader).get(base(authored_post)))

    assert 'id="recognise-form"' in page
    assert f'name="comment" value="{authored_comment.pk}"' in page
    assert page.count(">Utile</button>") == 2  # the billet and the comment
    own_page = text(client_for(author).get(base(authored_post)))
    assert ">Utile</button>" not in own_page


def test_post_page_offers_no_useful_button_to_a_visitor_nor_a_counter(
    authored_post, authored_comment, reader
):
    services.recognise_item(actor=reader, post=authored_post)

    page = text(Client().get(base(authored_post)))

    assert "recognise-form" not in page
    assert "Trouvé utile" not in page


def test_recognise_without_script_redirects_to_the_comment(
    authored_post, authored_comment, reader, client_for
):
    response = client_for(reader).post(
        f"{base(authored_post)}utile/", {"comment": authored_comment.pk}, follow=True
    )

    assert response.redirect_chain[-1][0].endswith(f"#c{authored_comment.pk}")
    assert "Marqué comme utile" in text(response)
    assert Recognition.objects.get().comment == authored_comment
    # The button now withdraws.
    assert "Utile ✓" in text(response)


def test_recognise_with_the_script_answers_in_json(authored_post, reader, client_for):
    response = client_for(reader).post(
        f"{base(authored_post)}utile/", HTTP_X_REQUESTED_WITH="fetch"
    )

    assert response.json() == {"ok": True, "recognised": True}
    assert Recognition.objects.filter(comment__isnull=True).exists()


def test_recognise_twice_is_harmless(authored_post, reader, client_for):
    client = client_for(reader)
    client.post(f"{base(authored_post)}utile/")

    response = client.post(f"{base(authored_post)}utile/")

    assert response.status_code == 302
    assert Recognition.objects.count() == 1


def test_recognise_own_item_is_refused_with_a_translated_page(
    authored_post, author, client_for
):
    response = client_for(author).post(f"{base(authored_post)}utile/")

    assert response.status_code == 403
    assert "Vous ne pouvez pas marquer comme utile" in text(response)
    assert not Recognition.objects.exists()


def test_recognise_by_a_non_member_is_refused_in_json_too(
    authored_post, outsider, client_for
):
    response = client_for(outsider).post(
        f"{base(authored_post)}utile/", HTTP_X_REQUESTED_WITH="fetch"
    )

    assert response.status_code == 403
    assert response.json()["ok"] is False
    assert not Recognition.objects.exists()


def test_recognise_needs_a_login(authored_post):
    response = Client().post(f"{base(authored_post)}utile/")

    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]


def test_recognise_an_unknown_comment_is_a_404(authored_post, reader, client_for):
    for value in ("999999", "abc"):
        response = client_for(reader).post(
            f"{base(authored_post)}utile/", {"comment": value}
        )
        assert response.status_code == 404


def test_withdraw_removes_the_recognition(
    authored_post, authored_comment, reader, client_for
):
    services.recognise_item(actor=reader, post=authored_post, comment=authored_comment)

    response = client_for(reader).post(
        f"{base(authored_post)}utile/retirer/", {"comment": authored_comment.pk}
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#c{authored_comment.pk}")
    assert not Recognition.objects.exists()


def test_domain_page_lists_the_tags_with_the_default_chosen(
    authored_post, reader, client_for
):
    page = text(client_for(reader).get(f"{base(authored_post)}utile/"))

    assert "Dans quel domaine" in page
    assert "Aucun domaine en particulier" in page
    checked = re.search(r'<input[^>]*value="(\d+)"[^>]*checked', page)
    assert checked is not None
    assert int(checked.group(1)) == authored_post.tags.get().pk


def test_domain_page_in_english(authored_post, reader, client_for):
    page = text(english(client_for(reader)).get(f"{base(authored_post)}utile/"))

    assert "In which domain does it show knowledge?" in page
    assert "No particular domain" in page


def test_domain_page_records_the_chosen_domain(
    authored_post, authored_comment, reader, tags, client_for
):
    response = client_for(reader).post(
        f"{base(authored_post)}utile/",
        {"comment": authored_comment.pk, "tag": tags["levures"].pk},
    )

    assert response.status_code == 302
    assert Recognition.objects.get().tag == tags["levures"]


def test_domain_page_records_no_domain_when_chosen(authored_post, reader, client_for):
    client_for(reader).post(f"{base(authored_post)}utile/", {"tag": ""})

    assert Recognition.objects.get().tag is None


def test_domain_page_refuses_an_unknown_tag_with_a_clear_error(
    authored_post, reader, client_for
):
    response = client_for(reader).post(f"{base(authored_post)}utile/", {"tag": "9999"})

    assert response.status_code == 400
    assert "Choisissez le domaine parmi les étiquettes" in text(response)
    assert not Recognition.objects.exists()


def test_domain_page_tells_the_author_they_cannot(authored_post, author, client_for):
    page = text(client_for(author).get(f"{base(authored_post)}utile/"))

    assert "Vous ne pouvez pas marquer comme utile" in page
    assert '<form method="post" class="card">' not in page


def test_author_sees_who_recognised_and_others_do_not(
    authored_post, authored_comment, author, reader, member, client_for, tags
):
    services.recognise_item(
        actor=reader, post=authored_post, comment=authored_comment, tag=tags["levures"]
    )
    join(member, authored_post.community)
    address = (
        f"{base(authored_post)}commentaires/{authored_comment.pk}/reconnaissances/"
    )

    page = text(client_for(author).get(base(authored_post)))
    assert "Trouvé utile par 1 membre" in page
    listing = client_for(author).get(address)
    assert listing.status_code == 200
    assert "Jules" in text(listing)
    assert "levures" in text(listing)
    assert client_for(reader).get(address).status_code == 404
    assert (
        client_for(member).get(f"{base(authored_post)}reconnaissances/").status_code
        == 404
    )
    assert "Trouvé utile" not in text(client_for(member).get(base(authored_post)))


def test_recognisers_page_in_english(authored_post, author, reader, client_for):
    services.recognise_item(actor=reader, post=authored_post)

    page = text(
        english(client_for(author)).get(f"{base(authored_post)}reconnaissances/")
    )

    assert "Who found your post useful" in page
    assert "Only you see this list" in page


def test_contribution_profiles_show_next_to_names_except_new(
    authored_post, authored_comment, author, reader, community
):
    make_comment(post=authored_post, author=reader, body="Merci")
    ContributionProfile.objects.create(
        community=community,
        member=author,
        kind=ContributionProfile.Kind.DISCREET_EXPERT,
    )
    ContributionProfile.objects.create(
        community=community, member=reader, kind=ContributionProfile.Kind.NEWCOMER
    )

    page = text(Client().get(base(authored_post)))

    # Billet header, author card and her comment.
    assert page.count("Expert discret</span>") == 3
    assert "Nouveau</span>" not in page
    english_page = text(english(Client()).get(base(authored_post)))
    assert "Discreet expert</span>" in english_page


# Questions


def test_post_form_has_the_question_checkbox_and_keeps_it(
    community, author, client_for
):
    client = client_for(author)
    address = f"/c/{community.slug}/ecrire/"
    assert "Ce billet pose une question" in text(client.get(address))

    response = client.post(
        address,
        {"title": "Trouble ?", "body": "Pourquoi ?", "intent": "information",
         "is_question": "on"},
    )  # fmt: skip

    post = Post.objects.get(title="Trouble ?")
    assert response.status_code == 302
    assert post.is_question is True
    edit = text(client.get(f"{base(post)}modifier/"))
    assert re.search(r'name="is_question"[^>]*checked', edit)


def test_edit_form_unmarks_a_question(question, author, client_for):
    client_for(author).post(
        f"{base(question)}modifier/",
        {"title": question.title, "body": question.body, "intent": question.intent,
         "tags": [tag.pk for tag in question.tags.all()]},
    )  # fmt: skip

    question.refresh_from_db()
    assert question.is_question is False


def test_asker_accepts_a_top_level_answer_and_it_is_shown_first(
    question, answer, author, reader, member, client_for
):
    reply = make_comment(
        post=question, author=member, body="Et la sèche ?", parent=answer
    )
    client = client_for(author)
    page = text(client.get(base(question)))
    assert f'form="accept-form" name="comment" value="{answer.pk}"' in page
    assert f'value="{reply.pk}" class="link accept-answer"' not in page

    response = client.post(
        f"{base(question)}reponse-acceptee/", {"comment": answer.pk}, follow=True
    )

    page = text(response)
    assert Recognition.objects.get(kind="accepted").author == reader
    assert "Réponse acceptée" in page
    assert page.index("accepted-answer-card") < page.index('<ol class="thread">')
    assert "Question résolue" in page
    assert "Ne plus accepter" in page


def test_others_cannot_accept_and_see_no_accept_button(
    question, answer, reader, member, client_for
):
    join(member, question.community)
    page = text(client_for(member).get(base(question)))
    assert "accept-form" not in page

    response = client_for(member).post(
        f"{base(question)}reponse-acceptee/", {"comment": answer.pk}
    )

    assert response.status_code == 403
    assert "Seul le membre qui a posé la question" in text(response)
    assert not Recognition.objects.exists()


def test_accepting_a_reply_is_refused_with_a_message(
    question, answer, author, member, client_for
):
    reply = make_comment(post=question, author=member, body="+1", parent=answer)

    response = client_for(author).post(
        f"{base(question)}reponse-acceptee/", {"comment": reply.pk}, follow=True
    )

    assert "Seule une réponse directe" in text(response)
    assert not Recognition.objects.exists()


def test_asker_withdraws_the_acceptance(question, answer, author, client_for):
    services.accept_answer(actor=author, post=question, comment=answer)

    client_for(author).post(
        f"{base(question)}reponse-acceptee/retirer/", {"comment": answer.pk}
    )

    assert not Recognition.objects.exists()
    assert Post.objects.get(pk=question.pk).accepted_comment_id is None


def test_accepted_answer_in_english(question, answer, author):
    services.accept_answer(actor=author, post=question, comment=answer)

    page = text(english(Client()).get(base(question)))

    assert "Accepted answer" in page
    assert "Answered question" in page


# Who could answer


@pytest.fixture
def knowers(community, tags, author, member):
    """Members recognised by several others for their comments on yeast, with
    standing computed by the standing app as the background task would."""
    from causerie.core.testing import make_post
    from causerie.standing import services as standing_services

    join(member, community)
    recognisers = [
        join(make_member(f"lecteur{index}"), community) for index in range(3)
    ]
    earlier = make_post(
        community=community,
        author=member,
        title="Levure trouble et collage",
        body="Ma levure reste en suspension, la bière est trouble.",
        tags=[tags["levures"]],
    )
    members = [join(make_member(f"expert{index}"), community) for index in range(3)]
    for knower in members:
        comment = make_comment(
            post=earlier, author=knower, body="Un collage à froid éclaircit la bière."
        )
        for recogniser in [*recognisers[: 1 + members.index(knower)], member]:
            services.recognise_item(
                actor=recogniser, post=earlier, comment=comment, tag=tags["levures"]
            )
    standing_services.recompute_community(community=community)
    return members


def test_who_could_answer_lets_the_asker_ask_them(
    question, author, knowers, client_for
):
    client = client_for(author)
    page = text(client.get(base(question)))
    assert "Qui pourrait répondre" in page
    for knower in knowers:
        assert f'name="members" value="{knower.pk}"' in page

    response = client.post(
        f"{base(question)}demander-reponses/",
        {"members": [knowers[0].pk, knowers[1].pk]},
        follow=True,
    )

    assert "Votre question a été envoyée à 2 membres" in text(response)
    assert set(AnswerRequest.objects.values_list("member_id", flat=True)) == {
        knowers[0].pk,
        knowers[1].pk,
    }
    assert 'name="members"' not in text(response)  # once per question


def test_who_could_answer_is_a_list_without_form_for_other_readers(
    question, reader, knowers, client_for
):
    page = text(client_for(reader).get(base(question)))

    assert "Qui pourrait répondre" in page
    assert 'name="members"' not in page
    assert (
        client_for(reader)
        .post(f"{base(question)}demander-reponses/", {"members": [knowers[0].pk]})
        .status_code
        == 403
    )


def test_request_answers_with_bad_input_gives_a_clear_message(
    question, author, knowers, client_for
):
    client = client_for(author)
    for data, message in (
        ({}, "Choisissez au moins un membre"),
        ({"members": ["x"]}, "Choisissez parmi les membres proposés"),
    ):
        response = client.post(f"{base(question)}demander-reponses/", data, follow=True)
        assert message in text(response)
    assert not AnswerRequest.objects.exists()


def test_who_could_answer_in_english(question, author, knowers, client_for):
    page = text(english(client_for(author)).get(base(question)))

    assert "Who could answer" in page
    assert "Ask them to answer" in page


def test_who_could_answer_is_not_shown_on_an_answered_question(
    question, answer, author, knowers
):
    services.accept_answer(actor=author, post=question, comment=answer)

    assert "who-could-answer" not in text(Client().get(base(question)))


# Moderators' indicator


def test_review_queue_shows_loud_little_recognised_to_moderators(
    authored_post, author, reader, member, community, client_for, settings
):
    settings.CAUSERIE_FLAGS_PER_DAY = {0: 0, 1: 100, 2: 100}
    moderation_services.flag_item(actor=reader, post=authored_post, reason=Reason.SPAM)
    ContributionProfile.objects.create(
        community=community, member=author, loud_little_recognised=True
    )
    address = f"/c/{community.slug}/moderation/"

    page = text(client_for(member).get(address))

    assert "Bruyant, peu reconnu" in page
    assert "jamais une sanction" in page
    assert "Bruyant, peu reconnu" not in text(
        client_for(author).get(base(authored_post))
    )
    assert "Loud, little recognised" in text(english(client_for(member)).get(address))


def test_suspended_community_offers_no_useful_button(
    authored_post, reader, community, client_for
):
    Community.objects.filter(pk=community.pk).update(
        suspended_at=authored_post.published_at
    )

    assert "recognise-form" not in text(client_for(reader).get(base(authored_post)))
