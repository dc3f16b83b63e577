"""Recognition in the French demo (written for Causerie; free to reuse).

Loaded by `manage.py load_demo` after the billets and before the standing
computation, so that each contribution profile shows once standing is computed
(in Brassage amateur: recognised experts François and Lucien, a specialist of
yeasts, Gaëlle, a discreet expert who writes little and is recognised a lot,
Jules, and Samir, loud and little recognised, with a comment waiting in the
review queue; Pierre-Yves and Karine are discreet experts elsewhere), a
question with an accepted answer and an open question. Everything goes
through the services; running it again creates nothing twice.
"""

from datetime import timedelta

from causerie.communities.models import Tag
from causerie.moderation import services as moderation_services
from causerie.moderation.models import FlaggedItem, Reason
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment, Post
from causerie.recognition import services
from causerie.recognition.models import Recognition

# (community, billet title, comment (author, start of its text) or None for the
# billet, domain tag slug or None for the default, recognisers)
RECOGNITIONS = [
    # Brassage amateur
    ("brassage", "Recette : pale ale au Cascade pour 20 litres", None, "houblon",
     ["samir", "gaelle", "lucien", "rose", "amelie", "jules"]),
    ("brassage", "Recette : pale ale au Cascade pour 20 litres",
     ("francois", "Oui, on le surnomme"), "houblon", ["samir", "lucien", "amelie"]),
    ("brassage", "Recette : pale ale au Cascade pour 20 litres",
     ("francois", "Oui, 76 °C"), "recettes", ["gaelle", "oceane", "jules"]),
    ("brassage", "Recette : pale ale au Cascade pour 20 litres",
     ("lucien", "Je me permets"), "houblon", ["samir", "francois", "rose"]),
    ("brassage", "Le kit d'extrait n'a pas à rougir devant le tout-grain", None,
     "conseils", ["rose", "oceane", "amelie", "bruno", "jules"]),
    ("brassage", "Le kit d'extrait n'a pas à rougir devant le tout-grain",
     ("lucien", "C'est vrai : environ"), "conseils", ["bruno", "oceane"]),
    ("brassage", "Le kit d'extrait n'a pas à rougir devant le tout-grain",
     ("bruno", "J'ai fait le calcul"), "conseils", ["lucien"]),
    ("brassage", "Récolter et réutiliser sa levure : mon protocole", None, "levures",
     ["oceane", "amelie", "francois", "lucien", "rose"]),
    ("brassage", "Récolter et réutiliser sa levure : mon protocole",
     ("gaelle", "Trois semaines"), "levures", ["amelie", "oceane", "rose"]),
    ("brassage", "Bouteilles qui giclent : ce que j'ai appris à mes dépens",
     ("jules", "Un détail qui change tout"), "embouteillage",
     ["samir", "francois", "lucien", "oceane", "bruno", "gaelle"]),
    ("brassage", "Bouteilles qui giclent : ce que j'ai appris à mes dépens",
     ("bruno", "Ça m'est arrivé aussi"), "embouteillage", ["samir"]),
    ("brassage",
     "J'ai publié un guide gratuit sur le contrôle de la température de fermentation",
     None, "fermentation", ["lucien", "gaelle", "francois", "amelie", "rose"]),
    ("brassage",
     "J'ai publié un guide gratuit sur le contrôle de la température de fermentation",
     ("oceane", "Excellente idée"), "fermentation", ["gaelle"]),
    ("brassage", "Les houblons néo-zélandais ? Beaucoup de bruit pour le prix",
     ("lucien", "Pour les curieux"), "houblon", ["rose", "francois", "amelie"]),
    ("brassage", "Les houblons néo-zélandais ? Beaucoup de bruit pour le prix", None,
     "houblon", ["amelie"]),
    ("brassage", "Compte rendu de notre tout premier brassage collectif",
     ("francois", "Merci pour ce compte rendu"), "recettes",
     ["amelie", "lucien", "jules"]),
    ("brassage", "Arrêtons de courir après les degrés", None, "recettes",
     ["lucien", "francois", "amelie", "oceane"]),
    # Vélo en ville
    ("velo", "Rouler l'hiver : ce que trente ans de trajets m'ont appris", None,
     "hiver", ["chloe", "hugo", "nathan", "maelle", "djamel"]),
    ("velo", "Rouler l'hiver : ce que trente ans de trajets m'ont appris",
     ("pierre_y", "Pour trois matins par an"), "hiver", ["nathan", "chloe", "hugo"]),
    ("velo", "Se garer à vélo près de la gare : le petit inventaire",
     ("pierre_y", "J'ajouterais les six arceaux"), "stationnement",
     ["djamel", "chloe", "maelle"]),
    ("velo", "Consultation sur la future piste du quai de la Brune : plus que dix jours",
     ("pierre_y", "Je roule sur ce quai"), "pistes", ["chloe", "djamel", "nathan"]),
    ("velo", "Régler ses freins à patins en vingt minutes", None, "entretien",
     ["maelle", "jules", "samir", "chloe", "pierre_y"]),
    ("velo", "Régler ses freins à patins en vingt minutes",
     ("hugo", "Avec un cargo chargé"), "entretien", ["maelle", "pierre_y", "jules"]),
    ("velo", "« Réparer sans pleurer » : ma série de vidéos d'entretien", None,
     "entretien", ["jules", "samir", "chloe"]),
    ("velo", "Se garer à vélo près de la gare : le petit inventaire",
     ("hugo", "Attention pour le parking"), "stationnement", ["djamel", "pierre_y"]),
    ("velo", "Piste du quai de la Brune, deux ans après : un bilan en demi-teinte",
     None, "pistes", ["chloe", "djamel", "pierre_y"]),
    ("velo", "Se garer à vélo près de la gare : le petit inventaire", None,
     "stationnement", ["pierre_y", "hugo", "chloe", "nathan"]),
    ("velo", "Consultation sur la future piste du quai de la Brune : plus que dix jours",
     None, "pistes", ["djamel", "nathan", "pierre_y"]),
    # Jardins partagés
    ("jardins", "C'est signé : la mairie nous confie la friche de la rue des Lilas",
     ("karine", "Pour l'analyse de sol"), None, ["elise", "lucien", "djamel", "gaelle"]),
    ("jardins", "Calendrier des semis de printemps pour nos parcelles",
     ("karine", "Très bien fait"), "semis", ["ines", "elise", "maelle"]),
    ("jardins", "Compost en bac : les proportions qui marchent", None, "compost",
     ["rose", "djamel", "elise", "lucien", "gaelle", "maelle"]),
    ("jardins", "Compost en bac : les proportions qui marchent",
     ("karine", "C'est une matière verte"), "compost", ["rose", "elise"]),
    ("jardins", "Bêcher ou ne pas bêcher : pourquoi j'ai changé d'avis",
     ("karine", "Les limaces adorent"), "permaculture", ["gaelle", "lucien", "elise"]),
    ("jardins", "Arrosage : on arrose trop, et surtout trop souvent",
     ("karine", "Un test simple"), "arrosage", ["rose", "djamel", "ines"]),
    ("jardins", "Des poules au jardin partagé : bonne ou mauvaise idée ?",
     ("karine", "J'ai eu des poules"), "compost", ["maelle", "elise", "ines"]),
    ("jardins", "Bêcher ou ne pas bêcher : pourquoi j'ai changé d'avis", None,
     "permaculture", ["gaelle", "karine", "elise", "maelle"]),
    ("jardins", "Bêcher ou ne pas bêcher : pourquoi j'ai changé d'avis",
     ("lucien", "Argilo-limoneux"), "permaculture", ["gaelle", "karine"]),
    ("jardins", "Calendrier des semis de printemps pour nos parcelles", None, "semis",
     ["karine", "maelle", "elise"]),
    ("jardins", "Deux cuves de 1 000 litres pour récupérer l'eau du cabanon", None,
     "arrosage", ["lucien", "gaelle", "elise"]),
    ("jardins", "Charte du jardin des Glycines (et de ce groupe)", None, None,
     ["ines", "lucien"]),
]  # fmt: skip

