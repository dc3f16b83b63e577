"""Import a Stack Exchange site dump into a community (docs/import.md).

The dump is read row by row (ElementTree.iterparse, each row cleared once
read), written in batches, one transaction per batch, with a mapping of the
dump's ids to ours (standing.ImportedItem): a second run creates nothing, and a
run stopped half-way resumes where it stopped.

Rows are written with bulk_create rather than through publishing.services:
the services emit PostPublished/CommentPosted, which notify followers and
mentioned members, and an import must notify nobody; they also check
membership, rate limits and the new-member rules that do not apply to content
written years ago elsewhere. What the services would also do is done here at
the end, once: counters, revision 1 of each text, the search index.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from causerie.accounts.models import User
from causerie.communities.models import Community
from causerie.standing.importer.base import (
    BATCH_SIZE,
    SYSTEM_HANDLE,
    DumpError,
    ImportReport,
)
from causerie.standing.importer.run import _Importer
from causerie.standing.importer.text import (
    ATTRIBUTION_MARK,
    html_to_markdown,
    strip_attribution,
)

__all__ = [
    "ATTRIBUTION_MARK",
    "BATCH_SIZE",
    "DumpError",
    "ImportReport",
    "html_to_markdown",
    "import_dump",
    "site_of",
    "strip_attribution",
]

_SITE_PATTERN = re.compile(r"^([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org))")


def import_dump(
    dump_dir: str | Path,
    *,
    community_slug: str,
    progress: Callable[[str, int], None] | None = None,
    stdout: TextIO | None = None,
    site: str | None = None,
    community_name: str | None = None,
    language: str = "en",
    founder: User | None = None,
    batch_size: int = BATCH_SIZE,
    update_search_index: bool = True,
) -> ImportReport:
    """Import a Stack Exchange site dump (a folder with Posts.xml and, when
    present, Users.xml, Tags.xml, Comments.xml, Votes.xml; PostHistory.xml is
    not needed: Posts.xml holds the current texts and their last edit date)
    into the community `community_slug`. A missing community is founded by
    `founder`, else the first active superuser, else the "import" system
    member (who cannot log in), through communities.services.found_community.
    `site` (e.g. "beer.stackexchange.com") names the source in links and in
    the id mapping; it defaults to the folder's name up to its ".com".

    Idempotent and resumable: the mapping of dump ids to ours
    (standing.ImportedItem, ImportCheckpoint for votes) makes a second run
    create nothing and an interrupted run continue where it stopped.

    Mapping: users -> imported members (display name kept, no email, an
    unusable password, a unique handle derived from the name); user -1 and
    deleted users -> the placeholder member "anonyme"; tags -> community
    tags; questions -> billets (is_question, intent information); answers ->
    top-level comments; comments -> replies (top-level on a question, under
    the answer on an answer); the accepted answer -> post.accepted_comment
    and a Recognition(kind ACCEPTED_ANSWER) from the asker to the answerer,
    dated by the acceptance vote (VoteTypeId 1; the answer's date when the
    dump has no such vote), none when the asker answered themselves or
    either is the placeholder; up/down votes (2/3) -> AnonymousVotes per item
    per day; favourites (5) -> the member's bookmarks. Original dates are
    kept. Bodies (HTML) become Markdown (markdownify) rendered through the
    project's Markdown and nh3 pipeline, never trusted as HTML; each body
    ends with an attribution line (CC BY-SA, link to the original and to the
    author), written in the community's language.

    `progress(file_name, rows_read)` is called after each batch is committed
    (an exception it raises stops the import; the next run resumes);
    `stdout` gets a counter line per file. Raises DumpError naming the file
    and line on malformed XML or a missing Posts.xml; the batch being read
    is not written. Emits no events: imported content notifies nobody. The
    search index is brought up to date at the end (search.services.index_missing).
    """
    directory = Path(dump_dir)
    if not (directory / "Posts.xml").is_file():
        raise DumpError(
            _("No Posts.xml in %(folder)s: is it a Stack Exchange dump?")
            % {"folder": directory}
        )
    importer = _Importer(
        directory=directory,
        community=_community(
            slug=community_slug,
            name=community_name,
            site=site or site_of(directory),
            language=language,
            founder=founder,
        ),
        site=site or site_of(directory),
        progress=progress,
        stdout=stdout,
        batch_size=batch_size,
    )
    importer.run()
    if update_search_index:
        from causerie.search import services as search_services

        search_services.index_missing()
    return importer.report


def site_of(directory: Path) -> str:
    """The site a dump folder comes from: "beer.stackexchange.com-2020-06" ->
    "beer.stackexchange.com"."""
    name = directory.resolve().name.lower()
    match = _SITE_PATTERN.match(name)
    return match.group(1) if match else name


def _community(
    *, slug: str, name: str | None, site: str, language: str, founder: User | None
) -> Community:
    community = Community.objects.filter(slug=slug).first()
    if community is not None:
        return community
    from causerie.communities import services as community_services

    if founder is None:
        founder = (
            User.objects.filter(is_superuser=True, is_active=True)
            .order_by("pk")
            .first()
            or _system_member()
        )
    with translation.override(language):
        description = _(
            "Questions and answers imported from %(site)s (Stack Exchange), "
            "under the CC BY-SA licence: each one links to its original and its author."
        ) % {"site": site}
    return community_services.found_community(
        actor=founder,
        name=(name or site)[:80],
        slug=slug,
        description=description,
        language=language if language in dict(settings.LANGUAGES) else "en",
    )


def _system_member() -> User:
    member = User.objects.filter(handle=SYSTEM_HANDLE).first()
    if member is None:
        from causerie.accounts import services as account_services

        member = account_services.create_imported_member(
            handle=SYSTEM_HANDLE, display_name="Import"
        )
    return member


def _system_member() -> User:
    member = User.objects.filter(handle=SYSTEM_HANDLE).first()
    if member is None:
        from causerie.accounts import services as account_services

        member = account_services.create_imported_member(
            handle=SYSTEM_HANDLE, display_name="Import"
        )
    return member
