"""The comment thread as HTML, built in Python.

A billet page can hold hundreds of comments; rendering them through template
tags costs tens of milliseconds, a string join costs about one. The markup is
the same a template would give, and every value is escaped here except
`body_html`, which was sanitised when written.
"""

from collections.abc import Callable
from datetime import datetime

# Django's escaping without its lazy-string wrapper, which costs more than the page.
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import get_current_timezone
from django.utils.timezone import now as current_time
from django.utils.translation import get_language, gettext, ngettext, pgettext

from causerie.core.dates import exact, relative
from causerie.publishing.models import ModerationState
from causerie.publishing.selectors import AUTHOR_READABLE_STATES, ThreadItem

VISIBLE = ModerationState.VISIBLE.value


def moderation_labels() -> dict[str, str]:
    """What readers see instead of a moderated text (translated, not escaped)."""
    return {
        ModerationState.PENDING: gettext("Hidden pending moderation"),
        ModerationState.HIDDEN: gettext("Hidden by moderation"),
        ModerationState.REMOVED: gettext("Deleted by moderation"),
    }


def cause_label(number: int | None, title: str | None, reason: str) -> str:
    """The rule or built-in reason cited, as readers see it (not escaped)."""
    if number is not None:
        return gettext("Rule %(number)s — %(title)s") % {
            "number": number,
            "title": title or "",
        }
    if not reason:
        return ""
    from causerie.moderation.models import Reason

    return str(Reason(reason).label) if reason in Reason.values else reason


