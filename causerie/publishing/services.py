"""Writes on billets and comments. Markdown is rendered here, once, at write time."""

from collections.abc import Iterable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone

from causerie.accounts import selectors as account_selectors
from causerie.accounts.models import User
from causerie.communities import permissions as community_permissions
from causerie.communities import selectors as community_selectors
from causerie.communities import services as community_services
from causerie.communities.exceptions import (
    CommunitySuspended,
    GuideNotAccepted,
    NotAMember,
    NotAModerator,
)
from causerie.communities.models import Community, Tag
from causerie.core.events import emit
from causerie.core.exceptions import NotAllowed
from causerie.core.markdown import extract_mentions, render_markdown
from causerie.core.validation import check_text, is_web_address, validate_model
from causerie.publishing import events, permissions
from causerie.publishing.events import (
    CommentEdited,
    CommentPosted,
    PostEdited,
    PostPublished,
)
from causerie.publishing.exceptions import (
    CommentDeleted,
    EmptyText,
    IntentForbidden,
    InvalidSponsorLink,
    MemberSanctioned,
    NewMemberDailyLimit,
    NewMemberTooFast,
    NewMemberTooManyLinks,
    NotTheAuthor,
    PostDeleted,
    PostLocked,
    PostNotBookmarkable,
    ReplyToAnotherPost,
    SponsorRequired,
    TagNotInCommunity,
)
from causerie.publishing.models import (
    Bookmark,
    Comment,
    CommentRevision,
    Intent,
    ModerationState,
    Post,
    PostRevision,
)

# edit_post and edit_comment: the hat worn stays as it was.
KEEP = object()


def render_body(text: str, *, quoting=None) -> str:
    """Markdown to safe HTML, with @mentions of existing members linked and
    verified quotes checked against their source. `quoting`: the billet or
    comment whose new text this is (an edit): its quotes stay verified when
    their source became unreadable since."""
    from causerie.quotes import markup
    from causerie.quotes.selectors import known_quote_keys

    handles = account_selectors.existing_handles(handles=extract_mentions(text))
    known = known_quote_keys(item=quoting) if quoting is not None else frozenset()
    return markup.render(text, mention_handles=handles, known=known)


def _links_own_site(actor: User, html: str) -> bool:
    from causerie.transparency.selectors import own_site_links

    return bool(own_site_links(member=actor, html=html))


def _check_hat(actor: User, community: Community, hat) -> None:
    from causerie.hats.services import check_wearable

    check_wearable(actor=actor, community=community, hat=hat)


def _record_quotes(item, *, new: bool = False) -> None:
    from causerie.quotes import markup
    from causerie.quotes.services import record_quotes

    # A new text without a quote block has no quote to record or to drop.
    if new and not markup.has_marker(item.body):
        return
    record_quotes(item=item)


def _check_intent(
    community: Community,
    intent: str,
    sponsor_name: str,
    sponsor_url: str,
    *,
    previous: str | None = None,
) -> tuple[str, str]:
    """The intent must be allowed by the community's policy (an intent kept
    from before a policy change stays allowed on edit), and a sponsored
    billet names its sponsor. Returns the sponsor fields to store."""
    forbidden = set(filter(None, community.policy.forbidden_intents.split(",")))
    if intent in forbidden and intent != previous:
        raise IntentForbidden(field="intent")
    if intent != Intent.SPONSORED:
        return "", ""
    sponsor_name = (sponsor_name or "").strip()
    if not sponsor_name:
        raise SponsorRequired(field="sponsor_name")
    sponsor_url = (sponsor_url or "").strip()
    # Shown as a link in every listing: the web only, like any link.
    if sponsor_url and not is_web_address(sponsor_url):
        raise InvalidSponsorLink(field="sponsor_url")
    return sponsor_name, sponsor_url