# Comments added for the demo: recognised experts write often and are
# recognised for it; the specialist writes about fermentation.
# (community, billet title, author, text, domain tag slug, recognisers)
MORE_COMMENTS = [
    ("brassage", "Récolter et réutiliser sa levure : mon protocole", "francois",
     "Un conseil de chimiste : rincez vos bocaux à l'eau bouillie refroidie, pas "
     "à l'eau du robinet, dont le chlore fatigue la levure.",
     "levures", ["gaelle", "oceane", "amelie"]),
    ("brassage", "Bouteilles qui giclent : ce que j'ai appris à mes dépens", "francois",
     "Pour le resucrage, comptez 6 à 7 g de sucre par litre pour une carbonatation "
     "moyenne, et pesez-le : une cuillère à soupe varie du simple au double.",
     "embouteillage", ["samir", "jules", "rose", "bruno"]),
    ("brassage", "Le kit d'extrait n'a pas à rougir devant le tout-grain", "francois",
     "Côté chimie, l'extrait liquide fonce en vieillissant (réaction de Maillard) : "
     "vérifiez sa date de fabrication, c'est souvent la cause des bières trop "
     "sombres.",
     "conseils", ["lucien", "rose", "amelie"]),
    ("brassage", "Les houblons néo-zélandais ? Beaucoup de bruit pour le prix",
     "francois",
     "Le Nelson Sauvin doit son goût de vin blanc à des thiols ; ils s'expriment "
     "surtout en houblonnage à cru, beaucoup moins à l'ébullition.",
     "houblon", ["rose", "samir", "lucien"]),
    ("brassage", "Atelier « Premier brassage » le samedi 14 : c'est moi qui l'anime",
     "francois",
     "J'apporterai le réfractomètre du lycée : on pourra mesurer la densité du moût "
     "avant et après l'empâtage.",
     "conseils", ["amelie", "jules"]),
    ("brassage", "Récolter et réutiliser sa levure : mon protocole", "lucien",
     "J'ai gardé une souche anglaise sur onze générations avec ce protocole. La "
     "seule fois où elle a décroché, j'avais oublié de la nourrir avant de la "
     "remettre au froid.",
     "levures", ["gaelle", "oceane", "francois"]),
    ("brassage",
     "J'ai publié un guide gratuit sur le contrôle de la température de fermentation",
     "lucien",
     "La bassine d'eau marche très bien, à condition de changer l'eau souvent : "
     "sinon elle tourne au bout de deux semaines.",
     "fermentation", ["oceane", "gaelle"]),
    ("brassage", "Bouteilles qui giclent : ce que j'ai appris à mes dépens", "lucien",
     "Autre cause possible : une infection. Si la bière devient acide en plus de "
     "gicler, ce n'est pas le resucrage, c'est l'hygiène.",
     "embouteillage", ["samir", "bruno", "francois"]),
    ("brassage", "Compte rendu de notre tout premier brassage collectif", "lucien",
     "Pour le prochain, je peux apporter mon vieux moulin à grain : il est lent, "
     "mais il concasse régulièrement.",
     "recettes", ["amelie", "francois"]),
    ("brassage", "Atelier « Premier brassage » le samedi 14 : c'est moi qui l'anime",
     "lucien",
     "Je recommande l'atelier : j'y ai appris à nettoyer correctement, ce qu'aucun "
     "livre ne m'avait vraiment expliqué.",
     "conseils", ["amelie"]),
    ("brassage", "Bouteilles qui giclent : ce que j'ai appris à mes dépens", "oceane",
     "Une fermentation finie à 16 °C peut repartir à 24 °C en bouteille : laissez "
     "toujours la bière quelques jours au chaud avant d'embouteiller.",
     "fermentation", ["gaelle"]),
    ("brassage", "Récolter et réutiliser sa levure : mon protocole", "oceane",
     "Pour vérifier la vitalité, un petit starter de 500 ml la veille suffit : s'il "
     "mousse en douze heures, la levure est bonne.",
     "levures", []),
]  # fmt: skip