def render_thread(
    items: list[ThreadItem],
    *,
    post_url: str,
    viewer_id: int | None,
    muted_ids: set[int],
    can_reply: bool,
    can_see_deleted: bool,
    can_change_own: bool,
    can_flag: bool = False,
    can_see_moderated: bool = False,
    own_causes: dict | None = None,
    new_since: datetime | None = None,
    profiles: dict[int, tuple[str, str]] | None = None,
    can_recognise: bool = False,
    recognised_ids: set | frozenset = frozenset(),
    received: dict | None = None,
    accepted_id: int | None = None,
    can_accept: bool = False,
    has_domains: bool = False,
    hat_labels: dict[int, str] | None = None,
    decorate_body: Callable[[object, str], str] | None = None,
) -> SafeString:
    """The thread as one string. `can_flag`: the viewer may flag others' comments;
    `can_see_moderated`: moderators read moderated texts in a <details>;
    `own_causes`: why the viewer's own pending comments wait for review;
    `new_since`: the viewer's previous visit, after which others' comments are
    marked "nouveau".

    Recognition: `profiles` maps author ids to their contribution profile
    (kind, label); `can_recognise`: the viewer may mark others' comments
    "Utile" (buttons of the page's shared forms `recognise-form` and
    `withdraw-recognition-form`), `recognised_ids` those they already did;
    `received`: how many recognitions each of the viewer's comments got (a
    link to who, for them only); `accepted_id`: the accepted answer;
    `can_accept`: the viewer asked the question and may accept a top-level
    comment (forms `accept-form` and `unaccept-form`); `has_domains`: the
    community has tags, so a domain can be chosen.

    Transparency: `hat_labels` maps hat ids to the safe HTML shown beside the
    author's name; `decorate_body(comment, body_html)` returns the safe HTML
    of a visible comment's text as the page shows it (verified quotes, "citer"
    links)."""
    own_causes = own_causes or {}
    hat_labels = hat_labels or {}
    profiles = profiles or {}
    received = received or {}
    profile_spans = {
        author_id: f' <span class="contribution-profile profile-{escape(kind)}" '
        f'title="{escape(gettext("Contribution profile in this community"))}">'
        f"{escape(label)}</span>"
        for author_id, (kind, label) in profiles.items()
    }
    labels = {
        "permalink": escape(gettext("Link to this comment")),
        "edited": escape(gettext("edited")),
        "reply": escape(gettext("Reply")),
        "edit": escape(gettext("Edit")),
        "delete": escape(gettext("Delete")),
        "deleted_by_author": escape(gettext("Deleted by its author")),
        "deleted_text": escape(gettext("This comment was deleted by its author.")),
        "moderator_view": escape(gettext("Deleted text (visible to moderators)")),
        "flag": escape(pgettext("action", "Flag")),
        "moderated_view": escape(gettext("Text (visible to moderators)")),
        "own_moderated": escape(
            gettext(
                "Only you and the moderators see this text. Editing it sends it "
                "back to the moderators."
            )
        ),
        "flagged_for": escape(gettext("Flagged for:")),
        "new": escape(pgettext("marker", "new")),
        "useful": escape(pgettext("recognition", "Useful")),
        "useful_done": escape(pgettext("recognition", "Useful ✓")),
        "useful_title": escape(gettext("Mark as useful")),
        "useful_done_title": escape(gettext("You marked this as useful: withdraw")),
        "domain": escape(gettext("Useful in a domain…")),
        "accepted": escape(gettext("Accepted answer")),
        "accept": escape(gettext("Accept this answer")),
        "unaccept": escape(gettext("Withdraw the acceptance")),
        "self_promotion": escape(pgettext("label", "self-promotion")),
        "self_promotion_title": escape(
            gettext("This comment links to a site its author declared as their own")
        ),
    }
    states = {key: escape(label) for key, label in moderation_labels().items()}
    now = current_time()
    language = get_language() or "fr"
    zone = get_current_timezone()
    parts = ['<ol class="thread">']
    append = parts.append
    for item in items:
        comment = item.comment
        url = f"{post_url}commentaires/{comment.pk}/"
        muted = comment.author_id in muted_ids and not comment.deleted_at
        append(f'<li id="c{comment.pk}">')
        if muted:
            summary = gettext("Message from @%(handle)s (muted by you): show") % {
                "handle": comment.author.handle
            }
            append(f'<details class="muted-item"><summary>{escape(summary)}</summary>')
        is_accepted = accepted_id == comment.pk
        if is_accepted:
            append('<article class="comment accepted-answer">')
        else:
            append('<article class="comment">')
        append('<header class="comment-meta">')
        if comment.deleted_at:
            append(f'<span class="tombstone">{labels["deleted_by_author"]}</span>')
        else:
            author = comment.author
            append(
                f'<a class="author" href="/@{author.handle}/">{escape(author.name)}</a>'
            )
            profile = profile_spans.get(comment.author_id)
            if profile:
                append(profile)
            if comment.hat_id is not None and comment.hat_id in hat_labels:
                append(" " + hat_labels[comment.hat_id])
        created = comment.created_at
        append(
            f' <a href="{url}" title="{labels["permalink"]}"><time datetime="'
            f'{created.isoformat(timespec="minutes")}" '
            f'title="{escape(exact(created, language, zone))}">'
            f"{escape(relative(created, now, language))}</time></a>"
        )
        if (
            new_since is not None
            and created > new_since
            and comment.author_id != viewer_id
            and not comment.deleted_at
        ):
            append(f' <span class="new-badge">{labels["new"]}</span>')
        if comment.edited_at and not comment.deleted_at:
            append(f' <a href="{url}historique/">{labels["edited"]}</a>')
        if is_accepted and not comment.deleted_at:
            append(f' <span class="accepted-badge">{labels["accepted"]}</span>')
        if comment.links_own_site and not comment.deleted_at:
            append(
                f' <span class="intent intent-promotion self-promotion" '
                f'title="{labels["self_promotion_title"]}">'
                f"{labels['self_promotion']}</span>"
            )
        append("</header>")
        if comment.deleted_at:
            append(f'<p class="tombstone">{labels["deleted_text"]}</p>')
            if can_see_deleted:
                append(
                    f"<details><summary>{labels['moderator_view']}</summary>"
                    f'<div class="prose">{comment.body_html}</div></details>'
                )
        else:
            state = comment.moderation_state
            visible = state == VISIBLE
            if visible:
                body = comment.body_html
                if decorate_body is not None:
                    body = decorate_body(comment, body)
                append(f'<div class="prose">{body}</div>')
            else:
                cause = cause_label(
                    comment.rule_number, comment.rule_title, comment.moderation_reason
                )
                append(f'<p class="moderated moderated-{state}">{states[state]}')
                if cause:
                    append(f' <span class="moderation-cause">· {escape(cause)}</span>')
                append("</p>")
                if comment.author_id == viewer_id and state in AUTHOR_READABLE_STATES:
                    append(
                        f'<div class="own-moderated"><p class="meta">'
                        f"{labels['own_moderated']}</p>"
                        f'<div class="prose">{comment.body_html}</div>'
                    )
                    causes = own_causes.get(("comment", comment.pk))
                    if causes:
                        listed = ", ".join(
                            escape(cause_label(*cause)) for cause in causes
                        )
                        append(
                            f'<p class="meta flag-causes-own">{labels["flagged_for"]} '
                            f"{listed}</p>"
                        )
                    append("</div>")
                elif can_see_moderated:
                    append(
                        f"<details><summary>{labels['moderated_view']}</summary>"
                        f'<div class="prose">{comment.body_html}</div></details>'
                    )
            append('<footer class="comment-actions">')
            if can_reply and visible:
                append(
                    f'<a href="{post_url}commenter/?parent={comment.pk}" '
                    f'data-reply-to="{comment.pk}">{labels["reply"]}</a>'
                )
            if can_change_own and comment.author_id == viewer_id:
                append(
                    f' <a href="{url}modifier/">{labels["edit"]}</a>'
                    f' <a href="{url}supprimer/">{labels["delete"]}</a>'
                )
            elif can_flag and visible and viewer_id is not None:
                append(f' <a href="{url}signaler/" rel="nofollow">{labels["flag"]}</a>')
            if comment.author_id == viewer_id:
                count = received.get(comment.pk)
                if count:
                    label = ngettext(
                        "Found useful by %(count)s member",
                        "Found useful by %(count)s members",
                        count,
                    ) % {"count": count}
                    append(
                        f' <a class="recognisers-link" href="{url}reconnaissances/">'
                        f"{escape(label)}</a>"
                    )
            elif can_recognise and visible:
                if comment.pk in recognised_ids:
                    append(
                        ' <button type="submit" form="withdraw-recognition-form" '
                        f'name="comment" value="{comment.pk}" class="link recognise" '
                        f'aria-pressed="true" title="{labels["useful_done_title"]}" '
                        f"data-recognise>{labels['useful_done']}</button>"
                    )
                else:
                    append(
                        ' <button type="submit" form="recognise-form" '
                        f'name="comment" value="{comment.pk}" class="link recognise" '
                        f'aria-pressed="false" title="{labels["useful_title"]}" '
                        f"data-recognise>{labels['useful']}</button>"
                    )
                    if has_domains:
                        append(
                            f' <a class="recognise-domain" href="{post_url}utile/'
                            f'?commentaire={comment.pk}" rel="nofollow">'
                            f"{labels['domain']}</a>"
                        )
            if (
                can_accept
                and visible
                and comment.parent_id is None
                and comment.author_id != viewer_id
            ):
                form = "unaccept-form" if is_accepted else "accept-form"
                text = labels["unaccept"] if is_accepted else labels["accept"]
                append(
                    f' <button type="submit" form="{form}" name="comment" '
                    f'value="{comment.pk}" class="link accept-answer">{text}</button>'
                )
            append("</footer>")
        if item.hidden_replies:
            label = ngettext(
                "Continue this thread (%(count)s reply)",
                "Continue this thread (%(count)s replies)",
                item.hidden_replies,
            ) % {"count": item.hidden_replies}
            append(f'<a class="continue-thread" href="{url}">{escape(label)} →</a>')
        append("</article>")
        if muted:
            append("</details>")
        if item.has_children:
            append('<ol class="replies">')
        else:
            append("</li>")
            append("</ol></li>" * len(item.closes))
    append("</ol>")
    # Every value above is escaped, and body_html was sanitised when written.
    return mark_safe("".join(parts))
