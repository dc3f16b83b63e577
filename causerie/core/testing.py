"""Builders for tests and benchmarks: real rows made through the real services."""

import os
import threading
from pathlib import Path

from allauth.account.models import EmailAddress
from django.db import connections

from causerie.accounts.models import User
from causerie.communities import services as community_services
from causerie.communities.models import Community
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment, Intent, Post

PASSWORD = "correct horse battery staple"


def make_member(
    handle: str, *, password: str = PASSWORD, trust_level: int = 1, **fields
) -> User:
    """A member with a verified email address, able to log in. Trust level 1 by
    default: past the new-member limits, which have tests of their own."""
    member = User.objects.create_user(
        handle,
        f"{handle}@example.org",
        password,
        display_name=handle.title(),
        trust_level=trust_level,
        **fields,
    )
    EmailAddress.objects.create(
        user=member, email=member.email, verified=True, primary=True
    )
    return member


def make_community(
    *,
    founder: User,
    slug: str = "brassage",
    name: str = "Brassage",
    tags=(),
    guide: str | None = None,
) -> Community:
    community = community_services.found_community(
        actor=founder,
        name=name,
        slug=slug,
        description="Une communauté **de test**.",
        language="fr",
        guide=guide,
    )
    for tag in tags:
        community_services.create_tag(
            actor=founder, community=community, name=tag, description=""
        )
    return community


def make_post(
    *,
    community: Community,
    author: User,
    title: str = "Premier billet",
    body: str = "Bonjour *tout le monde*.",
    intent: str = Intent.INFORMATION,
    tags=(),
    **extra,
) -> Post:
    community_services.join_community(
        actor=author,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    return publishing_services.publish_post(
        actor=author,
        community=community,
        title=title,
        body=body,
        intent=intent,
        tags=tags,
        **extra,
    )


def make_comment(
    *, post: Post, author: User, body: str = "Merci !", parent: Comment | None = None
) -> Comment:
    community_services.join_community(
        actor=author,
        community=post.community,
        accepted_guide_version=post.community.guide_version_number,
    )
    return publishing_services.post_comment(
        actor=author, post=post, parent=parent, body=body
    )


def run_together(functions):
    """Start every function at the same moment, each in its own thread and
    database connection (races are tested on PostgreSQL); return what each
    returned or raised."""
    barrier = threading.Barrier(len(functions))
    results = [None] * len(functions)

    def run(index, function):
        try:
            barrier.wait()
            results[index] = function()
        except Exception as error:  # collected for the caller's assertions
            results[index] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(index, function))
        for index, function in enumerate(functions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def join(member, community):
    """`member` joins `community`, accepting its current guide; returns the member."""
    community_services.join_community(
        actor=member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    return member


def _corpus_lines(path: Path) -> list[str]:
    # Split on "\n" only: some strings hold \x0b, \x0c, \x85 or \u2028 on purpose,
    # which str.splitlines() would cut. xss_alert.txt has CRLF line endings.
    return [line.removesuffix("\r") for line in path.read_text("utf-8").split("\n")]


def load_hostile_strings() -> list[tuple[str, str]]:
    """(source, string) for every entry of blns.txt and of hostile/xss/*.txt
    under CAUSERIE_SHARED_DATA, each string once. Skips the test when the
    corpora are absent, fails it under CI=true."""
    import pytest
    from django.conf import settings

    base = Path(settings.CAUSERIE_SHARED_DATA) / "hostile"
    blns = base / "blns.txt"
    xss = sorted((base / "xss").glob("*.txt"))
    if not blns.is_file() or not xss:
        message = f"hostile corpora not found under {base}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    entries = [
        ("blns.txt", line)
        for line in _corpus_lines(blns)
        if line and not line.startswith("#")
    ]
    for path in xss:
        entries.extend(
            (f"xss/{path.name}", line) for line in _corpus_lines(path) if line
        )
    unique: dict[str, str] = {}
    for source, text in entries:
        unique.setdefault(text, source)
    return [(source, text) for text, source in unique.items()]


def hostile_report(failures: list[str]) -> str:
    """The assertion message of a corpus test: how many failed, the first ones."""
    shown = "\n".join(failures[:20])
    return f"{len(failures)} strings failed, the first ones:\n{shown}"


def raw_form(**fields: str) -> bytes:
    """A urlencoded body whose values may hold lone surrogates, encoded the way
    a broken client would send them (bytes that are not valid UTF-8)."""
    from urllib.parse import quote

    return "&".join(
        f"{name}={quote(value.encode('utf-8', 'surrogatepass'))}"
        for name, value in fields.items()
    ).encode("ascii")
