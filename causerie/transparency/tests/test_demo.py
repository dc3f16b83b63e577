"""The transparency demo: sponsors named, own sites with self-promotion, an
intent changed after publication; loaded once however often it runs."""

from django.utils import timezone

from causerie.core.demo_content import POSTS
from causerie.core.testing import make_community, make_member, make_post
from causerie.publishing.models import Comment, Intent, Post, PostRevision
from causerie.transparency import demo


def test_demo_names_sponsors_marks_self_promotion_and_changes_an_intent_once(db):
    founder = make_member("elise")
    jardins = make_community(founder=founder, slug="jardins", name="Jardins")
    velo = make_community(founder=founder, slug="velo", name="Vélo")
    make_post(community=jardins, author=founder, title=demo.OWN_SITE_COMMENT_ON)
    sponsored = next(post for post in POSTS if post["intent"] == "sponsored")
    old = make_post(
        community=velo,
        author=founder,
        title=sponsored["title"],
        intent=Intent.SPONSORED,
        sponsor_name="provisoire",
    )
    # A database made before sponsors were required.
    Post.objects.filter(pk=old.pk).update(sponsor_name="")
    PostRevision.objects.filter(post=old).update(sponsor_name="")
    members = {
        "elise": founder,
        "gaelle": make_member("gaelle"),
        "chloe": make_member("chloe"),
    }
    communities = {"jardins": jardins, "velo": velo}
    now = timezone.now()

    first = demo.load(members=members, communities=communities, now=now)
    # Newer billets appear between two loads (the worker opens an election).
    make_post(community=jardins, author=founder, title="Plus récent")
    second = demo.load(members=members, communities=communities, now=now)

    assert first == 6
    assert second == 0
    old.refresh_from_db()
    assert old.sponsor_name == sponsored["sponsor"]
    assert PostRevision.objects.get(post=old).sponsor_name == sponsored["sponsor"]
    own = Post.objects.get(title=demo.OWN_SITE_POST["title"])
    assert (own.intent, own.links_own_site) == (Intent.INFORMATION, True)
    assert Comment.objects.filter(links_own_site=True).count() == 1
    changed = Post.objects.get(title=demo.CHANGED_POST["title"])
    assert list(
        changed.revisions.order_by("number").values_list("intent", "sponsor_name")
    ) == [(Intent.INFORMATION, ""), (Intent.SPONSORED, demo.CHANGED_POST["sponsor"])]
