"""Demo content of transparency: sponsors named on sponsored billets, one
member's own sites with a billet and a comment linking to them (the
"autopromotion" label), and a billet whose intent changed after publication
(kept in its history). Idempotent and incremental: loaded by
`manage.py load_demo` through DEMO_EXTENSIONS."""

from datetime import timedelta

from causerie.communities import services as community_services
from causerie.core.demo_content import POSTS
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment, Intent, Post, PostRevision
from causerie.transparency import services

OWN_SITES_MEMBER = "gaelle"
OWN_SITES = ["gaelle-potager.fr"]
OWN_SITE_POST = {
    "community": "jardins",
    "title": "Mon carnet de semis 2026, semaine par semaine",
    "body": (
        "Je tiens depuis trois ans un carnet de semis : dates, variétés, "
        "taux de levée, et ce que j'aurais dû faire autrement.\n\n"
        "Cette année je le publie au fur et à mesure sur "
        "[mon blog](https://gaelle-potager.fr/carnet-2026) : les tomates "
        "sont semées depuis le 2 mars, les poivrons peinent."
    ),
    "intent": Intent.INFORMATION,
    "age_days": 9,
}
OWN_SITE_COMMENT = (
    "Pour les godets, j'ai comparé trois terreaux sur "
    "[mon blog](https://blog.gaelle-potager.fr/terreaux) : le moins cher a "
    "le mieux levé."
)
OWN_SITE_COMMENT_ON = "Chantier collectif samedi : paillage, cuves et grelinette"
CHANGED_POST = {
    "community": "velo",
    "author": "chloe",
    "title": "Un mois avec un vélo cargo électrique : mon retour",
    "body": (
        "J'ai roulé un mois avec un vélo cargo électrique pour emmener les "
        "enfants à l'école : 6 km par jour, deux côtes.\n\n"
        "Points forts : la stabilité à l'arrêt, l'assistance dans les côtes. "
        "Points faibles : le poids (38 kg) et le stationnement."
    ),
    "age_days": 12,
    "sponsor": "Cycles Morin",
    "sponsor_url": "https://example.org/cycles-morin",
    "edited_body": (
        "**Précision :** Cycles Morin m'a prêté ce vélo pendant un mois, "
        "gratuitement. Je corrige l'intention du billet en conséquence.\n\n"
    ),
}


def _join(member, community) -> None:
    community_services.join_community(
        actor=member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )


def _name_sponsors() -> int:
    """Databases made before sponsors were required hold sponsored billets
    without a sponsor: name it from the demo data. A repair of demo data,
    not a member's edit, so no revision is added; the revisions get the same
    sponsor so that the history shows no change."""
    sponsors = {post["title"]: post["sponsor"] for post in POSTS if post.get("sponsor")}
    filled = 0
    for post in Post.objects.filter(intent=Intent.SPONSORED, sponsor_name=""):
        name = sponsors.get(post.title)
        if not name:
            continue
        Post.objects.filter(pk=post.pk).update(sponsor_name=name)
        PostRevision.objects.filter(
            post=post, intent=Intent.SPONSORED, sponsor_name=""
        ).update(sponsor_name=name)
        filled += 1
    return filled


def _own_sites(members, communities, now) -> int:
    member = members.get(OWN_SITES_MEMBER)
    community = communities.get(OWN_SITE_POST["community"])
    if member is None or community is None:
        return 0
    created = 0
    if not member.own_sites:
        services.set_own_sites(actor=member, member=member, sites=OWN_SITES)
        created += 1
    post = Post.objects.filter(
        community=community, title=OWN_SITE_POST["title"]
    ).first()
    if post is None:
        _join(member, community)
        post = publishing_services.publish_post(
            actor=member,
            community=community,
            title=OWN_SITE_POST["title"],
            body=OWN_SITE_POST["body"],
            intent=OWN_SITE_POST["intent"],
            published_at=now - timedelta(days=OWN_SITE_POST["age_days"]),
        )
        created += 1
    # A comment of hers linking to a subdomain, on another member's billet:
    # one billet named here, since the newest one changes as the worker runs
    # (an election opens its questions billet) and the comment was repeated.
    other = Post.objects.filter(
        community=community, title=OWN_SITE_COMMENT_ON, deleted_at__isnull=True
    ).first()
    already = Comment.objects.filter(
        author=member, post__community=community, body=OWN_SITE_COMMENT
    ).exists()
    if other is not None and not already:
        _join(member, community)
        publishing_services.post_comment(
            actor=member,
            post=other,
            body=OWN_SITE_COMMENT,
            posted_at=now - timedelta(days=2),
        )
        created += 1
    return created


def _changed_intent(members, communities, now) -> int:
    """A billet first published as Information, then declared sponsored."""
    member = members.get(CHANGED_POST["author"])
    community = communities.get(CHANGED_POST["community"])
    if member is None or community is None:
        return 0
    created = 0
    post = Post.objects.filter(community=community, title=CHANGED_POST["title"]).first()
    if post is None:
        _join(member, community)
        post = publishing_services.publish_post(
            actor=member,
            community=community,
            title=CHANGED_POST["title"],
            body=CHANGED_POST["body"],
            intent=Intent.INFORMATION,
            published_at=now - timedelta(days=CHANGED_POST["age_days"]),
        )
        created += 1
    if post.intent != Intent.SPONSORED and not post.is_deleted:
        publishing_services.edit_post(
            actor=member,
            post=post,
            title=post.title,
            body=CHANGED_POST["edited_body"] + post.body,
            intent=Intent.SPONSORED,
            tags=list(post.tags.all()),
            sponsor_name=CHANGED_POST["sponsor"],
            sponsor_url=CHANGED_POST["sponsor_url"],
        )
        created += 1
    return created


def load(*, members, communities, now) -> int:
    return (
        _name_sponsors()
        + _own_sites(members, communities, now)
        + _changed_intent(members, communities, now)
    )
