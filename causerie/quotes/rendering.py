"""What readers see around verified quotes, put into a text's stored HTML
when a page shows it: the status and links of each quote, its context, the
reply of the quoted member, the passage a source page marks, and the
"citer" link of each paragraph. Every value is escaped here; the stored
HTML was sanitised when written."""

import re
from dataclasses import dataclass
from functools import cached_property
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from causerie.publishing.selectors import comment_location
from causerie.quotes.models import Quote, QuoteStatus
from causerie.quotes.permissions import has_reply
from causerie.quotes.selectors import QUOTE_META, PageQuotes

# A verified block as quotes.markup writes it: the quoted text holds no <div>
# (not in the sanitiser's allow-list), so the lazy group ends at its own.
BLOCK = re.compile(
    r'(<blockquote class="verified-quote" data-quote-position="(\d+)">)'
    r'<div class="quote-text">(.*?)</div>(.*?)<!--quote-meta:\2-->',
    re.DOTALL,
)
PARAGRAPH = re.compile(r'<p data-range="(\d+)-(\d+)"([^>]*)>(.*?)</p>', re.DOTALL)


def item_url(post_url: str, comment_id: int | None) -> str:
    return f"{post_url}commentaires/{comment_id}/" if comment_id else post_url


def citing_location(quote: Quote) -> str:
    """Where the text holding the quote is seen."""
    post_url = quote.citing_post.get_absolute_url()
    if quote.citing_comment is None:
        return post_url
    return comment_location(post_url, quote.citing_comment)


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


def hidden_text() -> str:
    return gettext("The quoted passage is not shown: the moderators hid its source.")


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
        labels = self.labels
        parts = ['<div class="quote-meta">']
        readable = quote.status in (QuoteStatus.CURRENT, QuoteStatus.MODIFIED)
        if quote.status == QuoteStatus.CURRENT:
            parts.append(
                f'<p class="quote-status quote-current">'
                f'{labels["verified"]} · <a href="'
                f'{escape(self.passage_url(quote))}">'
                f"{labels['context_link']}</a></p>"
            )
        else:
            label = {
                QuoteStatus.MODIFIED: gettext("the source was modified since"),
                QuoteStatus.DELETED: gettext("source deleted"),
                QuoteStatus.HIDDEN: gettext("source hidden by the moderators"),
            }[quote.status]
            version = gettext("version quoted (%(number)s)") % {
                "number": quote.source_revision
            }
            # A deleted or hidden source's history is not public: no link.
            version_html = (
                f'<a href="{escape(quote.get_history_url())}">{escape(version)}</a>'
                if readable
                else escape(version)
            )
            parts.append(
                f'<p class="quote-status quote-{escape(quote.status)}">'
                f"<strong>{escape(label)}</strong> · {version_html}</p>"
            )
        if readable:
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

    def block(self, match, *, comment_id, author_id) -> str:
        """One verified block with what readers see around it. The words of
        a source hidden by moderation are not repeated here either."""
        opening, position, quoted, source = match.groups()
        quote = self.page.by_item.get((comment_id, int(position)))
        if quote is None:  # no row (yet): shown as a plain quote, no claim made
            return f'<blockquote><div class="quote-text">{quoted}</div>{source}'
        if quote.status == QuoteStatus.HIDDEN:
            quoted = f'<p class="quote-withheld">{escape(hidden_text())}</p>'
        return (
            f'{opening}<div class="quote-text">{quoted}</div>{source}'
            f"{self.quote_meta(quote, author_id)}"
        )

    def quotes_only(self, *, comment_id, author_id, body_html: str) -> str:
        """The status, context and reply of each verified quote, nothing
        else: for a text shown a second time on a page (the accepted answer,
        a comment's ancestors) or in a feed."""
        if QUOTE_META not in body_html:
            return body_html
        return BLOCK.sub(
            lambda match: self.block(match, comment_id=comment_id, author_id=author_id),
            body_html,
        )

    def for_other_comment(self, comment) -> SafeString:
        return mark_safe(
            self.quotes_only(
                comment_id=comment.pk,
                author_id=comment.author_id,
                body_html=comment.body_html,
            )
        )

    def decorate(self, *, comment_id, author_id, revision: int, body_html: str) -> str:
        html = self.quotes_only(
            comment_id=comment_id, author_id=author_id, body_html=body_html
        )
        passage = self.page.passage
        if passage is not None and passage.source_comment_id == comment_id:
            html = mark_passage(html, passage)
        if not self.can_cite:
            return html
        source = f"c{comment_id}" if comment_id else f"p{self.page_post_id}"
        # Ids and numbers only after the escaped page address: nothing to escape.
        base = f"{self.cite_texts['url']}?citer={source}&amp;r={revision}"
        link_end = self.cite_texts["link_end"]

        def cite(match):
            start, end, attributes, inner = match.groups()
            return (
                f'<p data-range="{start}-{end}"{attributes}>{inner} '
                f'<a class="cite-link" href="{base}&amp;de={start}&amp;a={end}"'
                f"{link_end}</p>"
            )

        html = PARAGRAPH.sub(cite, html)
        return (
            f'<div class="quotable" data-cite="{source}" data-revision="{revision}" '
            f'data-cite-url="{self.cite_texts["url"]}" '
            f'data-cite-label="{self.cite_texts["selection"]}">{html}</div>'
        )

    @cached_property
    def cite_texts(self) -> dict[str, str]:
        """Translated and escaped once per page, not once per comment."""
        title = escape(gettext("Quote this paragraph in a reply"))
        label = escape(pgettext("action", "quote"))
        return {
            "url": escape(f"{self.post_url}commenter/"),
            # No rel="nofollow": only members see these links, robots never do.
            "link_end": f' title="{title}">{label}</a>',
            "selection": escape(pgettext("action", "Quote the selection")),
        }

    @cached_property
    def labels(self) -> dict[str, str]:
        return quote_labels()

    def passage_url(self, quote: Quote) -> str:
        """As Quote.get_passage_url, without a reverse() per quote when the
        passage is on this page's billet (the usual case)."""
        if quote.source_post_id == getattr(self.post, "pk", None):
            return quote.get_passage_url(post_url=self.post_url)
        return quote.get_passage_url()

    @cached_property
    def needed(self) -> bool:
        """Whether texts of this page need anything at all: "citer" links, a
        passage to mark or quotes to show."""
        return self.can_cite or self.page.passage is not None or bool(self.page.by_item)

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
    """Mark the passage on its source page: wrapped in <mark id="passage">
    when it lies in one paragraph whose HTML shows its words as written,
    else the paragraphs it covers are marked. Only paragraphs of the text
    itself are searched (quotes inside it have no data-range)."""
    if quote.status != QuoteStatus.CURRENT or quote.current_start is None:
        return html
    start, end = quote.current_start, quote.current_end
    needle = escape(quote.text.strip(), quote=False)
    first = True

    def paragraph(match):
        nonlocal first
        low, high = int(match.group(1)), int(match.group(2))
        if high <= start or low >= end:
            return match.group(0)
        attributes, inner = match.group(3), match.group(4)
        marker = ' id="passage"' if first else ""
        first = False
        position = inner.find(needle) if needle and low <= start < end <= high else -1
        if position >= 0 and inner.rfind("<", 0, position) <= inner.rfind(
            ">", 0, position
        ):
            stop = position + len(needle)
            return (
                f'<p data-range="{low}-{high}"{attributes}>{inner[:position]}'
                f'<mark{marker} class="passage">{inner[position:stop]}</mark>'
                f"{inner[stop:]}</p>"
            )
        return (
            f'<p data-range="{low}-{high}" class="passage"{marker}'
            f"{attributes}>{inner}</p>"
        )

    return PARAGRAPH.sub(paragraph, html)


