"""Load the French demo: members, communities, billets and threads.

Idempotent and incremental: each item is looked up by its natural key
(handle, community slug, billet title, comment author and text) and only
what is missing is created, always through the services.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from causerie.accounts.models import User
from causerie.communities import services as community_services
from causerie.communities.models import Community, Membership, Tag
from causerie.core import demo_content
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment, Post

DEMO_PASSWORD = "causerie-demo"
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
        with transaction.atomic():
            members = {
                data["handle"]: self._member(data, joined=now - timedelta(days=oldest))
                for data in demo_content.MEMBERS
            }
            self._member(ADMIN, joined=now - timedelta(days=oldest), superuser=True)
            communities = {
                data["slug"]: self._community(data, members)
                for data in demo_content.COMMUNITIES
            }
            for data in demo_content.POSTS:
                self._post(data, communities[data["community"]], members, now)
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
