"""What member-written HTML may contain, checked with the standard library's
parser rather than with the sanitizer under test.

The allow-list is written out here on purpose: widening the one in
`causerie.core.markdown` must be a decision that also changes this file.
"""

import re
from html.parser import HTMLParser

SAFE_TAGS = {
    "p", "em", "strong", "a", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
    "br", "hr", "del", "s",
}  # fmt: skip
SAFE_ATTRIBUTES = {
    "a": {"href", "class", "rel"},
    "ol": {"start"},
    # Character offsets written by the renderer for "citer" (verified quotes).
    "p": {"data-range"},
}
DATA_RANGE = re.compile(r"^\d+-\d+$")
# nh3 keeps ammonia's generic attributes on every tag: harmless text values
# (a Markdown link title becomes title="…").
GENERIC_ATTRIBUTES = {"title", "lang"}
SAFE_SCHEMES = {"http", "https", "mailto"}
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see: it ignores ASCII whitespace and control
    characters inside the URL."""
    cleaned = "".join(character for character in url if character > " ").lower()
    match = SCHEME.match(cleaned)
    return match.group(1) if match else None


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in SAFE_TAGS:
            self.problems.append(f"tag <{tag}>")
        allowed = SAFE_ATTRIBUTES.get(tag, set()) | GENERIC_ATTRIBUTES
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name == "data-range" and not DATA_RANGE.match(value or ""):
                self.problems.append(f"data-range {value!r}")
            if name == "href":
                self.hrefs.append(value or "")
                scheme = url_scheme(value or "")
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    self.problems.append(f"href scheme {scheme}: in {value!r}")
                if "javascript:" in (value or "").lower():
                    self.problems.append(f"javascript: in href {value!r}")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data):
        self.problems.append("comment")

    def handle_decl(self, decl):
        self.problems.append(f"declaration {decl!r}")

    def handle_pi(self, data):
        self.problems.append(f"processing instruction {data!r}")

    def unknown_decl(self, data):
        self.problems.append(f"declaration {data!r}")


def html_problems(html: str) -> list[str]:
    """Everything in sanitised member HTML that the allow-list does not permit."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.problems


def hrefs(html: str) -> list[str]:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.hrefs


class _PageChecker(HTMLParser):
    """A whole page: only the site's own scripts, no inline handlers, no
    script-capable URLs, no embedded content."""

    FORBIDDEN_TAGS = {
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "img",
        "style",
        "base",
    }
    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.FORBIDDEN_TAGS:
            self.problems.append(f"tag <{tag}>")
        if tag == "script" and not (attributes.get("src") or "").startswith("/static/"):
            self.problems.append("inline or foreign script")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc"}:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name in self.URL_ATTRIBUTES:
                scheme = url_scheme(value or "")
                if scheme is not None and scheme not in SAFE_SCHEMES:
                    self.problems.append(f"{name} scheme {scheme}: on <{tag}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def page_problems(html: str) -> list[str]:
    checker = _PageChecker()
    checker.feed(html)
    checker.close()
    return checker.problems
