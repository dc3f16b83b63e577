"""The hats demo: a granted hat worn on a billet and a comment, a removed hat
still shown on an older billet, a request waiting; loaded once however often
it runs."""

from django.utils import timezone

from causerie.core.testing import join, make_community, make_member, make_post
from causerie.hats import demo
from causerie.hats.models import Hat, HatStatus
from causerie.moderation.models import LogAction, ModerationLogEntry
from causerie.publishing.models import Comment


def test_demo_loads_granted_removed_and_pending_hats_once(db):
    elise, chloe = make_member("elise"), make_member("chloe")
    jardins = make_community(founder=elise, slug="jardins", name="Jardins partagés")
    velo = make_community(founder=chloe, slug="velo", name="Vélo en ville")
    ines, maelle = make_member("ines"), make_member("maelle")
    lucien = join(make_member("lucien"), jardins)
    seed_swap = make_post(community=jardins, author=ines, title=demo.GRANTED["post"])
    cargo = make_post(
        community=velo, author=maelle, title=demo.REMOVED["post"], intent="promotion"
    )
    members = {
        "elise": elise, "chloe": chloe, "ines": ines, "maelle": maelle,
        "lucien": lucien,
    }  # fmt: skip
    communities = {"jardins": jardins, "velo": velo}
    now = timezone.now()

    first = demo.load(members=members, communities=communities, now=now)
    second = demo.load(members=members, communities=communities, now=now)

    assert first == 6  # three requests, two billets wearing a hat, one comment
    assert second == 0
    granted = Hat.objects.get(member=ines)
    removed = Hat.objects.get(member=maelle)
    assert granted.status == HatStatus.GRANTED
    assert removed.status == HatStatus.REMOVED
    assert Hat.objects.get(member=lucien).status == HatStatus.REQUESTED
    seed_swap.refresh_from_db()
    cargo.refresh_from_db()
    assert seed_swap.hat == granted
    assert cargo.hat == removed
    assert Comment.objects.get(post=seed_swap, author=ines).hat == granted
    assert set(ModerationLogEntry.objects.values_list("action", flat=True)) == {
        LogAction.HAT_GRANTED,
        LogAction.HAT_REMOVED,
    }
