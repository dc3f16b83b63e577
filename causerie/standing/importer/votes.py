"""Votes.xml: acceptances become recognitions, up- and down-votes anonymous
per-day counts, favourites bookmarks. Resumed through ImportCheckpoint."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import date, datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from causerie.publishing.models import Bookmark, Comment
from causerie.recognition.models import Recognition
from causerie.standing.importer.base import (
    VOTE_ACCEPTED,
    VOTE_DOWN,
    VOTE_FAVORITE,
    VOTE_UP,
    DumpError,
    _create,
    _date,
    _int,
)
from causerie.standing.models import AnonymousVotes, ImportCheckpoint, ImportedItem


class VotesMixin:
    """Part of the importer (run._Importer) that reads Votes.xml."""

    def import_votes(self) -> None:
        name = "Votes.xml"
        checkpoint, _created = ImportCheckpoint.objects.get_or_create(
            community=self.community, site=self.site, file=name
        )
        last = checkpoint.last_source_id
        previous = -1
        for batch in self.batches(name):
            ids = [_int(r.get("Id")) or 0 for r in batch]
            if any(b <= a for a, b in itertools.pairwise([previous, *ids])):
                raise DumpError(
                    _("%(file)s is not sorted by Id: it cannot be resumed safely.")
                    % {"file": self.directory / name}
                )
            fresh = [r for r, i in zip(batch, ids, strict=True) if i > last]
            if fresh:
                self.import_vote_batch(fresh, checkpoint, ids[-1])
                last = checkpoint.last_source_id
            previous = ids[-1]

    @transaction.atomic
    def import_vote_batch(self, batch, checkpoint, last_id: int) -> None:
        post_ids = [_int(r.get("PostId")) for r in batch]
        questions = self.mapped(ImportedItem.Kind.QUESTION, post_ids)
        answers = self.mapped(ImportedItem.Kind.ANSWER, post_ids)
        answer_rows = {
            pk: (post_id, author_id)
            for pk, post_id, author_id in Comment.objects.filter(
                pk__in=[item.target_id for item in answers.values()]
            ).values_list("pk", "post_id", "author_id")
        }
        counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        acceptances: list[tuple[int, datetime]] = []
        favourites: list[tuple[int, int, datetime]] = []
        for row in batch:
            vote_type = row.get("VoteTypeId")
            source = _int(row.get("PostId"))
            when = _date(row.get("CreationDate")) or timezone.now()
            if source in questions:
                post_id, comment_id = questions[source].target_id, None
            elif source in answers:
                comment_id = answers[source].target_id
                post_id = answer_rows[comment_id][0]
            else:
                self.report.skipped["votes on posts not imported"] += 1
                continue
            if vote_type in (VOTE_UP, VOTE_DOWN):
                day: date = when.date()
                counts[(post_id, comment_id, day)][vote_type == VOTE_DOWN] += 1
            elif vote_type == VOTE_ACCEPTED and comment_id is not None:
                acceptances.append((source, when))
            elif (
                vote_type == VOTE_FAVORITE and comment_id is None and row.get("UserId")
            ):
                favourites.append((_int(row["UserId"]), post_id, when))
            else:
                self.report.skipped["other votes"] += 1
        self.add_anonymous_votes(counts)
        self.accept(acceptances, answers)
        self.bookmark(favourites)
        checkpoint.last_source_id = last_id
        checkpoint.save(update_fields=["last_source_id", "updated_at"])

    def add_anonymous_votes(self, counts: dict[tuple, list[int]]) -> None:
        if not counts:
            return
        post_ids = {
            post_id for post_id, comment_id, _day in counts if comment_id is None
        }
        comment_ids = {comment_id for _p, comment_id, _d in counts if comment_id}
        days = {day for _p, _c, day in counts}
        existing = {
            (row.post_id, row.comment_id, row.day): row
            for row in AnonymousVotes.objects.filter(day__in=days).filter(
                _post_or_comment(post_ids, comment_ids)
            )
        }
        to_create, to_update = [], []
        for key, (up, down) in counts.items():
            row = existing.get(key)
            if row is None:
                post_id, comment_id, day = key
                to_create.append(
                    AnonymousVotes(
                        post_id=post_id,
                        comment_id=comment_id,
                        day=day,
                        up=up,
                        down=down,
                    )
                )
            else:
                row.up += up
                row.down += down
                to_update.append(row)
        AnonymousVotes.objects.bulk_create(to_create)
        AnonymousVotes.objects.bulk_update(to_update, ["up", "down"])
        self.report.created["anonymous up-votes"] += sum(u for u, _d in counts.values())
        self.report.created["anonymous down-votes"] += sum(
            d for _u, d in counts.values()
        )

    def accept(self, acceptances: list[tuple[int, datetime]], answers) -> None:
        """A Recognition from the asker to the answerer for each acceptance
        vote on the answer its question (still) has accepted."""
        if not acceptances:
            return
        done = self.mapped(ImportedItem.Kind.ACCEPTANCE, [s for s, _w in acceptances])
        wanted = {}
        for source, when in acceptances:
            if source not in done:
                wanted.setdefault(answers[source].target_id, (source, when))
        self.recognise(wanted)

    def recognise(self, wanted: dict[int, tuple[int, datetime]]) -> None:
        """`wanted`: answer comment id -> (dump answer id, date)."""
        rows = Comment.objects.filter(pk__in=list(wanted)).values_list(
            "pk", "author_id", "post_id", "post__author_id", "post__accepted_comment_id"
        )
        recognitions, sources = [], []
        for pk, answerer, post_id, asker, accepted in rows:
            source, when = wanted[pk]
            if accepted != pk:
                self.report.skipped["acceptances no longer current"] += 1
                continue
            if answerer == asker or self.placeholder_id in (answerer, asker):
                # A self-answer is no recognition; a deleted account cannot give one.
                self.report.skipped["acceptances not a recognition"] += 1
                continue
            recognition = Recognition(
                community=self.community,
                recogniser_id=asker,
                author_id=answerer,
                post_id=post_id,
                comment_id=pk,
                kind=Recognition.Kind.ACCEPTED_ANSWER,
                given_at=when,
            )
            recognitions.append(recognition)
            sources.append(source)
        _create(Recognition, recognitions, [r.given_at for r in recognitions])
        self.remember(
            ImportedItem.Kind.ACCEPTANCE,
            [(s, r.pk) for s, r in zip(sources, recognitions, strict=True)],
        )

    def bookmark(self, favourites: list[tuple[int, int, datetime]]) -> None:
        if not favourites:
            return
        members = self.members([user for user, _p, _w in favourites])
        bookmarks = {}
        for user, post_id, when in favourites:
            member_id = members[user]
            if member_id != self.placeholder_id:
                bookmarks[(member_id, post_id)] = when
        existing = set(
            Bookmark.objects.filter(
                member_id__in={m for m, _p in bookmarks},
                post_id__in={p for _m, p in bookmarks},
            ).values_list("member_id", "post_id")
        )
        created = [
            Bookmark(member_id=m, post_id=p)
            for (m, p) in bookmarks
            if (m, p) not in existing
        ]
        _create(
            Bookmark, created, [bookmarks[(b.member_id, b.post_id)] for b in created]
        )
        self.report.created["bookmark"] += len(created)

    def accept_without_votes(self) -> None:
        """Accepted answers the dump has no acceptance vote for: dated by the
        answer (the vote may have gone with a vote purge)."""
        accepted = ImportedItem.objects.filter(
            community=self.community,
            site=self.site,
            kind=ImportedItem.Kind.QUESTION,
            accepted_source_id__isnull=False,
        ).exclude(
            accepted_source_id__in=ImportedItem.objects.filter(
                community=self.community,
                site=self.site,
                kind=ImportedItem.Kind.ACCEPTANCE,
            ).values("source_id")
        )
        sources = list(accepted.values_list("accepted_source_id", flat=True))
        for start in range(0, len(sources), self.batch_size):
            chunk = sources[start : start + self.batch_size]
            answers = self.mapped(ImportedItem.Kind.ANSWER, chunk)
            dates = dict(
                Comment.objects.filter(
                    pk__in=[item.target_id for item in answers.values()]
                ).values_list("pk", "created_at")
            )
            with transaction.atomic():
                self.recognise(
                    {
                        item.target_id: (source, dates[item.target_id])
                        for source, item in answers.items()
                        if item.target_id in dates
                    }
                )


def _post_or_comment(post_ids, comment_ids):
    return Q(comment__isnull=True, post_id__in=post_ids) | Q(comment_id__in=comment_ids)
