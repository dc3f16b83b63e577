"""Builders for tests and benchmarks: real rows made through the real services."""

import threading

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
