"""Markdown to safe HTML, rendered once when text is written (never on read).

markdown-it-py with raw HTML disabled, then an nh3 allow-list: no images
(remote images leak readers' addresses), no svg or math, links limited to
http, https and mailto with rel="nofollow ugc noopener".

Each rendered paragraph carries `data-range="start-end"`: its character
offsets in the source text as `source_text` normalises it, so that "citer"
can quote a paragraph exactly (docs/quotes.md). A quote block inserted by
"citer" (a marker line `[citation:…]` then `>` lines) is handed to the
`quote_block` callback of the render, when one is given.
"""

import re
import secrets

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

ALLOWED_TAGS = {
    "p", "em", "strong", "a", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
    "br", "hr", "del", "s",
}  # fmt: skip
# No style attributes: the CSP forbids inline styles anyway.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "class"},
    "ol": {"start"},
    # Written only by _paragraph_ranges_rule: raw HTML is disabled.
    "p": {"data-range"},
}
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


NEWLINES = re.compile(r"\r\n?")
QUOTE_MARKER = re.compile(
    r"\[citation:([pc])(\d{1,12})/r(\d{1,9})/(\d{1,9})-(\d{1,9})\]"
)
BLOCKQUOTE_PREFIX = re.compile(r"^ {0,3}> ?")


def source_text(text: str) -> str:
    """The text as the parser sees it (line ends normalised, NUL replaced):
    character ranges are counted in it."""
    return NEWLINES.sub("\n", text).replace("\x00", "\ufffd")


def _line_starts(source: str) -> list[int]:
    starts = [0]
    for index, character in enumerate(source):
        if character == "\n":
            starts.append(index + 1)
    starts.append(len(source) + 1)
    return starts


def _paragraph_ranges_rule(state) -> None:
    """`data-range` on paragraphs: from the first character of the paragraph's
    text to the end of its last line, trailing spaces left out."""
    if state.env.get("no_ranges"):
        return
    source = state.src
    starts = None
    tokens = state.tokens
    for index, token in enumerate(tokens):
        # Top-level paragraphs only: inside a quote or a list item the lines
        # carry "> " or indentation that a quote of them would repeat.
        if (
            token.type != "paragraph_open"
            or not token.map
            or token.hidden
            or token.level != 0
        ):
            continue
        if starts is None:
            starts = _line_starts(source)
        first, last = token.map
        line_start, line_end = starts[first], starts[first + 1] - 1
        inline = tokens[index + 1] if index + 1 < len(tokens) else None
        start = line_start
        if inline is not None and inline.type == "inline" and inline.content:
            first_line = inline.content.split("\n", 1)[0]
            found = source.find(first_line, line_start, line_end)
            if found >= 0:
                start = found
        end = starts[last] - 1
        while end > start and source[end - 1] in " \t\n":
            end -= 1
        if end > start:
            token.attrSet("data-range", f"{start}-{end}")


def _quote_blocks_rule(state) -> None:
    """A marker paragraph followed by a blockquote: the callback
    `env["quote_block"](match, quoted_text, position)` returns the HTML of a
    verified quote (placed after sanitising, see render_markdown) or None
    (the blockquote stays a plain quote). The marker never shows."""
    callback = state.env.get("quote_block")
    tokens = state.tokens
    index, position, result = 0, 0, []
    while index < len(tokens):
        token = tokens[index]
        match = None
        if (
            token.type == "paragraph_open"
            and token.level == 0
            and index + 3 < len(tokens)
            and tokens[index + 3].type == "blockquote_open"
            and token.map
            and tokens[index + 3].map
            and tokens[index + 3].map[0] == token.map[1]
        ):
            match = QUOTE_MARKER.fullmatch(tokens[index + 1].content.strip())
        if match is None:
            result.append(token)
            index += 1
            continue
        close = index + 4
        while not (
            tokens[close].type == "blockquote_close" and tokens[close].level == 0
        ):
            close += 1
        if "lines" not in state.env:
            state.env["lines"] = state.src.split("\n")
        lines = state.env["lines"][slice(*tokens[index + 3].map)]
        quoted = "\n".join(BLOCKQUOTE_PREFIX.sub("", line) for line in lines)
        html = callback(match, quoted, position) if callback else None
        if html is None:
            result.extend(tokens[index + 3 : close + 1])
        else:
            slot = Token("html_block", "", 0)
            slot.content = f"{state.env['slot_prefix']}{position}\n"
            state.env.setdefault("slots", {})[slot.content.strip()] = html
            result.append(slot)
            position += 1
        index = close + 1
    state.tokens = result


_parser = MarkdownIt(
    "js-default", {"html": False, "linkify": False, "typographer": False}
)
_parser.disable("image")
_parser.core.ruler.push("mentions", _mentions_rule)
_parser.core.ruler.push("quote_blocks", _quote_blocks_rule)
_parser.core.ruler.push("paragraph_ranges", _paragraph_ranges_rule)


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )


def render_markdown(
    text: str,
    *,
    mention_handles: set[str] | None = None,
    quote_block=None,
    ranges: bool = False,
) -> str:
    """Render member-written Markdown to sanitised HTML. `quote_block`: see
        _quote_blocks_rule; the HTML it returns is trusted and put in place after
        sanitising. `ranges`: paragraphs get data-range (billets and comments,
    through quotes.markup.render)."""
    env = {
        "mention_handles": mention_handles or set(),
        "quote_block": quote_block,
        "no_ranges": not ranges,
        # A fresh random prefix: text typed by a member can never match it.
        "slot_prefix": f"quoteslot{secrets.token_hex(8)}x",
    }
    html = sanitize(_parser.render(text, env))
    for slot, quote_html in env.get("slots", {}).items():
        html = html.replace(slot, quote_html, 1)
    return html


def extract_mentions(text: str) -> set[str]:
    return {match.group(1).lower() for match in MENTION_PATTERN.finditer(text)}
