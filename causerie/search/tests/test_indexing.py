"""The index follows the billets and comments: publishing, editing, deleting,
moderation and its appeals, run through the services and their real handlers."""

from io import StringIO

from django.core.management import call_command

from causerie.communities import services as community_services
from causerie.core.testing import join, make_member
from causerie.governance import services as governance_services
from causerie.moderation import services as moderation_services
from causerie.moderation.models import FlaggedItem
from causerie.publishing import services as publishing_services
from causerie.publishing.events import CommentDeleted, PostDeleted, PostEdited
from causerie.search import handlers
from causerie.search.models import SearchDocument


def flag_until_pending(community, item_kwargs):
    """Three members of trust level 1 flag the item: hidden pending review."""
    rule = community.guide_versions.get().rules.get(number=1)
    for handle in ("albane", "basile", "cyrille"):
        flagger = join(make_member(handle), community)
        moderation_services.flag_item(actor=flagger, rule_id=rule.pk, **item_kwargs)
    return rule


def test_publish_post_makes_the_billet_searchable(publish, titles):
    publish(title="Houblon", body="Le houblon grimpe sur la pergola.")

    assert titles("pergola") == ["Houblon"]


def test_edit_post_replaces_the_old_words_with_the_new_ones(
    publish, committed, member, titles
):
    post = publish(title="Recette", body="Une ambrée au miel.")

    committed(
        publishing_services.edit_post,
        actor=member,
        post=post,
        title="Recette",
        body="Une blonde au gingembre.",
        intent=post.intent,
    )

    assert titles("gingembre") == ["Recette"]
    assert titles("miel") == []


def test_edit_post_updates_the_title_in_the_index(publish, committed, member, titles):
    post = publish(title="Brouillon", body="Texte.")

    committed(
        publishing_services.edit_post,
        actor=member,
        post=post,
        title="Saison des cerises",
        body="Texte.",
        intent=post.intent,
    )

    assert titles("cerises") == ["Saison des cerises"]
    assert titles("brouillon") == []


def test_edit_comment_replaces_the_old_words_with_the_new_ones(
    publish, reply, committed, other_member, titles
):
    post = publish(title="Billet", body="Texte.")
    comment = reply(post, body="Je propose samedi.")

    committed(
        publishing_services.edit_comment,
        actor=other_member,
        comment=comment,
        body="Je propose dimanche.",
    )

    assert titles("dimanche") == ["Billet"]
    assert titles("samedi") == []


def test_delete_post_takes_the_billet_and_its_comments_out_of_results(
    publish, reply, committed, member, titles, emitted
):
    post = publish(title="Cidre", body="Du cidre fermier.")
    reply(post, body="Quel cidre !")

    committed(publishing_services.delete_post, actor=member, post=post)

    assert titles("cidre") == []
    assert PostDeleted(post_id=post.pk) in emitted
    assert not SearchDocument.objects.get(post=post).is_public


def test_delete_comment_takes_the_comment_out_of_results(
    publish, reply, committed, other_member, titles, emitted
):
    post = publish(title="Billet", body="Texte.")
    comment = reply(post, body="Une remarque sur les pommes.")

    committed(publishing_services.delete_comment, actor=other_member, comment=comment)

    assert titles("pommes") == []
    assert CommentDeleted(comment_id=comment.pk) in emitted


def test_flags_hiding_a_billet_pending_review_take_it_out_of_results(
    publish, committed, community, other_member, titles
):
    post = publish(title="Contesté", body="Un texte discuté.", author=other_member)

    committed(flag_until_pending, community=community, item_kwargs={"post": post})

    assert titles("discuté") == []
    assert not SearchDocument.objects.get(post=post).is_public


