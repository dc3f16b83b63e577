"""What readers see around verified quotes, put into a text's stored HTML
when a page shows it: the status and links of each quote, its context, the
reply of the quoted member, the passage a source page marks, and the
"citer" link of each paragraph. Every value is escaped here; the stored
HTML was sanitised when written."""

import re
from dataclasses import dataclass
from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext

from causerie.publishing.selectors import THREAD_LEVELS
from causerie.quotes.models import Quote, QuoteStatus
from causerie.quotes.permissions import has_reply
from causerie.quotes.selectors import QUOTE_META, PageQuotes

META = re.compile(r"<!--quote-meta:(\d+)-->")
PARAGRAPH = re.compile(r'<p data-range="(\d+)-(\d+)"([^>]*)>(.*?)</p>', re.DOTALL)


def item_url(post_url: str, comment_id: int | None) -> str:
    return f"{post_url}commentaires/{comment_id}/" if comment_id else post_url


def citing_location(quote: Quote) -> str:
    """Where the text holding the quote is seen: the billet page, or the
    thread page of a comment deeper than the billet page shows."""
    post_url = quote.citing_post.get_absolute_url()
    comment = quote.citing_comment
    if comment is None:
        return post_url
    if comment.depth < THREAD_LEVELS:
        return f"{post_url}#c{comment.pk}"
    return f"{post_url}commentaires/{comment.parent_id}/#c{comment.pk}"


def passage_url(quote: Quote) -> str:
    return quote.get_passage_url()


def history_url(quote: Quote) -> str:
    return quote.get_history_url()