def for_page(
    *,
    post,
    thread,
    viewer,
    passage_id,
    can_cite: bool,
    can_flag: bool,
    others=(),
    with_post: bool = True,
) -> Decorator:
    """What a billet or comment page uses to show its texts: one query when
    a text of the page holds a verified quote, one when a passage is marked.
    `others`: comments of the billet shown outside the thread (ancestors, the
    replied-to comment); `with_post`: the page shows the billet's text."""
    from causerie.quotes.selectors import page_quotes

    return Decorator(
        page=page_quotes(
            post=post,
            items=thread,
            passage_id=passage_id,
            others=others,
            with_post=with_post,
        ),
        post_url=post.get_absolute_url(),
        viewer_id=viewer.pk if viewer.is_authenticated else None,
        can_cite=can_cite and not post.community.is_suspended,
        can_flag=can_flag and not post.community.is_suspended,
        post=post,
    )


class FeedQuotes:
    """The quotes of the entries of one feed: one query for all of them
    (none when no entry holds a verified quote), then each entry's text
    with its quotes' status and reply (no links for one reader)."""

    def __init__(self, items):
        from causerie.quotes.selectors import quotes_of_items

        self.by_text = quotes_of_items(items=items)

    def html(self, item) -> str:
        from causerie.publishing.models import Comment

        is_comment = isinstance(item, Comment)
        post_id = item.post_id if is_comment else item.pk
        comment_id = item.pk if is_comment else None
        quotes = self.by_text.get((post_id, comment_id))
        if not quotes:
            return item.body_html
        # Neither "citer" nor flag links: the page address is not needed.
        decorator = Decorator(
            page=PageQuotes(by_item={(comment_id, q.position): q for q in quotes}),
            post_url="",
            viewer_id=None,
            can_cite=False,
            can_flag=False,
        )
        return decorator.quotes_only(
            comment_id=comment_id, author_id=item.author_id, body_html=item.body_html
        )
