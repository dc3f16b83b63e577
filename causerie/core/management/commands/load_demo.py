"""Load the French demo: members, communities, billets and threads.

Idempotent and incremental: each item is looked up by its natural key
(handle, community slug, billet title, comment author and text) and only
what is missing is created, always through the services.
"""

import importlib
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from causerie.accounts.models import User
from causerie.communities import services as community_services
from causerie.communities.models import Community, Membership, Tag
from causerie.core import demo_content, demo_moderation
from causerie.governance import services as governance_services
from causerie.governance.guide_text import default_guide_text
from causerie.governance.models import Mandate
from causerie.moderation import services as moderation_services
from causerie.moderation.models import Appeal, FlaggedItem
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment, Post

DEMO_PASSWORD = "causerie-demo"
DEMO_EXTENSIONS = [
    "causerie.recognition.demo",
    "causerie.standing.demo",
    "causerie.governance.demo",
    "causerie.elections.demo",
    "causerie.polls.demo",
    "causerie.transparency.demo",
    "causerie.hats.demo",
    "causerie.quotes.demo",
]
ADMIN = {
    "handle": "admin",
    "email": "admin@demo.causerie.test",
    "display_name": "Administration",
}


class Command(BaseCommand):
    help = "Load (or complete) the French demo content. Safe to run again."

    def handle(self, *args, **options):
        self.created = 0
        now = timezone.now()
        oldest = max(post["age_days"] for post in demo_content.POSTS) + 60
        self.oldest_days = oldest - 30
        # The demo is French whatever the shell's language (guide template included).
        with translation.override("fr"), transaction.atomic():
            members = {
                data["handle"]: self._member(data, joined=now - timedelta(days=oldest))
                for data in demo_content.MEMBERS
            }
            self._member(ADMIN, joined=now - timedelta(days=oldest), superuser=True)
            self._trust_levels(members)
            communities = {
                data["slug"]: self._community(data, members)
                for data in demo_content.COMMUNITIES
            }
            for data in demo_content.POSTS:
                self._post(data, communities[data["community"]], members, now)
            self._moderation(communities, members)
            # Later features add their demo content here, in this order: each
            # `load(members=, communities=, now=)` is idempotent and returns
            # how many items it created.
            for path in DEMO_EXTENSIONS:
                try:
                    module = importlib.import_module(path)
                except ModuleNotFoundError:
                    continue
                self.created += module.load(
                    members=members, communities=communities, now=now
                )
        # Tasks index what was published; do it now too, so the demo is
        # searchable before the worker has run them.
        from causerie.search.services import index_missing

        index_missing()
        self.stdout.write(self.style.SUCCESS(f"Demo ready: {self.created} new items."))

    def _member(self, data, *, joined, superuser=False) -> User:
        member = User.objects.filter(handle=data["handle"]).first()
        if member is None:
            manager = (
                User.objects.create_superuser if superuser else User.objects.create_user
            )
            member = manager(
                data["handle"],
                data["email"],
                DEMO_PASSWORD,
                display_name=data.get("display_name", ""),
                bio=data.get("bio", ""),
                links=data.get("links", []),
                language=data.get("language", "fr"),
                date_joined=joined,
            )
            self.created += 1
        EmailAddress.objects.get_or_create(
            user=member,
            email=member.email,
            defaults={"verified": True, "primary": True},
        )
        return member

    def _community(self, data, members) -> Community:
        founder = members[data["founder"]]
        community = Community.objects.filter(slug=data["slug"]).first()
        if community is None:
            community = community_services.found_community(
                actor=founder,
                name=data["name"],
                slug=data["slug"],
                description=data["description"],
                language=data["language"],
            )
            self.created += 1
            # The demo community has existed since before its oldest billet.
            founded_at = timezone.now() - timedelta(days=self.oldest_days)
            Community.objects.filter(pk=community.pk).update(created_at=founded_at)
        if community.guide_version_number == 0:  # founded before guides existed
            governance_services.publish_first_guide(
                community=community, founder=founder, text=default_guide_text()
            )
            self.created += 1
        for handle in data["members"]:
            if not Membership.objects.filter(
                community=community, member=members[handle]
            ).exists():
                community_services.join_community(
                    actor=members[handle],
                    community=community,
                    accepted_guide_version=community.guide_version_number,
                )
                self.created += 1
        for name, description in data["tags"]:
            if not Tag.objects.filter(community=community, slug=slugify(name)).exists():
                community_services.create_tag(
                    actor=founder,
                    community=community,
                    name=name,
                    description=description,
                )
                self.created += 1
        community.refresh_from_db()
        return community

    def _post(self, data, community, members, now) -> None:
        author = members[data["author"]]
        tags = list(Tag.objects.filter(community=community, slug__in=data["tags"]))
        post = Post.objects.filter(community=community, title=data["title"]).first()
        if post is None:
            post = publishing_services.publish_post(
                actor=author,
                community=community,
                title=data["title"],
                body=data["body"],
                intent=data["intent"],
                sponsor_name=data.get("sponsor", ""),
                tags=tags,
                published_at=now - timedelta(days=data["age_days"]),
            )
            for body in data.get("edits", []):
                post = publishing_services.edit_post(
                    actor=author,
                    post=post,
                    title=data["title"],
                    body=body,
                    intent=data["intent"],
                    sponsor_name=data.get("sponsor", ""),
                    tags=tags,
                )
            if data.get("pinned"):
                publishing_services.pin_post(
                    actor=community.founder, post=post, pinned=True
                )
            self.created += 1
        post.community = community
        for comment in data.get("comments", []):
            self._comment(comment, post, None, members, now)

    def _comment(self, data, post, parent, members, now) -> None:
        author = members[data["author"]]
        comment = Comment.objects.filter(
            post=post, parent=parent, author=author, body=data["body"]
        ).first()
        if comment is None:
            comment = publishing_services.post_comment(
                actor=author,
                post=post,
                parent=parent,
                body=data["body"],
                posted_at=self._comment_time(data, parent, now),
            )
            self.created += 1
        for reply in data.get("replies", []):
            self._comment(reply, post, comment, members, now)

    @staticmethod
    def _comment_time(data, parent, now):
        """Replies come after what they answer, even on the same day."""
        posted_at = (
            now
            - timedelta(days=data["age_days"], hours=6)
            + timedelta(minutes=len(data["body"]) % 300)
        )
        if parent is not None:
            posted_at = max(posted_at, parent.created_at + timedelta(minutes=17))
        return min(posted_at, now)

    def _trust_levels(self, members) -> None:
        """Demo members have taken part for a while (the new-member limits and
        the flag rules depend on it)."""
        for handle, level in demo_moderation.TRUST_LEVELS.items():
            User.objects.filter(handle=handle, trust_level__lt=level).update(
                trust_level=level
            )
        # Demo members have taken part for a while: "habitué" unless listed above.
        User.objects.filter(
            email__endswith="@demo.causerie.test", trust_level=0
        ).exclude(handle__in=demo_moderation.TRUST_LEVELS).update(trust_level=2)
        for member in members.values():
            member.refresh_from_db(fields=["trust_level"])

    def _moderation(self, communities, members) -> None:
        """Co-opted moderators, trust levels, flags, decisions and one appeal."""
        for slug, community in communities.items():
            community.refresh_from_db()
            Membership.objects.filter(community=community).update(
                accepted_guide_version=community.guide_version_number
            )
            handle = demo_moderation.CO_MODERATORS.get(slug)
            if (
                handle
                and not Mandate.objects.filter(
                    community=community, holder=members[handle], ended_at__isnull=True
                ).exists()
            ):
                governance_services.co_opt_moderator(
                    actor=community.founder, community=community, member=members[handle]
                )
                self.created += 1
        for case in demo_moderation.CASES:
            self._case(case, communities[case["community"]], members)

    def _case(self, case, community, members) -> None:
        post = Post.objects.get(community=community, title=case["post"])
        post.community = community
        author = members[case["author"]]
        comment = Comment.objects.filter(
            post=post, author=author, body=case["body"]
        ).first()
        if comment is None:
            comment = publishing_services.post_comment(
                actor=author, post=post, body=case["body"]
            )
            self.created += 1
        comment.post = post
        rules = {
            rule.number: rule
            for rule in community.guide_versions.get(
                number=community.guide_version_number
            ).rules.all()
        }
        for handle, rule_number, note_or_reason in case["flags"]:
            flagger = members[handle]
            if FlaggedItem.objects.filter(
                comment=comment, flags__flagger=flagger
            ).exists():
                continue
            comment.refresh_from_db()
            comment.post = post
            moderation_services.flag_item(
                actor=flagger,
                comment=comment,
                rule_id=rules[rule_number].pk if rule_number else None,
                reason="" if rule_number else note_or_reason,
                note=note_or_reason if rule_number else "",
            )
            self.created += 1
        decision = case.get("decision")
        flagged_item = FlaggedItem.objects.get(comment=comment)
        if decision and flagged_item.status == FlaggedItem.Status.OPEN:
            made = moderation_services.decide_item(
                actor=members[decision["moderator"]],
                flagged_item_id=flagged_item.pk,
                action=decision["action"],
                rule_id=rules[decision["rule"]].pk if decision.get("rule") else None,
                reason=decision.get("reason", ""),
                explanation=decision["explanation"],
            )
            self.created += 1
            if case.get("appeal") and not Appeal.objects.filter(decision=made).exists():
                moderation_services.appeal_decision(
                    actor=author, decision_id=made.pk, text=case["appeal"]
                )
                self.created += 1
