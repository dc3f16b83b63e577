"""Text of imported items: Stack Exchange HTML to Markdown, and the CC BY-SA
attribution line that ends every imported text (docs/import.md)."""

from __future__ import annotations

import re

from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from markdownify import MarkdownConverter

from causerie.standing.models import ImportedItem

DEFAULT_LICENCE = "CC BY-SA 3.0"  # the dumps' licence before per-post ContentLicense
LICENCE_URLS = {
    "CC BY-SA 2.5": "https://creativecommons.org/licenses/by-sa/2.5/",
    "CC BY-SA 3.0": "https://creativecommons.org/licenses/by-sa/3.0/",
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
}
# Separates an imported text from its attribution line (a Markdown rule).
ATTRIBUTION_MARK = "\n\n* * *\n\n"


def strip_attribution(text: str) -> str:
    """An imported text without its licence line (for text similarity: the
    line is the same on every imported text)."""
    return text.split(ATTRIBUTION_MARK, 1)[0]


class _Converter(MarkdownConverter):
    """Stack Exchange HTML to Markdown. Images become links: billets show no
    remote images (they leak readers' addresses)."""

    def __init__(self, *, site: str = "", **options):
        super().__init__(**options)
        self.site = site

    def convert_a(self, el, text, parent_tags):
        """Links to http(s) and mailto only; the site's relative links made
        absolute; any other scheme (javascript:, data:...) keeps its text only."""
        href = (el.attrs.get("href") or "").strip()
        if href.startswith("/") and not href.startswith("//") and self.site:
            el.attrs["href"] = f"https://{self.site}{href}"
        elif not href.lower().startswith(("http://", "https://", "mailto:")):
            return text
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):
        source = el.attrs.get("src") or ""
        if not source.startswith(("http://", "https://")):
            return el.attrs.get("alt") or ""
        label = (el.attrs.get("alt") or "").strip() or _("image")
        return f"[{self.escape(label, parent_tags)}]({source})"


def html_to_markdown(html: str, *, site: str = "") -> str:
    """Markdown for a dump's HTML body. The result is then rendered like
    anything a member writes (raw HTML off, nh3 allow-list)."""
    converter = _Converter(site=site, heading_style="ATX", bullets="-")
    return converter.convert(html or "").strip()


def _link(url: str, label: str) -> str:
    return format_html('<a href="{}" rel="nofollow ugc noopener">{}</a>', url, label)


def _escape_label(text: str) -> str:
    return re.sub(r"([\\\[\]*_`<>])", r"\\\1", text)


def attribution(
    *, site: str, kind: str, url: str, name: str, author_url: str | None, licence: str
) -> tuple[str, str]:
    """The licence line ending every imported text, as Markdown (appended
    to the text after ATTRIBUTION_MARK) and as the HTML that Markdown
    gives (built here: rendering three links per text doubled the import
    time). CC BY-SA asks for the author, a link to the original and the
    licence."""
    licence_url = LICENCE_URLS.get(licence)
    name = name or _("a deleted account")
    markdown = {
        "source": f"[{site}]({url})",
        "author": f"[{_escape_label(name)}]({author_url})"
        if author_url
        else _escape_label(name),
        "licence": f"[{licence}]({licence_url})" if licence_url else licence,
    }
    html = {
        "source": _link(url, site),
        "author": _link(author_url, name) if author_url else escape(name),
        "licence": _link(licence_url, licence) if licence_url else escape(licence),
    }
    if kind == ImportedItem.Kind.QUESTION:
        line = _(
            "Question imported from %(source)s, by %(author)s, "
            "under licence %(licence)s."
        )
    elif kind == ImportedItem.Kind.ANSWER:
        line = _(
            "Answer imported from %(source)s, by %(author)s, under licence %(licence)s."
        )
    else:
        line = _(
            "Comment imported from %(source)s, by %(author)s, "
            "under licence %(licence)s."
        )
    return (
        f"{ATTRIBUTION_MARK}*{line % markdown}*",
        f"<hr>\n<p><em>{escape(line) % html}</em></p>\n",
    )
