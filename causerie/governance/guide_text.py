"""The participation guide as one Markdown text: an introduction, then one
"## Title" heading per rule followed by its explanation.

Founders and moderators edit the guide as this text (no JavaScript needed);
it is split into numbered rules when a version is published.
"""

import re

from django.utils.translation import gettext as _

RULE_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")


def parse_guide_text(text: str) -> tuple[str, list[tuple[str, str]]]:
    introduction: list[str] = []
    rules: list[tuple[str, list[str]]] = []
    in_code = False
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.lstrip().startswith("```"):
            in_code = not in_code
        heading = None if in_code else RULE_HEADING.match(line)
        if heading:
            rules.append((heading.group(1).strip(), []))
        elif rules:
            rules[-1][1].append(line)
        else:
            introduction.append(line)
    return "\n".join(introduction).strip(), [
        (title, "\n".join(body).strip()) for title, body in rules
    ]


def compose_guide_text(introduction: str, rules: list[tuple[str, str]]) -> str:
    parts = [introduction.strip()] if introduction.strip() else []
    for title, body in rules:
        parts.append(f"## {title}\n\n{body.strip()}".strip())
    return "\n\n".join(parts) + "\n"


def default_guide_text() -> str:
    """The template offered when founding a community, in the reader's language."""
    rules = [
        (
            _("Stay courteous"),
            _(
                "Criticise ideas, not people. No insults, mockery or "
                "insinuations about other members."
            ),
        ),
        (
            _("Stay on topic"),
            _(
                "Posts and comments concern the community's subject. Off-topic "
                "discussions go elsewhere."
            ),
        ),
        (
            _("Say why you write"),
            _(
                "Choose the right intent for each post. Promotion of your own "
                "work or paid content must say so."
            ),
        ),
        (
            _("Quote fairly"),
            _(
                "When you quote someone, quote enough for their meaning to stay "
                "intact, and link to the source."
            ),
        ),
        (
            _("No spam, nothing illegal"),
            _(
                "No advertising without context, no repeated messages, nothing that "
                "breaks the law or exposes someone's private life."
            ),
        ),
    ]
    introduction = _(
        "This guide is how we want to talk together. Joining the community means "
        "accepting it. Members can flag what breaks a rule; moderators decide, "
        "citing the rule, in a public log, and every decision can be appealed."
    )
    return compose_guide_text(introduction, rules)