def publish_post(
    *,
    actor: User,
    community: Community,
    title: str,
    body: str,
    intent: str,
    tags: Iterable[Tag] = (),
    is_question: bool = False,
    sponsor_name: str = "",
    sponsor_url: str = "",
    hat=None,
    published_at=None,
) -> Post:
    """Publish a billet in a community the actor belongs to. Records revision 1,
    emits PostPublished. `is_question`: the billet asks a question (its author
    may accept an answer). `sponsor_name` (required) and `sponsor_url` go with
    the intent "sponsored"; `hat`: one of the author's granted hats, worn.
    `published_at` is for importers and the demo only."""
    _require_member(actor, community, kind="post", body=body)
    tags = list(tags)
    _check_tags(tags, community)
    check_text(
        title=title, body=body, sponsor_name=sponsor_name, sponsor_url=sponsor_url
    )
    if not body.strip() or not title.strip():
        raise EmptyText(field="body" if title.strip() else "title")
    sponsor_name, sponsor_url = _check_intent(
        community, intent, sponsor_name, sponsor_url
    )
    now = published_at or timezone.now()
    body_html = render_body(body)
    post = Post(
        community=community,
        author=actor,
        title=title.strip(),
        body=body,
        body_html=body_html,
        intent=intent,
        sponsor_name=sponsor_name,
        sponsor_url=sponsor_url,
        hat=hat,
        links_own_site=_links_own_site(actor, body_html),
        is_question=is_question,
        published_at=now,
        last_activity_at=now,
    )
    validate_model(post, exclude=["tags"])
    with transaction.atomic():
        _check_hat(actor, community, hat)
        post.save()
        post.tags.set(tags)
        revision = PostRevision.objects.create(
            post=post,
            number=1,
            editor=actor,
            title=post.title,
            body=body,
            intent=intent,
            sponsor_name=sponsor_name,
            sponsor_url=sponsor_url,
            tag_names=sorted(tag.name for tag in tags),
        )
        _record_quotes(post, new=True)
        if published_at:  # imported or demo content keeps its own date
            Post.objects.filter(pk=post.pk).update(created_at=now)
            PostRevision.objects.filter(pk=revision.pk).update(created_at=now)
        Community.objects.filter(pk=community.pk).update(
            post_count=F("post_count") + 1, last_activity_at=timezone.now()
        )
        emit(PostPublished(post_id=post.pk))
    return post


@transaction.atomic
def edit_post(
    *,
    actor: User,
    post: Post,
    title: str,
    body: str,
    intent: str,
    tags: Iterable[Tag] = (),
    is_question: bool | None = None,
    sponsor_name: str = "",
    sponsor_url: str = "",
    hat=KEEP,
) -> Post:
    """The author changes a billet. Every change of its text, intent (sponsor
    included) or tags is kept as a public revision; an unchanged submission
    records nothing. `is_question` (None: unchanged) and `hat` (KEEP:
    unchanged) are not part of the text: changing only them records no
    revision. Emits PostEdited when the text changed. One transaction: a
    refused text change leaves the hat and the question mark as they were."""
    community = post.community
    if post.is_deleted:
        raise PostDeleted()
    if community.is_suspended:
        raise CommunitySuspended()
    if not permissions.can_edit_post(actor, post):
        raise NotTheAuthor()
    tags = list(tags)
    _check_tags(tags, community)
    check_text(
        title=title, body=body, sponsor_name=sponsor_name, sponsor_url=sponsor_url
    )
    if not body.strip() or not title.strip():
        raise EmptyText(field="body" if title.strip() else "title")
    sponsor_name, sponsor_url = _check_intent(
        community, intent, sponsor_name, sponsor_url, previous=post.intent
    )
    if hat is not KEEP and getattr(hat, "pk", None) != post.hat_id:
        _check_hat(actor, community, hat)
        post.hat = hat
        Post.objects.filter(pk=post.pk).update(hat=hat)
    tag_names = sorted(tag.name for tag in tags)
    current = {tag.name for tag in post.tags.all()}
    if is_question is not None and is_question != post.is_question:
        post.is_question = is_question
        Post.objects.filter(pk=post.pk).update(is_question=is_question)
    if (title.strip(), body, intent, sponsor_name, sponsor_url, set(tag_names)) == (
        post.title,
        post.body,
        post.intent,
        post.sponsor_name,
        post.sponsor_url,
        current,
    ):
        return post
    with transaction.atomic():
        post = (
            Post.objects.select_for_update().select_related("community").get(pk=post.pk)
        )
        post.title, post.body, post.intent = title.strip(), body, intent
        post.sponsor_name, post.sponsor_url = sponsor_name, sponsor_url
        post.body_html = render_body(body, quoting=post)
        post.links_own_site = _links_own_site(post.author, post.body_html)
        post.edited_at = timezone.now()
        post.revision_count = F("revision_count") + 1
        validate_model(post, exclude=["tags", "revision_count"])
        post.save()
        post.refresh_from_db(fields=["revision_count"])
        post.tags.set(tags)
        PostRevision.objects.create(
            post=post,
            number=post.revision_count,
            editor=actor,
            title=post.title,
            body=body,
            intent=intent,
            sponsor_name=sponsor_name,
            sponsor_url=sponsor_url,
            tag_names=tag_names,
        )
        _record_quotes(post)
        # Imported here: moderation builds on publishing, not the other way round.
        from causerie.moderation.services import note_author_edit

        note_author_edit(item=post)
        emit(PostEdited(post_id=post.pk))
    return post