ANSWERED_QUESTION = {
    "community": "brassage",
    "author": "rose",
    "title": "Ma pale ale reste plate après trois semaines en bouteille : pourquoi ?",
    "body": """\
J'ai embouteillé il y a trois semaines une pale ale de 20 litres, resucrée avec 120 g de sucre blanc dissous dans un peu d'eau bouillie. Les bouteilles sont restées dans la cuisine, vers 17 °C.

À l'ouverture : presque pas de mousse, et la bière est plate. Le goût est bon, pas de sucre résiduel perceptible. Qu'est-ce qui a pu se passer ?
""",
    "tags": ["embouteillage"],
    "age_days": 6,
    "answers": [
        ("samir", "Attends encore un peu, ça finit toujours par venir. Chez moi "
         "c'était pareil."),
        ("jules", """\
Trois pistes, de la plus probable à la moins probable :

1. **La température** : à 17 °C la refermentation est lente. Remonte les bouteilles à 20-22 °C pendant une semaine, puis goûte-en une.
2. **La levure fatiguée** : si la bière est restée longtemps en garde ou a été filtrée, il reste peu de levure. Un sachet de levure sèche neutre (2 g pour 20 litres) ajouté au resucrage règle le problème la fois suivante.
3. **Les capsules** : une capsule mal sertie laisse fuir le gaz. Regarde si toutes les bouteilles sont plates ou seulement certaines.

Pour 20 litres, 120 g de sucre donnent une carbonatation modérée : c'est suffisant pour une pale ale."""),
        ("oceane", "Je confirme la piste de la température : en dessous de 18 °C, "
         "comptez facilement le double du temps."),
    ],
    "accepted": "jules",
    "recognised": [("jules", ["oceane", "francois", "gaelle"]),
                   ("oceane", ["jules", "gaelle"])],
}  # fmt: skip

