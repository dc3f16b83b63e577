"""What every part of the importer shares: the report, the error, reading
dump values, and bulk creation that keeps the dump's dates."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils.translation import gettext_lazy

from causerie.core.exceptions import InvalidRequest

BATCH_SIZE = 500
PLACEHOLDER_HANDLE = "anonyme"
SYSTEM_HANDLE = "import"
# Stack Exchange's own "Community" bot: not a person, its items go to the placeholder.
COMMUNITY_BOT_ID = -1
# Handles an imported user never gets: they name the placeholder and the system member.
RESERVED_HANDLES = {PLACEHOLDER_HANDLE, SYSTEM_HANDLE}
QUESTION, ANSWER = "1", "2"
VOTE_ACCEPTED, VOTE_UP, VOTE_DOWN, VOTE_FAVORITE = "1", "2", "3", "5"


class DumpError(InvalidRequest):
    code = "dump_error"
    message = gettext_lazy("The dump could not be read.")


@dataclass
class ImportReport:
    """What one run of `import_dump` did. `created` counts the rows this run
    created, by kind (a second run over the same dump reports zeros);
    `skipped` counts rows of the dump left out, by reason (votes on deleted
    posts, tag wiki posts, self-accepted answers...)."""

    community_id: int
    site: str
    created: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    # Rows read from each file (all rows, including those already imported).
    read: Counter = field(default_factory=Counter)
    placeholder_id: int | None = None


def _date(value: str | None) -> datetime | None:
    """Dump dates are UTC without a zone: "2014-01-21T20:26:05.383"."""
    if not value:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def _create(model, rows: list, dates: list[datetime]) -> None:
    """bulk_create keeping the dump's dates in created_at. Its auto_now_add
    would put the time of the import there: it is switched off for this one
    insert (commands and tasks run imports, never a request thread)."""
    for row, when in zip(rows, dates, strict=True):
        row.created_at = when
    created_at = model._meta.get_field("created_at")
    created_at.auto_now_add = False
    try:
        model.objects.bulk_create(rows)
    finally:
        created_at.auto_now_add = True