@transaction.atomic
def delete_post(*, actor: User, post: Post) -> Post:
    """Soft delete by the author: a tombstone keeps the discussion in place;
    the text and revisions stay visible to moderators only."""
    if post.is_deleted:
        return post
    if post.community.is_suspended:
        raise CommunitySuspended()
    if not permissions.can_delete_post(actor, post):
        raise NotTheAuthor()
    post.deleted_at = timezone.now()
    post.pinned_at = None
    post.save(update_fields=["deleted_at", "pinned_at"])
    Community.objects.filter(pk=post.community_id).update(
        post_count=F("post_count") - 1
    )
    emit(events.PostDeleted(post_id=post.pk))
    return post


@transaction.atomic
def pin_post(*, actor: User, post: Post, pinned: bool) -> Post:
    """Moderators pin billets to the top of the community page, or unpin them."""
    community = post.community
    is_moderator = (
        actor.is_authenticated
        and actor.pk in community_selectors.moderator_ids(community=community)
    )
    if community.is_suspended:
        raise CommunitySuspended()
    if not community_permissions.can_moderate(
        actor, community, is_moderator=is_moderator
    ):
        raise NotAModerator()
    if post.is_deleted:
        raise PostDeleted()
    post.pinned_at = timezone.now() if pinned else None
    post.save(update_fields=["pinned_at"])
    return post


def post_comment(
    *,
    actor: User,
    post: Post,
    body: str,
    parent: Comment | None = None,
    hat=None,
    posted_at=None,
) -> Comment:
    """Reply to a billet or to one of its comments, at any depth, wearing one
    of the author's hats or none. Emits CommentPosted (notifications for the
    replied-to author and mentions)."""
    community = post.community
    if post.is_deleted or post.moderation_state == ModerationState.REMOVED:
        raise PostDeleted()
    if post.locked_at:
        raise PostLocked()
    _require_member(actor, community, kind="comment", body=body)
    if parent is not None:
        if parent.post_id != post.pk:
            raise ReplyToAnotherPost()
        if parent.is_deleted:
            raise CommentDeleted()
    check_text(body=body)
    if not body.strip():
        raise EmptyText(field="body")
    now = posted_at or timezone.now()
    body_html = render_body(body)
    comment = Comment(
        post=post,
        parent=parent,
        author=actor,
        depth=parent.depth + 1 if parent else 0,
        body=body,
        body_html=body_html,
        hat=hat,
        links_own_site=_links_own_site(actor, body_html),
    )
    validate_model(comment, exclude=["post", "parent", "author"])
    with transaction.atomic():
        _check_hat(actor, community, hat)
        comment.save()
        if posted_at:
            Comment.objects.filter(pk=comment.pk).update(created_at=now)
            comment.created_at = now
        revision = CommentRevision.objects.create(
            comment=comment, number=1, editor=actor, body=body
        )
        if posted_at:
            CommentRevision.objects.filter(pk=revision.pk).update(created_at=now)
        _record_quotes(comment, new=True)
        Post.objects.filter(pk=post.pk).update(
            comment_count=F("comment_count") + 1,
            last_activity_at=now,
        )
        community_services.touch_activity(community_id=community.pk)
        emit(CommentPosted(comment_id=comment.pk))
    return comment