OPEN_QUESTION = {
    "community": "jardins",
    "author": "ines",
    "title": "Mes semis de tomates filent sur le rebord de la fenêtre : que faire ?",
    "body": """\
J'ai semé des tomates « cœur de bœuf » il y a trois semaines, en godets, derrière la fenêtre de la cuisine orientée à l'est. Elles font déjà 15 cm, avec des tiges très fines qui se couchent.

Est-ce que je peux encore les sauver, et comment faire mieux l'an prochain ?
""",
    "tags": ["semis"],
    "age_days": 2,
}

# A loud member: many short contributions, recognised little (the moderators'
# "loud, little recognised" indicator; one of them waits in the review queue).
LOUD_COMMENTS = {
    "author": "samir",
    "community": "brassage",
    "comments": [
        ("Recette : pale ale au Cascade pour 20 litres", "Moi je mets toujours le "
         "double de houblon, c'est meilleur."),
        ("Recette : pale ale au Cascade pour 20 litres", "Quelqu'un a essayé avec "
         "du sucre de canne ?"),
        ("Le kit d'extrait n'a pas à rougir devant le tout-grain", "Le kit, c'est "
         "pour les débutants, tout le monde le sait."),
        ("Le kit d'extrait n'a pas à rougir devant le tout-grain", "Bon, je "
         "maintiens quand même mon avis."),
        ("Récolter et réutiliser sa levure : mon protocole", "Trop compliqué, "
         "j'achète un sachet neuf à chaque fois."),
        ("Récolter et réutiliser sa levure : mon protocole", "Sinon il y a des "
         "levures liquides, non ?"),
        ("Atelier « Premier brassage » le samedi 14 : c'est moi qui l'anime",
         "J'y serai peut-être, ça dépend de la météo."),
        ("Atelier « Premier brassage » le samedi 14 : c'est moi qui l'anime",
         "On peut venir avec sa propre bière ?"),
        ("Les houblons néo-zélandais ? Beaucoup de bruit pour le prix", "Le "
         "Nelson, c'est surcoté, point."),
        ("Les houblons néo-zélandais ? Beaucoup de bruit pour le prix", "Et le "
         "Motueka alors ?"),
        ("J'ai publié un guide gratuit sur le contrôle de la température de "
         "fermentation", "Moi je laisse à température ambiante et ça marche."),
        ("J'ai publié un guide gratuit sur le contrôle de la température de "
         "fermentation", "Un frigo, c'est cher pour ce que c'est."),
        ("[Sponsorisé] Le Comptoir du Brasseur loue désormais du matériel",
         "Le Comptoir, c'est cher de toute façon."),
        ("Compte rendu de notre tout premier brassage collectif", "J'aurais "
         "aimé être là."),
        ("Bouteilles qui giclent : ce que j'ai appris à mes dépens", "Je vends "
         "une trentaine de bouteilles à clapet, écrivez-moi si ça vous "
         "intéresse, prix d'ami."),
    ],
    # Flagged once (still visible) and left for the moderators to decide.
    "flagged": "Je vends une trentaine de bouteilles à clapet",
    "flaggers": [("gaelle", Reason.SPAM)],
}  # fmt: skip


def load(*, members, communities, now) -> int:
    """Add the demo's recognition activity; returns how many items were created."""
    created = 0
    created += _loud_comments(members, communities, now)
    created += _answered_question(members, communities, now)
    created += _open_question(members, communities, now)
    created += _more_comments(members, communities, now)
    for slug, title, comment_key, tag_slug, recognisers in RECOGNITIONS:
        community = communities[slug]
        post = _post(community, title)
        comment = _comment(post, members, comment_key) if comment_key else None
        tag = Tag.objects.get(community=community, slug=tag_slug) if tag_slug else None
        given_at = (comment.created_at if comment else post.published_at) + timedelta(
            hours=3
        )
        for index, handle in enumerate(recognisers):
            created += _recognise(
                members[handle],
                post,
                comment,
                tag,
                min(given_at + timedelta(hours=index), now),
            )
    return created


