"""The import itself: reads each file in batches and writes each batch in
one transaction, mapping dump ids to ours through ImportedItem."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from datetime import datetime

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from causerie.accounts.models import User, folded_profile
from causerie.communities.models import Community, Membership, Tag
from causerie.core.markdown import render_markdown
from causerie.publishing.models import (
    Comment,
    CommentRevision,
    Intent,
    Post,
    PostRevision,
)
from causerie.standing.importer.base import (
    ANSWER,
    COMMUNITY_BOT_ID,
    PLACEHOLDER_HANDLE,
    QUESTION,
    RESERVED_HANDLES,
    DumpError,
    ImportReport,
    _create,
    _date,
    _int,
)
from causerie.standing.importer.text import (
    DEFAULT_LICENCE,
    attribution,
    html_to_markdown,
)
from causerie.standing.importer.votes import VotesMixin
from causerie.standing.models import ImportedItem

_TAGS_PATTERN = re.compile(r"<([^<>]+)>|\|([^|]+)")


class _Importer(VotesMixin):
    def __init__(self, *, directory, community, site, progress, stdout, batch_size):
        self.directory = directory
        self.community = community
        self.site = site
        self.progress = progress
        self.stdout = stdout
        self.batch_size = batch_size
        self.report = ImportReport(community_id=community.pk, site=site)
        self.tags: dict[str, Tag] = {}
        self.placeholder_id: int = 0
        self.author_names: dict[int, str] = {}

    # Reading

    def rows(self, name: str) -> Iterator[dict]:
        """The rows of one file as attribute dicts, in constant memory. A
        parse error becomes a DumpError naming the file and the line."""
        path = self.directory / name
        try:
            context = ElementTree.iterparse(path, events=("start", "end"))
            root = None
            for event, element in context:
                if event == "start":
                    if root is None:
                        root = element
                    continue
                if element.tag != "row":
                    continue
                row = dict(element.attrib)
                element.clear()
                root.clear()  # drop the reference the root keeps to each row
                self.report.read[name] += 1
                yield row
        except ElementTree.ParseError as error:
            line, column = error.position
            raise DumpError(
                _(
                    "%(file)s is not well-formed XML at line %(line)s, column "
                    "%(column)s: %(error)s. Nothing from the batch being read was "
                    "written; fix the file and run the import again to resume."
                )
                % {
                    "file": path,
                    "line": line,
                    "column": column,
                    "error": str(error).split(":")[0],
                }
            ) from None
        except OSError as error:
            raise DumpError(
                _("%(file)s could not be read: %(error)s")
                % {"file": path, "error": error.strerror or error}
            ) from None

    def batches(self, name: str, keep: Callable[[dict], bool] | None = None):
        if not (self.directory / name).is_file():
            return
        batch = []
        for row in self.rows(name):
            if keep is not None and not keep(row):
                continue
            batch.append(row)
            if len(batch) >= self.batch_size:
                yield batch
                batch = []
                self.tick(name)
        if batch:
            yield batch
        self.tick(name, done=True)

    def tick(self, name: str, *, done: bool = False) -> None:
        count = self.report.read[name]
        # A counter rewritten in place on a terminal; one line per file in logs.
        interactive = self.stdout is not None and self.stdout.isatty()
        if self.stdout is not None and (done or interactive):
            end = "\n" if done else "\r"
            self.stdout.write(
                _("%(file)s: %(count)s rows read") % {"file": name, "count": count}
                + end
            )
            self.stdout.flush()
        if self.progress is not None:
            self.progress(name, count)

    # Mapping

    def mapped(self, kind: str, source_ids) -> dict[int, ImportedItem]:
        ids = {i for i in source_ids if i is not None}
        if not ids:
            return {}
        return {
            item.source_id: item
            for item in ImportedItem.objects.filter(
                community=self.community,
                site=self.site,
                kind=kind,
                source_id__in=ids,
            )
        }

    def remember(self, kind: str, pairs, accepted=None) -> None:
        accepted = accepted or {}
        ImportedItem.objects.bulk_create(
            [
                ImportedItem(
                    community=self.community,
                    site=self.site,
                    kind=kind,
                    source_id=source_id,
                    target_id=target_id,
                    accepted_source_id=accepted.get(source_id),
                )
                for source_id, target_id in pairs
            ]
        )
        if kind != ImportedItem.Kind.TAG:  # tags are counted when created
            self.report.created[kind] += len(pairs)

    def members(self, source_ids) -> dict[int, int]:
        """Our member id for each dump user id; the placeholder for the rest."""
        found = {
            source: item.target_id
            for source, item in self.mapped(
                ImportedItem.Kind.MEMBER, set(source_ids) - {COMMUNITY_BOT_ID}
            ).items()
        }
        return {s: found.get(s, self.placeholder_id) for s in source_ids}

    # The run

    def run(self) -> None:
        with translation.override(self.community.language):
            self.placeholder_id = self.placeholder()
            self.report.placeholder_id = self.placeholder_id
            self.load_tags()
            for batch in self.batches("Tags.xml"):
                self.import_tags(batch)
            for batch in self.batches("Users.xml"):
                self.import_users(batch)
            for batch in self.batches(
                "Posts.xml", keep=lambda row: self.keep_post(row, QUESTION)
            ):
                self.import_questions(batch)
            for batch in self.batches(
                "Posts.xml", keep=lambda row: self.keep_post(row, ANSWER)
            ):
                self.import_answers(batch)
            for batch in self.batches("Comments.xml"):
                self.import_comments(batch)
            self.import_votes()
            self.accept_without_votes()
            self.recount()

    def keep_post(self, row: dict, kind: str) -> bool:
        post_type = row.get("PostTypeId")
        if post_type not in (QUESTION, ANSWER) and kind == QUESTION:
            self.report.skipped["other post types"] += 1
        return post_type == kind

    def placeholder(self) -> int:
        item = self.mapped(ImportedItem.Kind.MEMBER, [COMMUNITY_BOT_ID]).get(
            COMMUNITY_BOT_ID
        )
        if item is not None:
            return item.target_id
        # Shared by every import: an imported account (no email) named "anonyme".
        member = User.objects.filter(handle=PLACEHOLDER_HANDLE, email=None).first()
        with transaction.atomic():
            if member is None:
                handle = self.free_handles([PLACEHOLDER_HANDLE], reserved=False)[0]
                member = User(
                    handle=handle,
                    display_name=PLACEHOLDER_HANDLE,
                    email=None,
                    password=make_password(None),
                )
                member.save()
            Membership.objects.bulk_create(
                [Membership(community=self.community, member=member)],
                ignore_conflicts=True,
            )
            self.remember(ImportedItem.Kind.MEMBER, [(COMMUNITY_BOT_ID, member.pk)])
        return member.pk

    def load_tags(self) -> None:
        self.tags = {
            tag.name.lower(): tag
            for tag in Tag.objects.filter(community=self.community)
        }

    def tag_for(self, name: str) -> Tag | None:
        """The community tag of this name, created when missing (in the
        caller's transaction)."""
        name = name.strip()[:40]
        key = name.lower()
        if not key:
            return None
        if key not in self.tags:
            slug = slugify(name)[:50] or f"tag-{len(self.tags) + 1}"
            tag = Tag.objects.filter(community=self.community, slug=slug).first()
            if tag is None:
                tag = Tag.objects.create(community=self.community, name=name, slug=slug)
                self.report.created["tag"] += 1
            self.tags[key] = tag
        return self.tags[key]

    @transaction.atomic
    def import_tags(self, batch: list[dict]) -> None:
        known = self.mapped(ImportedItem.Kind.TAG, [_int(r.get("Id")) for r in batch])
        pairs = []
        for row in batch:
            source_id = _int(row.get("Id"))
            if source_id is None or source_id in known or not row.get("TagName"):
                continue
            tag = self.tag_for(row["TagName"])
            if tag is not None:
                pairs.append((source_id, tag.pk))
        self.remember(ImportedItem.Kind.TAG, pairs)

    def free_handles(self, bases: list[str], *, reserved: bool = True) -> list[str]:
        """A unique handle for each base, in order: the base itself, else the
        base with a number. Candidates are checked against the database until
        none is taken (a few queries per batch)."""
        taken = set(RESERVED_HANDLES) if reserved else set()
        while True:
            chosen, used = [], set()
            for base in bases:
                handle, number = base, 1
                while handle in taken or handle in used:
                    number += 1
                    suffix = f"_{number}"
                    handle = base[: 30 - len(suffix)] + suffix
                used.add(handle)
                chosen.append(handle)
            clashes = set(
                User.objects.filter(handle__in=used).values_list("handle", flat=True)
            )
            if not clashes:
                return chosen
            taken |= clashes

    @staticmethod
    def handle_base(display_name: str, source_id: int) -> str:
        base = slugify(display_name).replace("-", "_")
        base = re.sub(r"[^a-z0-9_]", "", base).strip("_")[:24]
        return base if len(base) >= 2 else f"membre_{source_id}"

    @transaction.atomic
    def import_users(self, batch: list[dict]) -> None:
        ids = [_int(r.get("Id")) for r in batch]
        known = self.mapped(ImportedItem.Kind.MEMBER, ids)
        rows = []
        for row in batch:
            source_id = _int(row.get("Id"))
            if source_id is None or source_id == COMMUNITY_BOT_ID:
                self.report.skipped["community bot"] += 1
                continue
            if source_id not in known:
                rows.append((source_id, row))
        if not rows:
            return
        handles = self.free_handles(
            [
                self.handle_base(row.get("DisplayName") or "", source_id)
                for source_id, row in rows
            ]
        )
        now = timezone.now()
        members = [
            User(
                handle=handle,
                display_name=(name := (row.get("DisplayName") or "").strip()[:80]),
                search_folded=folded_profile(handle=handle, display_name=name, bio=""),
                email=None,
                # An unusable password: imported members cannot log in.
                password=make_password(None),
                date_joined=_date(row.get("CreationDate")) or now,
            )
            for handle, (_source, row) in zip(handles, rows, strict=True)
        ]
        User.objects.bulk_create(members)
        _create(
            Membership,
            [Membership(community=self.community, member=m) for m in members],
            [m.date_joined for m in members],
        )
        self.remember(
            ImportedItem.Kind.MEMBER,
            [
                (source_id, member.pk)
                for (source_id, _row), member in zip(rows, members, strict=True)
            ],
        )

    def attribution(
        self, *, kind: str, url: str, row: dict, owner: int | None
    ) -> tuple[str, str]:
        name = (
            row.get("OwnerDisplayName")
            or row.get("UserDisplayName")
            or ("" if owner is None else self.author_names.get(owner, ""))
        )
        has_profile = owner is not None and owner != COMMUNITY_BOT_ID and bool(name)
        return attribution(
            site=self.site,
            kind=kind,
            url=url,
            name=name,
            author_url=f"https://{self.site}/users/{owner}" if has_profile else None,
            licence=(row.get("ContentLicense") or DEFAULT_LICENCE).strip(),
        )

    def load_author_names(self, member_ids: dict[int, int]) -> None:
        ids = {m for m in member_ids.values() if m != self.placeholder_id}
        names = dict(User.objects.filter(pk__in=ids).values_list("pk", "display_name"))
        self.author_names = {
            source: names.get(member, "") for source, member in member_ids.items()
        }

    def post_tags(self, value: str | None) -> list[Tag]:
        names = [a or b for a, b in _TAGS_PATTERN.findall(value or "")]
        tags = [self.tag_for(name) for name in names if name.strip()]
        return list({tag.pk: tag for tag in tags if tag is not None}.values())

    @transaction.atomic
    def import_questions(self, batch: list[dict]) -> None:
        known = self.mapped(
            ImportedItem.Kind.QUESTION, [_int(r.get("Id")) for r in batch]
        )
        rows = [r for r in batch if _int(r.get("Id")) not in known]
        if not rows:
            return
        owners = self.members([_int(r.get("OwnerUserId")) for r in rows])
        self.load_author_names(owners)
        posts, tags_of = [], []
        for row in rows:
            source_id = _int(row["Id"])
            owner = _int(row.get("OwnerUserId"))
            created = _date(row.get("CreationDate")) or timezone.now()
            body = html_to_markdown(row.get("Body", ""), site=self.site)
            text, html = self.attribution(
                kind=ImportedItem.Kind.QUESTION,
                url=f"https://{self.site}/q/{source_id}",
                row=row,
                owner=owner,
            )
            post = Post(
                community=self.community,
                author_id=owners.get(owner, self.placeholder_id),
                title=(row.get("Title") or _("Untitled question")).strip()[:200],
                body=body + text,
                body_html=render_markdown(body) + html,
                intent=Intent.INFORMATION,
                is_question=True,
                published_at=created,
                last_activity_at=_date(row.get("LastActivityDate")) or created,
                edited_at=_date(row.get("LastEditDate")),
            )
            posts.append(post)
            tags_of.append(self.post_tags(row.get("Tags")))
        _create(Post, posts, [post.published_at for post in posts])
        Through = Post.tags.through
        Through.objects.bulk_create(
            [
                Through(post_id=post.pk, tag_id=tag.pk)
                for post, tags in zip(posts, tags_of, strict=True)
                for tag in tags
            ]
        )
        revisions = [
            PostRevision(
                post=post,
                number=1,
                editor_id=post.author_id,
                title=post.title,
                body=post.body,
                intent=post.intent,
                tag_names=sorted(tag.name for tag in tags),
            )
            for post, tags in zip(posts, tags_of, strict=True)
        ]
        _create(PostRevision, revisions, [post.published_at for post in posts])
        self.remember(
            ImportedItem.Kind.QUESTION,
            [(_int(r["Id"]), p.pk) for r, p in zip(rows, posts, strict=True)],
            accepted={_int(r["Id"]): _int(r.get("AcceptedAnswerId")) for r in rows},
        )

    @transaction.atomic
    def import_answers(self, batch: list[dict]) -> None:
        known = self.mapped(
            ImportedItem.Kind.ANSWER, [_int(r.get("Id")) for r in batch]
        )
        rows = [r for r in batch if _int(r.get("Id")) not in known]
        if not rows:
            return
        questions = self.mapped(
            ImportedItem.Kind.QUESTION, [_int(r.get("ParentId")) for r in rows]
        )
        kept = []
        for row in rows:
            if _int(row.get("ParentId")) in questions:
                kept.append(row)
            else:
                self.report.skipped["answers to missing questions"] += 1
        rows = kept
        if not rows:
            return
        owners = self.members([_int(r.get("OwnerUserId")) for r in rows])
        self.load_author_names(owners)
        comments, dates = [], []
        for row in rows:
            source_id = _int(row["Id"])
            owner = _int(row.get("OwnerUserId"))
            body = html_to_markdown(row.get("Body", ""), site=self.site)
            text, html = self.attribution(
                kind=ImportedItem.Kind.ANSWER,
                url=f"https://{self.site}/a/{source_id}",
                row=row,
                owner=owner,
            )
            comment = Comment(
                post_id=questions[_int(row["ParentId"])].target_id,
                parent=None,
                depth=0,
                author_id=owners.get(owner, self.placeholder_id),
                body=body + text,
                body_html=render_markdown(body) + html,
                edited_at=_date(row.get("LastEditDate")),
            )
            comments.append(comment)
            dates.append(_date(row.get("CreationDate")) or timezone.now())
        self.create_comments(comments, dates)
        self.remember(
            ImportedItem.Kind.ANSWER,
            [(_int(r["Id"]), c.pk) for r, c in zip(rows, comments, strict=True)],
        )
        accepted = [
            Post(pk=comment.post_id, accepted_comment_id=comment.pk)
            for row, comment in zip(rows, comments, strict=True)
            if questions[_int(row["ParentId"])].accepted_source_id == _int(row["Id"])
        ]
        Post.objects.bulk_update(accepted, ["accepted_comment"])

    def create_comments(self, comments: list[Comment], dates: list[datetime]) -> None:
        _create(Comment, comments, dates)
        revisions = [
            CommentRevision(
                comment=comment,
                number=1,
                editor_id=comment.author_id,
                body=comment.body,
            )
            for comment in comments
        ]
        _create(CommentRevision, revisions, dates)

    @transaction.atomic
    def import_comments(self, batch: list[dict]) -> None:
        known = self.mapped(
            ImportedItem.Kind.COMMENT, [_int(r.get("Id")) for r in batch]
        )
        rows = [r for r in batch if _int(r.get("Id")) not in known]
        if not rows:
            return
        targets = [_int(r.get("PostId")) for r in rows]
        questions = self.mapped(ImportedItem.Kind.QUESTION, targets)
        answers = self.mapped(ImportedItem.Kind.ANSWER, targets)
        answer_posts = dict(
            Comment.objects.filter(
                pk__in=[item.target_id for item in answers.values()]
            ).values_list("pk", "post_id")
        )
        owners = self.members([_int(r.get("UserId")) for r in rows])
        self.load_author_names(owners)
        comments, dates, kept = [], [], []
        for row in rows:
            target = _int(row.get("PostId"))
            if target in questions:
                post_id, parent_id, depth = questions[target].target_id, None, 0
            elif target in answers:
                parent_id = answers[target].target_id
                post_id, depth = answer_posts[parent_id], 1
            else:
                self.report.skipped["comments on posts not imported"] += 1
                continue
            owner = _int(row.get("UserId"))
            body = (row.get("Text") or "").strip() or "…"
            text, html = self.attribution(
                kind=ImportedItem.Kind.COMMENT,
                url=f"https://{self.site}/posts/comments/{_int(row['Id'])}",
                row=row,
                owner=owner,
            )
            comment = Comment(
                post_id=post_id,
                parent_id=parent_id,
                depth=depth,
                author_id=owners.get(owner, self.placeholder_id),
                body=body + text,
                body_html=render_markdown(body) + html,
            )
            comments.append(comment)
            dates.append(_date(row.get("CreationDate")) or timezone.now())
            kept.append(row)
        if not comments:
            return
        self.create_comments(comments, dates)
        self.remember(
            ImportedItem.Kind.COMMENT,
            [(_int(r["Id"]), c.pk) for r, c in zip(kept, comments, strict=True)],
        )

    # Votes: acceptances, anonymous up/down votes, favourites

    @transaction.atomic
    def recount(self) -> None:
        """The counters the services keep with F(), set once from the rows."""
        posts = Post.objects.filter(community=self.community)
        comment_count = (
            Comment.objects.filter(post=OuterRef("pk"))
            .order_by()
            .values("post")
            .annotate(count=Count("pk"))
            .values("count")
        )
        imported = ImportedItem.objects.filter(
            community=self.community, site=self.site, kind=ImportedItem.Kind.QUESTION
        ).values("target_id")
        posts.filter(pk__in=imported).update(
            comment_count=Coalesce(Subquery(comment_count), 0),
        )
        Community.objects.filter(pk=self.community.pk).update(
            post_count=posts.filter(deleted_at__isnull=True).count(),
            member_count=Membership.objects.filter(community=self.community).count(),
            last_activity_at=posts.aggregate(last=Max("last_activity_at"))["last"],
        )