@transaction.atomic
def edit_comment(*, actor: User, comment: Comment, body: str, hat=KEEP) -> Comment:
    """The author changes a comment; the history is kept and the comment shows
    a "modifié" marker. `hat` (KEEP: unchanged) is not part of the text: it
    changes in the same transaction. Emits CommentEdited."""
    community = comment.post.community
    if comment.is_deleted:
        raise CommentDeleted()
    if community.is_suspended:
        raise CommunitySuspended()
    if not permissions.can_edit_comment(actor, comment, community):
        raise NotTheAuthor()
    check_text(body=body)
    if not body.strip():
        raise EmptyText(field="body")
    if hat is not KEEP and getattr(hat, "pk", None) != comment.hat_id:
        _check_hat(actor, community, hat)
        comment.hat = hat
        Comment.objects.filter(pk=comment.pk).update(hat=hat)
    if body == comment.body:
        return comment
    with transaction.atomic():
        comment.body = body
        comment.body_html = render_body(body, quoting=comment)
        comment.links_own_site = _links_own_site(comment.author, comment.body_html)
        comment.edited_at = timezone.now()
        comment.revision_count = F("revision_count") + 1
        validate_model(comment, exclude=["post", "parent", "author", "revision_count"])
        comment.save()
        comment.refresh_from_db(fields=["revision_count"])
        CommentRevision.objects.create(
            comment=comment, number=comment.revision_count, editor=actor, body=body
        )
        _record_quotes(comment)
        from causerie.moderation.services import note_author_edit

        note_author_edit(item=comment)
        emit(CommentEdited(comment_id=comment.pk))
    return comment


@transaction.atomic
def delete_comment(*, actor: User, comment: Comment) -> Comment:
    """Soft delete by the author; replies keep their place under a tombstone."""
    if comment.is_deleted:
        return comment
    if comment.post.community.is_suspended:
        raise CommunitySuspended()
    if not permissions.can_delete_comment(actor, comment, comment.post.community):
        raise NotTheAuthor()
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["deleted_at"])
    emit(events.CommentDeleted(comment_id=comment.pk))
    return comment


def add_bookmark(*, actor: User, post: Post) -> Bookmark:
    """Keep a billet "à relire" (private to the actor). Any logged-in reader
    may; refused (PostNotBookmarkable) for a deleted or hidden billet. Safe to
    call twice."""
    if not actor.is_authenticated:
        raise NotAllowed()
    if not permissions.can_bookmark_post(actor, post):
        raise PostNotBookmarkable()
    try:
        with transaction.atomic():
            bookmark, _ = Bookmark.objects.get_or_create(member=actor, post=post)
    except IntegrityError:  # a concurrent request created it
        bookmark = Bookmark.objects.get(member=actor, post=post)
    return bookmark


def remove_bookmark(*, actor: User, post: Post) -> None:
    """Take a billet off the actor's "à relire" list, whatever became of it.
    Safe to call twice."""
    if not actor.is_authenticated:
        raise NotAllowed()
    Bookmark.objects.filter(member=actor, post=post).delete()


def _require_member(
    actor: User, community: Community, *, kind: str = "", body: str = ""
) -> None:
    """Posting needs: an open community, membership, the current guide accepted,
    no suspension or ban, and, for new members, the policy's limits."""
    from causerie.moderation import selectors as moderation_selectors

    if community.is_suspended:
        raise CommunitySuspended()
    membership = community_selectors.membership_of(member=actor, community=community)
    if not community_permissions.can_post_in(
        actor, community, is_member=membership is not None
    ):
        raise NotAMember()
    if membership.accepted_guide_version < community.guide_version_number:
        raise GuideNotAccepted()
    sanction = moderation_selectors.active_sanction(member=actor, community=community)
    if sanction is not None:
        raise MemberSanctioned()
    # A founder starts at level 0 but moderates: the limits protect the
    # community from strangers, not from its moderators.
    if (
        kind
        and actor.trust_level == 0
        and actor.pk not in community_selectors.moderator_ids(community=community)
    ):
        _check_new_member_limits(actor, community, kind=kind, body=body)