def _post(community, title) -> Post:
    post = Post.objects.select_related("community").get(
        community=community, title=title
    )
    post.community = community
    return post


def _comment(post, members, key) -> Comment:
    handle, start = key
    comment = Comment.objects.get(
        post=post, author=members[handle], body__startswith=start
    )
    comment.post = post
    return comment


def _recognise(member, post, comment, tag, given_at) -> int:
    exists = Recognition.objects.filter(
        recogniser=member, post=post, comment=comment, kind=Recognition.Kind.USEFUL
    ).exists()
    if exists or member.pk == (comment or post).author_id:
        return 0
    services.recognise_item(
        actor=member, post=post, comment=comment, tag=tag, now=given_at
    )
    return 1


def _say(member, post, body, posted_at, parent=None) -> tuple[Comment, int]:
    comment = Comment.objects.filter(
        post=post, author=member, body=body, parent=parent
    ).first()
    if comment is not None:
        comment.post = post
        return comment, 0
    comment = publishing_services.post_comment(
        actor=member, post=post, body=body, parent=parent, posted_at=posted_at
    )
    comment.post = post
    return comment, 1


def _question(data, members, communities, now) -> tuple[Post, int]:
    community = communities[data["community"]]
    post = Post.objects.filter(community=community, title=data["title"]).first()
    if post is not None:
        post.community = community
        return post, 0
    post = publishing_services.publish_post(
        actor=members[data["author"]],
        community=community,
        title=data["title"],
        body=data["body"],
        intent="information",
        tags=list(Tag.objects.filter(community=community, slug__in=data["tags"])),
        is_question=True,
        published_at=now - timedelta(days=data["age_days"]),
    )
    post.community = community
    return post, 1


def _answered_question(members, communities, now) -> int:
    data = ANSWERED_QUESTION
    post, created = _question(data, members, communities, now)
    answers = {}
    for index, (handle, body) in enumerate(data["answers"]):
        posted_at = post.published_at + timedelta(hours=2 + 5 * index)
        answers[handle], made = _say(members[handle], post, body, posted_at)
        created += made
    asker = members[data["author"]]
    accepted = answers[data["accepted"]]
    if post.accepted_comment_id != accepted.pk:
        services.accept_answer(
            actor=asker,
            post=post,
            comment=accepted,
            now=accepted.created_at + timedelta(hours=4),
        )
        created += 1
    for handle, recognisers in data["recognised"]:
        for index, recogniser in enumerate(recognisers):
            created += _recognise(
                members[recogniser],
                post,
                answers[handle],
                None,
                answers[handle].created_at + timedelta(hours=1 + index),
            )
    return created


def _open_question(members, communities, now) -> int:
    _post_made, created = _question(OPEN_QUESTION, members, communities, now)
    return created


def _more_comments(members, communities, now) -> int:
    created = 0
    for index, (slug, title, handle, body, tag_slug, recognisers) in enumerate(
        MORE_COMMENTS
    ):
        community = communities[slug]
        post = _post(community, title)
        posted_at = min(post.published_at + timedelta(hours=8 + index), now)
        comment, made = _say(members[handle], post, body, posted_at)
        created += made
        tag = Tag.objects.get(community=community, slug=tag_slug)
        for order, recogniser in enumerate(recognisers):
            created += _recognise(
                members[recogniser],
                post,
                comment,
                tag,
                min(comment.created_at + timedelta(hours=2 + order), now),
            )
    return created


def _loud_comments(members, communities, now) -> int:
    data = LOUD_COMMENTS
    community = communities[data["community"]]
    author = members[data["author"]]
    created = 0
    flagged = None
    for index, (title, body) in enumerate(data["comments"]):
        post = _post(community, title)
        # Recent: the flagged one must stay inside the flag window.
        posted_at = max(
            post.published_at + timedelta(hours=1),
            now - timedelta(days=4, hours=-index * 5),
        )
        comment, made = _say(author, post, body, min(posted_at, now))
        created += made
        if body.startswith(data["flagged"]):
            flagged = comment
    if flagged is not None and not FlaggedItem.objects.filter(comment=flagged).exists():
        for handle, reason in data["flaggers"]:
            flagged.refresh_from_db()
            flagged.post = _post(community, flagged.post.title)
            moderation_services.flag_item(
                actor=members[handle], comment=flagged, reason=reason
            )
            created += 1
    return created