def _plain(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def reply_html(quote: Quote) -> str:
    if not has_reply(quote):
        return ""
    reply = quote.reply
    label = gettext("Reply from @%(handle)s:") % {"handle": reply.author.handle}
    return (
        f'<div class="quote-reply" id="quote-reply-{quote.pk}">'
        f'<p class="quote-reply-label">{escape(label)}</p>'
        f"<p>{_plain(reply.body)}</p></div>"
    )


def quote_labels() -> dict[str, str]:
    """Translated and escaped (xgettext cannot see calls inside f-strings)."""
    return {
        "verified": escape(gettext("verified quote")),
        "context_link": escape(gettext("see it in its context")),
        "show_context": escape(gettext("Show the context")),
        "reply": escape(gettext("Reply to this quote")),
        "flag": escape(gettext("Flag: quoted out of context")),
    }


@dataclass
class Decorator:
    page: PageQuotes
    post_url: str
    viewer_id: int | None
    can_cite: bool
    can_flag: bool
    post: object = None

    @property
    def page_post_id(self) -> int:
        return self.post.pk

    @property
    def post_html(self):
        return self.for_post(self.post)

    def quote_meta(self, quote: Quote, citing_author_id: int) -> str:
        labels = quote_labels()
        parts = ['<div class="quote-meta">']
        if quote.status == QuoteStatus.CURRENT:
            parts.append(
                f'<p class="quote-status quote-current">'
                f'{labels["verified"]} · <a href="'
                f'{escape(passage_url(quote))}">'
                f"{labels['context_link']}</a></p>"
            )
        else:
            label = (
                gettext("the source was modified since")
                if quote.status == QuoteStatus.MODIFIED
                else gettext("source deleted")
            )
            version = gettext("version quoted (%(number)s)") % {
                "number": quote.source_revision
            }
            parts.append(
                f'<p class="quote-status quote-{escape(quote.status)}">'
                f'<strong>{escape(label)}</strong> · <a href="'
                f'{escape(history_url(quote))}">{escape(version)}</a></p>'
            )
        context = (
            f"{_plain(quote.context_before)}<mark>{_plain(quote.text)}</mark>"
            f"{_plain(quote.context_after)}"
        )
        parts.append(
            f'<details class="quote-context"><summary>'
            f"{labels['show_context']}</summary>"
            f'<div class="quote-context-text">{context}</div></details>'
        )
        parts.append(reply_html(quote))
        actions = []
        if self.viewer_id == quote.source_author_id and not has_reply(quote):
            actions.append(
                f'<a href="/citations/{quote.pk}/repondre/">{labels["reply"]}</a>'
            )
        if (
            self.can_flag
            and self.viewer_id is not None
            and self.viewer_id != citing_author_id
        ):
            flag_url = (
                f"{item_url(self.post_url, quote.citing_comment_id)}signaler/"
                f"?citation={quote.pk}"
            )
            actions.append(
                f'<a href="{escape(flag_url)}" rel="nofollow">{labels["flag"]}</a>'
            )
        if actions:
            parts.append(f'<p class="quote-actions">{" · ".join(actions)}</p>')
        parts.append("</div>")
        return "".join(parts)

    def decorate(self, *, comment_id, author_id, revision: int, body_html: str) -> str:
        html = body_html
        if QUOTE_META in html:

            def meta(match):
                quote = self.page.by_item.get((comment_id, int(match.group(1))))
                return self.quote_meta(quote, author_id) if quote else ""

            html = META.sub(meta, html)
        passage = self.page.passage
        if passage is not None and passage.source_comment_id == comment_id:
            html = mark_passage(html, passage)
        if not self.can_cite:
            return html
        source = f"c{comment_id}" if comment_id else f"p{self.page_post_id}"
        base = f"{self.post_url}commenter/?citer={source}&r={revision}"
        label = escape(pgettext("action", "quote"))
        title = escape(gettext("Quote this paragraph in a reply"))

        def cite(match):
            start, end, attributes, inner = match.groups()
            href = escape(f"{base}&de={start}&a={end}")
            return (
                f'<p data-range="{start}-{end}"{attributes}>{inner} '
                f'<a class="cite-link" href="{href}" rel="nofollow" '
                f'title="{title}">{label}</a></p>'
            )

        html = PARAGRAPH.sub(cite, html)
        selection_label = escape(pgettext("action", "Quote the selection"))
        return (
            f'<div class="quotable" data-cite="{source}" data-revision="{revision}" '
            f'data-cite-url="{escape(self.post_url)}commenter/" '
            f'data-cite-label="{selection_label}">{html}</div>'
        )

    def for_comment(self, comment, body_html: str):
        return mark_safe(
            self.decorate(
                comment_id=comment.pk,
                author_id=comment.author_id,
                revision=comment.revision_count,
                body_html=body_html,
            )
        )

    def for_post(self, post):
        return mark_safe(
            self.decorate(
                comment_id=None,
                author_id=post.author_id,
                revision=post.revision_count,
                body_html=post.body_html,
            )
        )


def mark_passage(html: str, quote: Quote) -> str:
    """Wrap the passage in <mark id="passage"> when its text appears whole in
    the HTML, else mark the paragraphs it lies in."""
    if quote.status != QuoteStatus.CURRENT:
        return html
    needle = escape(quote.text.strip(), quote=False)
    position = html.find(needle) if needle else -1
    if position >= 0 and html.rfind("<", 0, position) <= html.rfind(">", 0, position):
        end = position + len(needle)
        return (
            f'{html[:position]}<mark id="passage" class="passage">'
            f"{html[position:end]}</mark>{html[end:]}"
        )
    start, end = quote.current_start, quote.current_end
    first = True

    def paragraph(match):
        nonlocal first
        low, high = int(match.group(1)), int(match.group(2))
        if high <= start or low >= end:
            return match.group(0)
        marker = ' id="passage"' if first else ""
        first = False
        return (
            f'<p data-range="{low}-{high}" class="passage"{marker}'
            f"{match.group(3)}>{match.group(4)}</p>"
        )

    return PARAGRAPH.sub(paragraph, html)


def for_page(
    *, post, thread, viewer, passage_id, can_cite: bool, can_flag: bool
) -> Decorator:
    """What a billet or comment page uses to show its texts: one query when
    a text of the page holds a verified quote, one when a passage is marked."""
    from causerie.quotes.selectors import page_quotes

    return Decorator(
        page=page_quotes(post=post, items=thread, passage_id=passage_id),
        post_url=post.get_absolute_url(),
        viewer_id=viewer.pk if viewer.is_authenticated else None,
        can_cite=can_cite and not post.community.is_suspended,
        can_flag=can_flag and not post.community.is_suspended,
        post=post,
    )