def _check_new_member_limits(
    actor: User, community: Community, *, kind: str, body: str
):
    """DESIGN, Defaults: new members are limited for a day, by the community's policy."""
    policy = community.policy
    since = timezone.now() - timedelta(days=1)
    if kind == "post":
        limit = policy.new_member_posts_per_day
        done = Post.objects.filter(author=actor, published_at__gte=since).count()
    else:
        limit = policy.new_member_comments_per_day
        done = Comment.objects.filter(author=actor, created_at__gte=since).count()
    if done >= limit:
        raise NewMemberDailyLimit(
            NewMemberDailyLimit.message % {"count": limit}, field="body"
        )
    links = count_links(body)
    if links > policy.new_member_links_per_item:
        raise NewMemberTooManyLinks(
            NewMemberTooManyLinks.message % {"count": policy.new_member_links_per_item},
            field="body",
        )
    latest = max(
        (
            moment
            for moment in (
                Post.objects.filter(author=actor).aggregate(m=Max("published_at"))["m"],
                Comment.objects.filter(author=actor).aggregate(m=Max("created_at"))[
                    "m"
                ],
            )
            if moment
        ),
        default=None,
    )
    wait = policy.new_member_seconds_between_posts
    if latest and (timezone.now() - latest).total_seconds() < wait:
        raise NewMemberTooFast(NewMemberTooFast.message % {"count": wait}, field="body")


def count_links(text: str) -> int:
    """Links a reader would follow (mentions of members do not count)."""
    html = render_markdown(text)
    return html.count("<a ") - html.count('class="mention"')


def set_moderation_state(*, item, state: str, rule=None, reason: str = "") -> None:
    """Called by moderation services only: what readers see of a flagged item."""
    type(item).objects.filter(pk=item.pk).update(
        moderation_state=state, moderation_rule=rule, moderation_reason=reason
    )
    item.moderation_state, item.moderation_rule, item.moderation_reason = (
        state,
        rule,
        reason,
    )


def set_accepted_comment(*, post: Post, comment: Comment | None) -> None:
    """Called by recognition services only (accepting an answer is a
    recognition): the comment shown first as the accepted answer, or none."""
    post.accepted_comment = comment
    Post.objects.filter(pk=post.pk).update(accepted_comment=comment)


def lock_post(*, post: Post, locked: bool) -> None:
    """Called by moderation services only: a locked thread takes no new comments."""
    post.locked_at = timezone.now() if locked else None
    Post.objects.filter(pk=post.pk).update(locked_at=post.locked_at)


def edit_as_moderator(*, actor: User, item, body: str) -> None:
    """Called by moderation services only (the decision "edit"): a new public
    revision, by the moderator, of a billet's text or a comment. Its quotes
    and its links to the author's own sites are checked again, as on any
    edit."""
    now = timezone.now()
    body_html = render_body(body, quoting=item)
    changes = {
        "body": body,
        "body_html": body_html,
        "links_own_site": _links_own_site(item.author, body_html),
        "edited_at": now,
        "revision_count": F("revision_count") + 1,
    }
    if isinstance(item, Post):
        Post.objects.filter(pk=item.pk).update(**changes)
        item.refresh_from_db()
        PostRevision.objects.create(
            post=item,
            number=item.revision_count,
            editor=actor,
            title=item.title,
            body=body,
            intent=item.intent,
            sponsor_name=item.sponsor_name,
            sponsor_url=item.sponsor_url,
            tag_names=sorted(tag.name for tag in item.tags.all()),
        )
    else:
        Comment.objects.filter(pk=item.pk).update(**changes)
        item.refresh_from_db()
        CommentRevision.objects.create(
            comment=item, number=item.revision_count, editor=actor, body=body
        )
    _record_quotes(item)


def _check_tags(tags: list[Tag], community: Community) -> None:
    if any(tag.community_id != community.pk for tag in tags):
        raise TagNotInCommunity(field="tags")
