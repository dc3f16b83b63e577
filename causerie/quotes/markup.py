"""Verified quote blocks in member-written Markdown.

TODO(quotes helper): recognise the quote blocks inserted by "citer", check
them against their source and render them; a block that does not match its
source is rendered as a plain quote.
"""

from causerie.core.markdown import render_markdown


def render(text: str, *, mention_handles: set[str] | None = None) -> str:
    """Member-written Markdown to sanitised HTML, verified quotes included."""
    return render_markdown(text, mention_handles=mention_handles)
