"""Demo content of the hats app: Inès speaks for the médiathèque on her seed
swap billet and in its thread (a granted hat), Maëlle's billet about Cargo
Partagé still shows the hat she wore then (removed since she left the
company), and Lucien's request waits in the moderators' queue of "jardins".
Idempotent and incremental: loaded by `manage.py load_demo` through
DEMO_EXTENSIONS; every write goes through the services."""

from causerie.communities import selectors as community_selectors
from causerie.hats import services
from causerie.hats.models import Hat, HatStatus
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment, Post

GRANTED = {
    "community": "jardins",
    "member": "ines",
    "organisation": "Médiathèque de Villebrune",
    "role": "Responsable de la grainothèque",
    "proof_url": "https://mediatheque-villebrune.example.org/equipe",
    "note": "Mon nom et ma photo sont sur la page de l'équipe, rubrique "
    "« Grainothèque ». Vous pouvez aussi appeler l'accueil.",
    "reason": "Page de l'équipe vérifiée.",
    "post": "Troc de graines samedi 6 : c'est moi qui l'organise",
    "comment": "Précision de la part de la médiathèque : la salle d'animation "
    "est accessible en fauteuil, et les enfants sont les bienvenus. Nous "
    "prêtons des enveloppes et des étiquettes sur place.",
}
REMOVED = {
    "community": "velo",
    "member": "maelle",
    "organisation": "Cargo Partagé",
    "role": "Cofondatrice",
    "proof_url": "https://cargo-partage.example.org/qui-sommes-nous",
    "note": "Je suis l'une des deux fondatrices, le registre du commerce le dit.",
    "reason": "Page « Qui sommes-nous » et registre du commerce vérifiés.",
    "removal": "Maëlle a quitté Cargo Partagé en octobre : ses billets passés "
    "gardent la casquette, marquée retirée.",
    "post": "Je lance Cargo Partagé : des vélos-cargos à louer à la journée",
}
PENDING = {
    "community": "jardins",
    "member": "lucien",
    "organisation": "Association des jardins familiaux de Villebrune",
    "role": "Président",
    "proof_url": "https://jardins-familiaux-villebrune.example.org/bureau",
    "note": "Le compte rendu de la dernière assemblée générale (en lien) donne "
    "la composition du bureau. Je parlerai surtout des parcelles de la rue "
    "des Écoles.",
}


def _hat(data, members, communities) -> tuple[Hat | None, bool]:
    """The demo hat of `data`, requested if missing; whether it was created."""
    community = communities.get(data["community"])
    member = members.get(data["member"])
    if community is None or member is None:
        return None, False
    hat = (
        Hat.objects.filter(
            member=member, community=community, organisation=data["organisation"]
        )
        .order_by("-pk")
        .first()
    )
    if hat is not None:
        return hat, False
    hat = services.request_hat(
        actor=member,
        community=community,
        organisation=data["organisation"],
        role=data["role"],
        proof_url=data["proof_url"],
        note_to_moderators=data["note"],
    )
    return hat, True


def _decider(hat, members):
    """A current moderator of the hat's community other than its member."""
    moderator_ids = community_selectors.moderator_ids(community=hat.community)
    for member in members.values():
        if member.pk in moderator_ids and member.pk != hat.member_id:
            return member
    return None


def _wear_on_post(hat, title) -> int:
    post = Post.objects.filter(community=hat.community, title=title).first()
    if post is None or post.author_id != hat.member_id or post.hat_id is not None:
        return 0
    if hat.status != HatStatus.GRANTED:
        return 0
    publishing_services.edit_post(
        actor=post.author,
        post=post,
        title=post.title,
        body=post.body,
        intent=post.intent,
        tags=list(post.tags.all()),
        sponsor_name=post.sponsor_name,
        sponsor_url=post.sponsor_url,
        hat=hat,
    )
    return 1


def load(*, members, communities, now) -> int:
    created = 0

    hat, is_new = _hat(GRANTED, members, communities)
    if hat is not None:
        created += is_new
        decider = _decider(hat, members)
        if hat.status == HatStatus.REQUESTED and decider is not None:
            hat = services.grant_hat(
                actor=decider, hat_id=hat.pk, reason=GRANTED["reason"]
            )
        created += _wear_on_post(hat, GRANTED["post"])
        post = Post.objects.filter(
            community=hat.community, title=GRANTED["post"]
        ).first()
        if (
            post is not None
            and hat.status == HatStatus.GRANTED
            and not Comment.objects.filter(
                post=post, author=hat.member, body=GRANTED["comment"]
            ).exists()
        ):
            publishing_services.post_comment(
                actor=hat.member,
                post=post,
                parent=None,
                body=GRANTED["comment"],
                hat=hat,
            )
            created += 1

    hat, is_new = _hat(REMOVED, members, communities)
    if hat is not None:
        created += is_new
        decider = _decider(hat, members)
        if hat.status == HatStatus.REQUESTED and decider is not None:
            hat = services.grant_hat(
                actor=decider, hat_id=hat.pk, reason=REMOVED["reason"]
            )
        created += _wear_on_post(hat, REMOVED["post"])
        if hat.status == HatStatus.GRANTED and decider is not None:
            services.remove_hat(actor=decider, hat_id=hat.pk, reason=REMOVED["removal"])

    hat, is_new = _hat(PENDING, members, communities)
    created += is_new
    return created