def test_hiding_by_moderation_removes_an_item_and_a_reversed_appeal_restores_it(
    publish, reply, committed, community, member, other_member, titles
):
    post = publish(title="Billet", body="Texte.")
    comment = reply(post, body="Une blague sur les pigeons.")
    rule = committed(
        flag_until_pending, community=community, item_kwargs={"comment": comment}
    )
    decision = committed(
        moderation_services.decide_item,
        actor=member,
        flagged_item_id=FlaggedItem.objects.get(comment=comment).pk,
        action="hide",
        rule_id=rule.pk,
        explanation="Moquerie.",
    )
    assert titles("pigeons") == []

    colleague = join(make_member("gaspard"), community)
    governance_services.co_opt_moderator(
        actor=member, community=community, member=colleague
    )
    appeal = committed(
        moderation_services.appeal_decision,
        actor=other_member,
        decision_id=decision.pk,
        text="C'était de l'humour.",
    )
    committed(
        moderation_services.decide_appeal,
        actor=colleague,
        appeal_id=appeal.pk,
        outcome="reversed",
        explanation="C'était de l'humour.",
    )

    assert titles("pigeons") == ["Billet"]


def test_a_hidden_billet_takes_its_comments_out_of_results_until_restored(
    publish, reply, committed, community, member, other_member, titles
):
    post = publish(title="Billet", body="Texte.", author=other_member)
    reply(post, body="Les mésanges nichent.", author=member)

    committed(flag_until_pending, community=community, item_kwargs={"post": post})
    assert titles("mésanges") == []

    committed(
        moderation_services.decide_item,
        actor=member,
        flagged_item_id=FlaggedItem.objects.get(post=post).pk,
        action="keep",
        reason="other",
        explanation="Rien à redire.",
    )
    assert titles("mésanges") == ["Billet"]


def test_a_hidden_item_is_not_shown_even_before_its_index_task_runs(
    publish, community, other_member, titles
):
    """The flags below run without their after-commit handlers: the index
    still says public, the billet's live state does not."""
    post = publish(title="Contesté", body="Un texte discuté.", author=other_member)

    flag_until_pending(community, {"post": post})

    assert SearchDocument.objects.get(post=post).is_public
    assert titles("discuté") == []


def test_suspending_a_community_hides_its_items_and_lifting_it_shows_them(
    publish, community, titles
):
    publish(title="Vendanges", body="Les vendanges commencent.")
    admin = make_member("admin", is_superuser=True, is_staff=True)

    community_services.suspend_community(actor=admin, community=community, notice="")
    assert titles("vendanges") == []

    community_services.lift_suspension(actor=admin, community=community)
    assert titles("vendanges") == ["Vendanges"]


def test_index_handler_run_late_writes_the_current_state(
    publish, committed, member, titles
):
    post = publish(title="Recette", body="Une ambrée au miel.")
    committed(
        publishing_services.edit_post,
        actor=member,
        post=post,
        title="Recette",
        body="Une blonde au gingembre.",
        intent=post.intent,
    )

    # The task of the first publication, or a repeated one, arrives last.
    handlers.index_post(PostEdited(post_id=post.pk))
    handlers.index_post(PostEdited(post_id=post.pk))

    assert titles("gingembre") == ["Recette"]
    assert titles("miel") == []
    assert SearchDocument.objects.filter(post=post).count() == 1


def test_rebuild_search_index_indexes_everything_and_reports_progress(
    publish, reply, member, titles
):
    post = publish(title="Potager", body="Des courges partout.")
    reply(post, body="Et des poireaux.")
    SearchDocument.objects.all().delete()  # as after an upgrade
    assert titles("courges") == []

    output = _call("rebuild_search_index", "--batch-size", "1")

    assert titles("courges") == ["Potager"]
    assert titles("poireaux") == ["Potager"]
    assert "100 %" in output
    assert SearchDocument.objects.filter(member=member).exists()


def test_rebuild_search_index_missing_indexes_only_what_has_no_document(
    publish, titles
):
    kept = publish(title="Potager", body="Des courges partout.")
    lost = publish(title="Verger", body="Des prunes partout.")
    SearchDocument.objects.filter(post=lost).delete()
    kept_document = SearchDocument.objects.get(post=kept)

    output = _call("rebuild_search_index", "--missing")

    assert titles("prunes") == ["Verger"]
    assert SearchDocument.objects.get(post=kept).updated_at == kept_document.updated_at
    # The billet, and the member (members are indexed by this command only).
    assert "(2/2)" in output


def _call(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()
