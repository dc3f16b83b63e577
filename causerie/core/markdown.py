"""Markdown to safe HTML, rendered once when text is written (never on read).

markdown-it-py with raw HTML disabled, then an nh3 allow-list: no images
(remote images leak readers' addresses), no svg or math, links limited to
http, https and mailto with rel="nofollow ugc noopener".
"""

import re

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = {
    "p", "em", "strong", "a", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
    "br", "hr", "del", "s",
}  # fmt: skip
# No style attributes: the CSP forbids inline styles anyway.
ALLOWED_ATTRIBUTES = {"a": {"href", "class"}, "ol": {"start"}}
MENTION_PATTERN = re.compile(r"(?<![\w@/.])@([a-z0-9_]{2,30})\b", re.IGNORECASE)


def _mentions_rule(state) -> None:
    """Turn @handle into a profile link when the handle is a known member."""
    handles = state.env.get("mention_handles") or set()
    if not handles:
        return
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        inside_link = 0
        for token in block.children:
            if token.type == "link_open":
                inside_link += 1
            elif token.type == "link_close":
                inside_link -= 1
            if token.type != "text" or inside_link or "@" not in token.content:
                children.append(token)
                continue
            position = 0
            for match in MENTION_PATTERN.finditer(token.content):
                handle = match.group(1).lower()
                if handle not in handles:
                    continue
                if match.start() > position:
                    text = Token("text", "", 0)
                    text.content = token.content[position : match.start()]
                    children.append(text)
                link_open = Token("link_open", "a", 1)
                link_open.attrs = {"href": f"/@{handle}/", "class": "mention"}
                label = Token("text", "", 0)
                label.content = match.group(0)
                children.extend([link_open, label, Token("link_close", "a", -1)])
                position = match.end()
            if position < len(token.content):
                rest = Token("text", "", 0)
                rest.content = token.content[position:]
                children.append(rest)
        block.children = children


_parser = MarkdownIt(
    "js-default", {"html": False, "linkify": False, "typographer": False}
)
_parser.disable("image")
_parser.core.ruler.push("mentions", _mentions_rule)


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )


def render_markdown(text: str, *, mention_handles: set[str] | None = None) -> str:
    """Render member-written Markdown to sanitised HTML."""
    return sanitize(_parser.render(text, {"mention_handles": mention_handles or set()}))


def extract_mentions(text: str) -> set[str]:
    return {match.group(1).lower() for match in MENTION_PATTERN.finditer(text)}
