"""Generate the data of `make bench-scale` with bulk_create, then build the search index.

    python bench/scale_seed.py generate OUT_JSON [--billets N] [--comments N] ...
    python bench/scale_seed.py index OUT_JSON [--profile-batches N]

`generate` fills an empty, migrated database (SQLite or PostgreSQL, from
DATABASE_URL) with 100,000 billets in 20 communities (5,000 each, one of them
English) and 1,000,000 comments by default, French text made from a vocabulary
(accents, plurals, elisions; seeded random, so two runs give the same rows),
body_html = escaped <p> paragraphs, authors drawn from 5,000 of the 10,000
members. Communities and their guides are made through the real service (20
calls); everything else goes through bulk_create, which skips the services:
no revisions, no events, no search documents. It writes what the benchmarks
need (feed targets, counts, timings) to OUT_JSON. When OUT_JSON says a complete
generation with the same parameters is in this database, it does nothing.

`index` empties the search index (raw DELETE/TRUNCATE of the search tables) and
times the project's own `causerie.search.services.rebuild_index`, printing
progress; on PostgreSQL it then runs VACUUM ANALYZE (what autovacuum would do).
It then times indexing --update-batches batches of comments that already have
a document (the path of a rebuild over an existing index) and profiles
--profile-batches batches both ways. With --code-hash H it keeps an index
OUT_JSON says was built by search code of hash H (unless --force).

Run by bench/run_scale.sh (DJANGO_SETTINGS_MODULE=bench_settings).
"""

import argparse
import bisect
import cProfile
import io
import itertools
import json
import os
import pstats
import random
import sys
import time
from contextlib import contextmanager
from datetime import timedelta
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from causerie.accounts.models import User  # noqa: E402
from causerie.communities import services as community_services  # noqa: E402
from causerie.communities.models import Community, Membership, Tag  # noqa: E402
from causerie.publishing.models import (  # noqa: E402
    Comment,
    Intent,
    ModerationState,
    Post,
)

SEED = 20261125
YEARS = 3  # billets are spread over the last three years
MAX_DEPTH = 8
THREAD_COMMENTS = 500  # the billet of the comments feed
OTHER_MAX_COMMENTS = 400  # no other billet has more
CHUNK_POSTS = 1000  # billets (and their comments) per transaction

# ---------------------------------------------------------------- vocabulary
# Nouns: "g word" or "g word / plural" (g = m or f; a leading vowel or h elides).
GENERAL_NOUNS = """
m conseil|f question|f semaine|f année|f expérience|m problème|f solution|f idée
m projet|m matériel|m prix|m temps|f journée|m week-end|f réunion|m atelier
m groupe|m membre|f communauté|f modération|f règle|f discussion|m avis|f photo
m lien|m article|m livre|m guide|f méthode|f technique|m outil|f erreur
m résultat|m essai|m hiver|m été|m printemps|m automne|m voisin|m ami|m enfant
f famille|f ville|m village|f région|f saison|m début|f fin|f étape|m moment
m budget|m coût|f qualité|f température|f durée|f mesure|m cœur|f œuvre
m élu|f élection|m débat|f fête|m marché|f bibliothèque|f association
m bénévole|m quartier|m rendez-vous / rendez-vous|m compte rendu / comptes rendus
m retour|f astuce|m tutoriel|f vidéo|m forum|m fil|f réponse|m message
m bois|m jeu / jeux|m cheval / chevaux|m vélo|f bière|m jardin|m château / châteaux
"""
# Each about one noun in 150,000: a few dozen documents in the whole data set.
RARE_NOUNS = "f zymurgie|f dendrochronologie|m palimpseste|f éphéméride"
RARE_RATE = 4 / 150_000
COMMUNITIES = [
    (
        "brassage",
        "Brassage amateur",
        "fr",
        """f levure|m houblon|m malt|m moût|f densité|f fermentation|m brasseur
        f cuve|f bouteille|m empâtage|f ébullition|f amertume|f mousse|f orge
        f drêche|m fût|f capsule|m densimètre|m refroidisseur|f garde
        f recette|m serpentin|m fermenteur|m réfractomètre|f blonde|f ambrée""",
    ),
    (
        "velo",
        "Vélo au quotidien",
        "fr",
        """m vélo|m pneu|f chaîne|m dérailleur|m frein|f selle|m guidon
        f piste cyclable / pistes cyclables|m rayon|f roue|m cadre|m casque
        f sacoche|m trajet|f côte|m vélo-cargo / vélos-cargos|f crevaison
        m antivol|m éclairage|m pédalier|f rustine|m garde-boue / garde-boue""",
    ),
    (
        "jardins",
        "Jardins partagés",
        "fr",
        """m jardin|f tomate|m semis|m potager|m compost|m paillage|m arrosage
        f graine|f courgette|f salade|f bêche|f parcelle|f récolte|f limace
        f serre|m fraisier|m haricot|m poireau|f ortie|m purin|m jardinage
        m butternut|f grelinette|m composteur""",
    ),
    (
        "municipales",
        "Vie municipale",
        "fr",
        """m élu|f élection|m maire|m conseil municipal / conseils municipaux
        m budget|f délibération|f commune|f mairie|m vote|f liste|m adjoint
        f subvention|f école|f cantine|f voirie|m quartier
        f enquête publique / enquêtes publiques|m référendum|m citoyen
        f association|m scrutin|f candidate|m programme|f concertation""",
    ),
    (
        "cuisine",
        "Cuisine du marché",
        "fr",
        """f recette|f sauce|f pâte|m four|m gratin|f épice|m légume|f poêle
        m bouillon|f tarte|f crème|m beurre|f farine|f pâtisserie|f confiture
        m sel|f cuisson|f marmite|m fromage|m dessert|f brioche|m pot-au-feu / pot-au-feu""",
    ),
    (
        "argentique",
        "Photographie argentique",
        "fr",
        """f pellicule|m objectif|m boîtier|m développement|m tirage
        m agrandisseur|m révélateur|f exposition|m diaphragme|m grain
        f chambre noire / chambres noires|m négatif|m cadrage|f lumière|m flou
        m portrait|m paysage|m obturateur|m film|m appareil / appareils""",
    ),
    (
        "randonnee",
        "Randonnée et bivouac",
        "fr",
        """m sentier|m sommet|m refuge|m bivouac|m sac à dos / sacs à dos
        f chaussure|f carte|f boussole|f étape|m col|m lac|f tente|m duvet
        f gourde|f crête|m balisage|m orage|m névé|f vallée|m gîte""",
    ),
    (
        "apiculture",
        "Apiculture",
        "fr",
        """f ruche|f abeille|m essaim|m miel|m cadre|f reine|m varroa|f hausse
        m rucher|f cire|m nourrissement|m frelon|f colonie|m pollen|f propolis
        m enfumoir|m apiculteur|m extracteur|m hivernage|f miellée""",
    ),
    (
        "astronomie",
        "Astronomie amateur",
        "fr",
        """m télescope|f étoile|f planète|f galaxie|f nébuleuse|f lunette
        m oculaire|f monture|m ciel / cieux|f lune|f éclipse|f comète
        f constellation|f pollution lumineuse / pollutions lumineuses
        f observation|m amas|m filtre|f astrophotographie|f nuit|m météore""",
    ),
    (
        "chorales",
        "Musique et chorales",
        "fr",
        """f chorale|f partition|f répétition|m concert|m chef de chœur / chefs de chœur
        f voix|m accord|f guitare|m piano|m violon|m solfège|m morceau / morceaux
        f soprano|m ténor|m rythme|f mesure|f harmonie|m orchestre|f tournée
        m instrument""",
    ),
    (
        "logiciels-libres",
        "Logiciels libres",
        "fr",
        """m logiciel|f licence|m dépôt|m serveur|m paquet|m noyau / noyaux
        f distribution|f mise à jour / mises à jour|m bogue|m correctif
        m contributeur|f documentation|f traduction|f sauvegarde|m chiffrement
        m terminal / terminaux|f compilation|m greffon|f interface|m fichier""",
    ),
    (
        "menuiserie",
        "Menuiserie",
        "fr",
        """m bois|m chêne|m rabot|m ciseau / ciseaux|m assemblage|m tenon
        f mortaise|m établi|f scie|m vernis|m ponçage|f planche|m chevron
        f colle|m atelier|m meuble|f étagère|f essence|m noyer|m hêtre""",
    ),
    (
        "couture",
        "Couture et tricot",
        "fr",
        """m tissu|m patron|f machine à coudre / machines à coudre|m fil
        f aiguille|m ourlet|m bouton|f doublure|m coton|m lin|f laine|m tricot
        m crochet|f pelote|f robe|f veste|f fermeture|f surjeteuse|m biais
        f couturière""",
    ),
    (
        "escalade",
        "Escalade",
        "fr",
        """f voie|m bloc|f prise|f dégaine|f corde|m baudrier|m assurage
        m relais|f falaise|m grimpeur|m chausson|f magnésie|f cotation
        m dévers|m mousqueton|f salle|f moulinette|f dalle|f fissure|f chute""",
    ),
    (
        "echecs",
        "Échecs",
        "fr",
        """f partie|f ouverture|f finale|m roi|f dame|f tour|m fou|m cavalier
        m pion|m roque|m tournoi|m classement|f pendule|m gambit|m mat
        f variante|f défense|f sicilienne|f analyse|m coup""",
    ),
    (
        "cine-club",
        "Ciné-club",
        "fr",
        """m film|m réalisateur|m scénario|f séance|f projection|m acteur
        f actrice|m documentaire|m court métrage / courts métrages|m festival
        f critique|m montage|f bande originale / bandes originales|f salle
        f affiche|f version originale / versions originales|m sous-titre
        m tournage|m plan|m cinéaste""",
    ),
    (
        "ornithologie",
        "Ornithologie",
        "fr",
        """m oiseau / oiseaux|f mésange|m rouge-gorge / rouges-gorges|m héron
        f migration|m nichoir|f jumelle|m chant|m plumage|m rapace|f buse
        f hirondelle|m martinet|m comptage|m étang|f roselière|m nid|m œuf
        f grue|f cigogne""",
    ),
    (
        "ceramique",
        "Céramique",
        "fr",
        """f argile|m tour|m émail / émaux|f cuisson|m four|m grès
        f porcelaine|m tournage|m modelage|m engobe|m biscuit|m atelier|m bol
        m vase|f pièce|f fissure|m séchage|m raku|m pigment|f faïence""",
    ),
    (
        "quartier",
        "Vie de quartier",
        "fr",
        """m voisin|f fête|m marché|f brocante|f boulangerie|m parc|f rue
        m immeuble|f poubelle|m bruit|m stationnement|f association|m repas
        f bibliothèque|f école|f crèche|f entraide|m bénévole|m jardin|f place""",
    ),
    (
        "riverside",
        "Riverside makers",
        "en",
        """workshop|tool|project|repair|bike|garden|brewing|batch|recipe|bench
        drill|wood|community|meeting|volunteer|neighbourhood|library|cafe|event
        printer|sewing machine|beehive|telescope|chessboard""",
    ),
]
# Adjectives: masculine / feminine singular (plurals by rule).
ADJECTIVES = """
excellent excellente|léger légère|ancien ancienne|récent récente|amer amère
doux douce|sec sèche|frais fraîche|premier première|dernier dernière
petit petite|grand grande|nouveau nouvelle|vieux vieille|bon bonne
mauvais mauvaise|étrange étrange|fragile fragile|solide solide
économique économique|pratique pratique|régulier régulière|local locale
municipal municipale|naturel naturelle|délicat délicate|chaud chaude
froid froide|humide humide|précis précise|coûteux coûteuse|ambré ambrée
épais épaisse|rapide rapide|lent lente|public publique|complet complète
"""
# Infinitive, third person singular and plural, past participle.
VERBS = """
changer change changent changé|tester teste testent testé
réparer répare réparent réparé|préparer prépare préparent préparé
améliorer améliore améliorent amélioré|nettoyer nettoie nettoient nettoyé
choisir choisit choisissent choisi|finir finit finissent fini
prendre prend prennent pris|mettre met mettent mis|voir voit voient vu
recevoir reçoit reçoivent reçu|essayer essaie essaient essayé
mesurer mesure mesurent mesuré|régler règle règlent réglé
protéger protège protègent protégé|partager partage partagent partagé
organiser organise organisent organisé|comparer compare comparent comparé
acheter achète achètent acheté|vérifier vérifie vérifient vérifié
remplacer remplace remplacent remplacé|démonter démonte démontent démonté
fabriquer fabrique fabriquent fabriqué|modérer modère modèrent modéré
élire élit élisent élu|jardiner jardine jardinent jardiné
"""
CITIES = [
    "Paris",
    "Lyon",
    "Besançon",
    "Orléans",
    "Évry",
    "Nîmes",
    "Sète",
    "Créteil",
    "Angoulême",
    "Périgueux",
    "Saint-Étienne",
    "Montréal",
    "Québec",
    "Genève",
    "Liège",
    "Bruxelles",
    "Namur",
    "Lausanne",
    "Rennes",
    "Brest",
    "Nantes",
    "Châlons",
    "Béziers",
    "Fréjus",
]
TIMES = [
    "hier soir",
    "ce matin",
    "la semaine dernière",
    "en février",
    "cet été",
    "l'hiver dernier",
    "pendant les vacances",
    "après trois semaines",
    "depuis le printemps",
    "au début de l'année",
]
OPINIONS = [
    "très réussi",
    "un peu décevant",
    "exactement ce qu'il me fallait",
    "une belle découverte",
    "à refaire",
    "plus simple que prévu",
    "trop cher à mon goût",
    "une vraie réussite",
    "à éviter",
]
OPENERS = ["Bonjour à tous", "Merci", "Franchement", "À mon avis", "Bref", "Bon"]
ENGLISH_ADJECTIVES = [
    "great",
    "small",
    "old",
    "new",
    "broken",
    "cheap",
    "shared",
    "local",
    "quiet",
    "busy",
    "simple",
]
ENGLISH_VERBS = [
    "fixed",
    "built",
    "tested",
    "shared",
    "borrowed",
    "painted",
    "cleaned",
    "moved",
]


ASPIRATED_H = {"houblon", "héron", "hêtre", "haricot", "hausse", "hérisson"}


def _elides(word: str) -> bool:
    first = word.split(" ", 1)[0].lower()
    return first[0] in "aàâeéèêëiîïoôœuùûyh" and first not in ASPIRATED_H


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith(("eau", "eu")):
        return word + "x"
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def _nouns(text: str) -> list[tuple[str, str, str]]:
    """(singular, plural, gender) from "g word" or "g word / plural" entries."""
    nouns = []
    for entry in text.replace("\n", "|").split("|"):
        entry = entry.strip()
        if not entry:
            continue
        gender, word = entry.split(" ", 1)
        singular, _, plural = word.partition(" / ")
        nouns.append((singular, plural or _plural(singular), gender))
    return nouns


def _adjectives() -> list[tuple[str, str, str, str]]:
    found = []
    for entry in ADJECTIVES.replace("\n", "|").split("|"):
        if entry.strip():
            masculine, feminine = entry.split()
            found.append((masculine, feminine, _plural(masculine), feminine + "s"))
    return found


def _verbs() -> list[list[str]]:
    return [e.split() for e in VERBS.replace("\n", "|").split("|") if e.strip()]


class Zipf:
    """Seeded draws from a list, the first items much more often (exponent s)."""

    def __init__(self, items, s: float = 1.0):
        self.items = list(items)
        weights = [1 / (rank + 1) ** s for rank in range(len(self.items))]
        self.cumulative = list(itertools.accumulate(weights))

    def __call__(self, rng: random.Random):
        x = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_left(self.cumulative, x)]


class French:
    """Sentences about one community's topic, in grammatical (if dull) French."""

    def __init__(self, topic: str):
        rng = random.Random(topic)
        general = _nouns(GENERAL_NOUNS)
        rng.shuffle(general)
        self.topic_nouns = Zipf(_nouns(topic), 0.9)
        self.general_nouns = Zipf(general, 1.1)
        self.rare_nouns = _nouns(RARE_NOUNS)
        adjectives = _adjectives()
        rng.shuffle(adjectives)
        self.adjectives = Zipf(adjectives, 0.8)
        verbs = _verbs()
        rng.shuffle(verbs)
        self.verbs = Zipf(verbs, 0.8)

    def noun(self, rng):
        roll = rng.random()
        if roll < RARE_RATE:
            return self.rare_nouns[int(roll / RARE_RATE * len(self.rare_nouns))]
        return self.topic_nouns(rng) if roll < 0.6 else self.general_nouns(rng)

    @staticmethod
    def det(kind: str, noun, plural: bool) -> str:
        singular, plural_form, gender = noun
        word = plural_form if plural else singular
        if plural:
            prefix = {"def": "les", "ind": "des", "pos": "mes", "dem": "ces"}[kind]
            return f"{prefix} {word}"
        if kind == "def":
            if _elides(word):
                return f"l'{word}"
            return f"{'le' if gender == 'm' else 'la'} {word}"
        if kind == "ind":
            return f"{'un' if gender == 'm' else 'une'} {word}"
        if kind == "pos":
            return f"{'ma' if gender == 'f' and not _elides(word) else 'mon'} {word}"
        if gender == "m":
            return f"{'cet' if _elides(word) else 'ce'} {word}"
        return f"cette {word}"

    def adjective(self, rng, noun, plural: bool) -> str:
        forms = self.adjectives(rng)
        return forms[(2 if plural else 0) + (noun[2] == "f")]

    def group(self, rng, kind=None, plural=None) -> str:
        """A noun group: determiner, noun and (sometimes) an adjective."""
        noun = self.noun(rng)
        plural = rng.random() < 0.3 if plural is None else plural
        kind = kind or rng.choice(("def", "def", "ind", "pos", "dem"))
        text = self.det(kind, noun, plural)
        if rng.random() < 0.45:
            text += " " + self.adjective(rng, noun, plural)
        return text

    def sentence(self, rng) -> str:
        verb = self.verbs(rng)
        pick = rng.randrange(11)
        if pick == 0:
            text = f"{self.group(rng, plural=False)} {verb[1]} {self.group(rng)}."
        elif pick == 1:
            text = f"J'ai {verb[3]} {self.group(rng)} {rng.choice(TIMES)}."
        elif pick == 2:
            text = f"Est-ce que quelqu'un a déjà {verb[3]} {self.group(rng, 'ind', True)} ?"
        elif pick == 3:
            text = (
                f"{self.group(rng, 'def', True)} {verb[2]} mieux "
                f"{self.group(rng, 'def')} {rng.choice(TIMES)}."
            )
        elif pick == 4:
            text = f"Merci pour {self.group(rng, 'def')}, c'est {rng.choice(OPINIONS)}."
        elif pick == 5:
            de = "d'" if _elides(verb[0]) else "de "
            text = f"Je conseille {de}{verb[0]} {self.group(rng)} avant {self.group(rng, 'def')}."
        elif pick == 6:
            text = (
                f"À {rng.choice(CITIES)}, {self.group(rng, 'def', True)} {verb[2]} "
                f"{self.group(rng)} depuis {rng.randint(2, 30)} ans."
            )
        elif pick == 7:
            text = (
                f"Pour {self.group(rng, 'def')}, il faut compter {rng.randint(2, 90)} "
                f"{rng.choice(('euros', 'minutes', 'jours', 'heures'))}."
            )
        elif pick == 8:
            noun = self.noun(rng)
            text = (
                f"{rng.choice(OPENERS)}, {self.det('def', noun, False)} "
                f"{self.adjective(rng, noun, False)} n'est pas "
                f"{self.adjective(rng, noun, False)}."
            )
        elif pick == 9:
            noun = self.noun(rng)
            text = (
                f"On a {verb[3]} {rng.randint(2, 40)} {noun[1]} "
                f"{self.adjective(rng, noun, True)} pendant {self.group(rng, 'def')}."
            )
        else:
            noun = self.noun(rng)
            best = "le meilleur" if noun[2] == "m" else "la meilleure"
            text = f"Quel{'le' if noun[2] == 'f' else ''} est {best} {noun[0]} pour {self.group(rng, 'def')} ?"
        return text[0].upper() + text[1:]

    def title(self, rng) -> str:
        noun = self.topic_nouns(rng)
        other = self.noun(rng)
        pick = rng.randrange(5)
        if pick == 0:
            text = f"{noun[0]} {self.adjective(rng, noun, False)} ou {self.adjective(rng, noun, False)} ?"
        elif pick == 1:
            text = f"Retour d'expérience : {self.det('def', noun, False)} et {self.det('def', other, True)}"
        elif pick == 2:
            text = f"Question sur {self.det('def', noun, True)} {self.adjective(rng, noun, True)}"
        elif pick == 3:
            text = f"Compte rendu : {self.group(rng, 'def')} à {rng.choice(CITIES)}"
        else:
            text = self.sentence(rng).rstrip(".?! ")
        return (text[0].upper() + text[1:])[:200]


class English:
    def __init__(self, topic: str):
        self.nouns = Zipf([w.strip() for w in topic.replace("\n", "|").split("|")], 0.9)

    def sentence(self, rng) -> str:
        noun, other = self.nouns(rng), self.nouns(rng)
        pick = rng.randrange(4)
        if pick == 0:
            text = f"We {rng.choice(ENGLISH_VERBS)} the {rng.choice(ENGLISH_ADJECTIVES)} {noun} last week."
        elif pick == 1:
            text = f"Has anyone {rng.choice(ENGLISH_VERBS)} a {noun} for the {other}?"
        elif pick == 2:
            text = f"The {noun}s at the {other} are {rng.choice(ENGLISH_ADJECTIVES)} this year."
        else:
            text = f"Thanks for the {noun}, the {other} looks {rng.choice(ENGLISH_ADJECTIVES)}."
        return text[0].upper() + text[1:]

    def title(self, rng) -> str:
        return f"{self.nouns(rng).capitalize()} and {self.nouns(rng)}: a question"


def text_of(writer, rng, sentences: int) -> tuple[str, str]:
    """Markdown-ish text and its HTML (escaped paragraphs of one to three sentences)."""
    paragraphs, left = [], sentences
    while left > 0:
        size = min(left, rng.randint(1, 3))
        paragraphs.append(" ".join(writer.sentence(rng) for _ in range(size)))
        left -= size
    body = "\n\n".join(paragraphs)
    html = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    return body, html


# ---------------------------------------------------------------- generation
FIRST_NAMES = [
    "amélie",
    "bastien",
    "chloé",
    "damien",
    "élise",
    "fabrice",
    "gaëlle",
    "hugo",
    "inès",
    "jules",
    "karima",
    "loïc",
    "mathilde",
    "noé",
    "océane",
    "pierre",
    "quentin",
    "rosalie",
    "sébastien",
    "thérèse",
    "ulysse",
    "valérie",
    "william",
    "xavier",
    "yasmine",
    "zoé",
    "anaïs",
    "benoît",
    "céline",
    "joël",
    "maëlle",
    "françois",
]
LAST_NAMES = [
    "martin",
    "bernard",
    "dubois",
    "thomas",
    "robert",
    "richard",
    "petit",
    "durand",
    "leroy",
    "moreau",
    "simon",
    "laurent",
    "lefèvre",
    "michel",
    "garcia",
    "david",
    "bertrand",
    "roux",
    "vincent",
    "fournier",
    "morel",
    "girard",
    "andré",
    "lefebvre",
    "mercier",
    "dupont",
    "lambert",
    "bonnet",
    "françois",
    "martinez",
]


def handle_of(number: int, first: str, last: str) -> str:
    def ascii_(text):
        return slugify(text).replace("-", "")

    return f"{ascii_(first)}_{ascii_(last)}{number}"[:30]


@contextmanager
def dates_as_given(*models):
    """bulk_create keeps the created_at/updated_at set here instead of now()."""
    fields = [
        m._meta.get_field(n) for m in models for n in ("created_at", "updated_at")
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def comment_counts(rng, billets: int, comments: int, thread: int) -> list[int]:
    """Comments per billet: a long-tailed spread (log-normal), exactly `comments`
    in all, `THREAD_COMMENTS` on billet `thread`, at most OTHER_MAX_COMMENTS elsewhere."""
    weights = [rng.lognormvariate(0, 1.2) for _ in range(billets)]
    weights[thread] = 0
    rest = comments - THREAD_COMMENTS
    total = sum(weights)
    counts = [min(OTHER_MAX_COMMENTS, int(w / total * rest)) for w in weights]
    missing = rest - sum(counts)
    while missing > 0:
        index = rng.randrange(billets)
        if index != thread and counts[index] < OTHER_MAX_COMMENTS:
            counts[index] += 1
            missing -= 1
    counts[thread] = THREAD_COMMENTS
    return counts


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())}] {message}", flush=True)


def generate(args) -> dict:
    rng = random.Random(SEED)
    now = timezone.now().replace(microsecond=0)
    start = now - timedelta(days=365 * YEARS)
    vendor = connection.vendor
    if vendor == "postgresql":
        with connection.cursor() as cursor:  # this session only: bulk load
            cursor.execute("SET synchronous_commit = off")
    started = time.monotonic()
    timings = {}

    # Members: no password hashing (unusable passwords), 90 % French.
    say(f"members: {args.members}")
    members = []
    for number in range(1, args.members + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        handle = handle_of(number, first, last)
        members.append(
            User(
                handle=handle,
                email=f"{handle}@scale.causerie.test",
                password=make_password(None),
                display_name=f"{first.title()} {last.title()}",
                bio=rng.choice(["", "", f"J'habite à {rng.choice(CITIES)}."]),
                language="en" if rng.random() < 0.1 else "fr",
                trust_level=rng.choice((1, 1, 1, 2, 2, 3)),
                date_joined=start - timedelta(days=rng.randint(1, 400)),
            )
        )
    with transaction.atomic():
        members = User.objects.bulk_create(members, batch_size=2000)
    member_ids = [m.pk for m in members]
    authors = member_ids[: args.authors]
    rng.shuffle(authors)  # who posts most is not who joined first
    author_pick = Zipf(authors, 0.75)
    timings["members_s"] = round(time.monotonic() - started, 1)

    # Communities and guides through the service (20 calls), founders from the authors.
    say(f"communities: {args.communities} (through communities.services)")
    communities, writers, tags_of = [], [], {}
    for index, (slug, name, language, topic) in enumerate(
        COMMUNITIES[: args.communities]
    ):
        founder = User.objects.get(pk=authors[index])
        community = community_services.found_community(
            actor=founder,
            name=name,
            slug=slug,
            description=f"Communauté de banc d'essai : {name}.",
            language=language,
            guide=None,
        )
        communities.append(community)
        writers.append((English if language == "en" else French)(topic))
    tags = []
    for community, (_, _, language, topic) in zip(
        communities, COMMUNITIES, strict=False
    ):
        words = (
            [w.strip() for w in topic.replace("\n", "|").split("|")]
            if language == "en"
            else [n[0] for n in _nouns(topic)]
        )
        for word in words[:12]:
            tags.append(
                Tag(
                    community=community,
                    name=word.capitalize(),
                    slug=slugify(word),
                    description=f"Tout sur « {word} ».",
                )
            )
    tags = Tag.objects.bulk_create(tags)
    for tag in tags:
        tags_of.setdefault(tag.community_id, []).append(tag.pk)
    tag_pick = {cid: Zipf(ids, 1.2) for cid, ids in tags_of.items()}

    # Billets: exactly billets / communities each, in random order of time;
    # each author has a home community (70 % of their billets).
    count_per = args.billets // len(communities)
    community_of = [i % len(communities) for i in range(args.billets)]
    rng.shuffle(community_of)
    home = {a: rng.randrange(len(communities)) for a in authors}
    home_pick = [
        Zipf([a for a in authors if home[a] == index], 0.75)
        for index in range(len(communities))
    ]
    thread = next(
        i for i in range(args.billets // 2, args.billets) if community_of[i] == 0
    )
    counts = comment_counts(rng, args.billets, args.comments, thread)
    span = (now - timedelta(days=2) - start).total_seconds()
    intents = Zipf(
        [Intent.INFORMATION, Intent.OPINION, Intent.PROMOTION, Intent.SPONSORED], 2
    )
    memberships = {(c.pk, c.founder_id) for c in communities}
    post_tag = Post.tags.through
    post_id = comment_id = 0
    post_counts = [0] * len(communities)
    last_activity = [None] * len(communities)
    say(
        f"billets: {args.billets} ({count_per} per community), comments: {args.comments} "
        f"(billet #{thread + 1} gets {THREAD_COMMENTS}), {CHUNK_POSTS} billets per transaction"
    )
    generated_at = time.monotonic()
    text_seconds = 0.0
    with dates_as_given(Post, Comment):
        for chunk_start in range(0, args.billets, CHUNK_POSTS):
            chunk_started = time.monotonic()
            posts, comments, links = [], [], []
            for index in range(
                chunk_start, min(args.billets, chunk_start + CHUNK_POSTS)
            ):
                post_id += 1
                c_index = community_of[index]
                community, writer = communities[c_index], writers[c_index]
                # Most billets come from members whose home community this is.
                author = (home_pick[c_index] if rng.random() < 0.7 else author_pick)(
                    rng
                )
                published = start + timedelta(seconds=span * index / args.billets)
                body, html = text_of(writer, rng, rng.randint(2, 9))
                state, deleted = ModerationState.VISIBLE, None
                roll = rng.random()
                if roll < 0.005:
                    deleted = published + timedelta(hours=5)
                elif roll < 0.008:
                    state = ModerationState.HIDDEN
                # Comments of this billet, in time order.
                moment, depths = published, []
                for number in range(counts[index]):
                    comment_id += 1
                    moment = min(
                        now - timedelta(minutes=1),
                        moment + timedelta(seconds=rng.expovariate(1 / 7200)),
                    )
                    parent = None
                    if depths and rng.random() < 0.45:
                        choice = rng.randrange(max(0, number - 12), number)
                        if depths[choice] < MAX_DEPTH:
                            parent = choice
                    depth = 0 if parent is None else depths[parent] + 1
                    depths.append(depth)
                    c_body, c_html = text_of(
                        writer, rng, rng.choice((1, 1, 2, 2, 3, 4))
                    )
                    commenter = author_pick(rng)
                    memberships.add((community.pk, commenter))
                    c_state, c_deleted = ModerationState.VISIBLE, None
                    roll = rng.random()
                    if roll < 0.01:
                        c_deleted = moment + timedelta(minutes=30)
                    elif roll < 0.013:
                        c_state = ModerationState.PENDING
                    comments.append(
                        Comment(
                            id=comment_id,
                            post_id=post_id,
                            parent_id=None
                            if parent is None
                            else comment_id - number + parent,
                            author_id=commenter,
                            depth=depth,
                            body=c_body,
                            body_html=c_html,
                            deleted_at=c_deleted,
                            moderation_state=c_state,
                            created_at=moment,
                            updated_at=moment,
                        )
                    )
                memberships.add((community.pk, author))
                posts.append(
                    Post(
                        id=post_id,
                        community=community,
                        author_id=author,
                        title=writer.title(rng),
                        body=body,
                        body_html=html,
                        intent=intents(rng),
                        published_at=published,
                        deleted_at=deleted,
                        moderation_state=state,
                        comment_count=counts[index],
                        last_activity_at=moment,
                        created_at=published,
                        updated_at=published,
                    )
                )
                for tag_id in {
                    tag_pick[community.pk](rng)
                    for _ in range(rng.choice((0, 1, 1, 2, 3)))
                }:
                    links.append(post_tag(post_id=post_id, tag_id=tag_id))
                post_counts[c_index] += 1
                last_activity[c_index] = max(moment, last_activity[c_index] or moment)
            text_seconds += time.monotonic() - chunk_started
            with transaction.atomic():
                Post.objects.bulk_create(posts, batch_size=1000)
                post_tag.objects.bulk_create(links, batch_size=2000)
                Comment.objects.bulk_create(comments, batch_size=1000)
            if post_id % (10 * CHUNK_POSTS) == 0 or post_id == args.billets:
                elapsed = time.monotonic() - generated_at
                say(
                    f"  {post_id:>7} billets, {comment_id:>8} comments, {elapsed:6.0f} s "
                    f"({comment_id / max(elapsed, 0.001):,.0f} comments/s; "
                    f"text {text_seconds:.0f} s)"
                )
    timings["billets_and_comments_s"] = round(time.monotonic() - generated_at, 1)
    timings["text_generation_s"] = round(text_seconds, 1)

    say(f"memberships: {len(memberships)}, counters, sequences")
    with transaction.atomic():
        Membership.objects.bulk_create(
            [Membership(community_id=c, member_id=m) for c, m in sorted(memberships)],
            batch_size=2000,
            ignore_conflicts=True,
        )
        for index, community in enumerate(communities):
            Community.objects.filter(pk=community.pk).update(
                post_count=post_counts[index],
                last_activity_at=last_activity[index],
                member_count=Membership.objects.filter(community=community).count(),
            )
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Post, Comment]):
            cursor.execute(statement)
    timings["total_s"] = round(time.monotonic() - started, 1)

    # What the feed benchmark needs.
    feed_community = communities[0]
    tag_counts = {
        tag_id: n
        for tag_id, n in Post.tags.through.objects.filter(tag__community=feed_community)
        .values_list("tag_id")
        .annotate(n=Count("id"))
    }
    top_tag = Tag.objects.get(pk=max(tag_counts, key=tag_counts.get))
    top_author = (
        Post.objects.values("author_id").annotate(n=Count("id")).order_by("-n").first()
    )
    thread_post = Post.objects.select_related("community").get(pk=thread + 1)
    return {
        "complete": True,
        "vendor": vendor,
        "params": vars(args) | {"seed": SEED},
        "generated_at": now.isoformat(),
        "timings": timings,
        "counts": counts_in_database(),
        "communities": [c.slug for c in communities],
        "feeds": {
            "community": {"slug": feed_community.slug, "billets": post_counts[0]},
            "tag": {
                "slug": feed_community.slug,
                "tag": top_tag.slug,
                "billets": tag_counts[top_tag.pk],
            },
            "member": {
                "handle": User.objects.get(pk=top_author["author_id"]).handle,
                "billets": top_author["n"],
            },
            "billet": {
                "slug": thread_post.community.slug,
                "post_id": thread_post.pk,
                "comments": Comment.objects.filter(post=thread_post).count(),
            },
        },
    }


def counts_in_database() -> dict:
    return {
        "members": User.objects.count(),
        "communities": Community.objects.count(),
        "billets": Post.objects.count(),
        "comments": Comment.objects.count(),
        "tags_on_billets": Post.tags.through.objects.count(),
        "memberships": Membership.objects.count(),
    }


# ---------------------------------------------------------------- index
def empty_index() -> None:
    from causerie.search.models import FTS_TABLE, SearchDocument

    table = SearchDocument._meta.db_table
    tags = SearchDocument.tags.through._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {tags}, {table}")
        else:
            cursor.execute(f"DELETE FROM {tags}")
            cursor.execute(f"DELETE FROM {table}")
            cursor.execute(f"DELETE FROM {FTS_TABLE}")


def _last_comment_ids(count: int) -> list[int]:
    return sorted(Comment.objects.order_by("-pk").values_list("pk", flat=True)[:count])


def build_index(args) -> dict:
    from causerie.search import services
    from causerie.search.engines import engine
    from causerie.search.models import SearchDocument

    say("emptying the search index")
    empty_index()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM")
    say(f"services.rebuild_index(batch_size={services.BATCH_SIZE})")
    started = time.monotonic()
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent // 5 != shown[0]:
            shown[0] = percent // 5
            elapsed = time.monotonic() - started
            say(
                f"  {percent:3d} % ({done}/{total}) {elapsed:6.0f} s, "
                f"{done / max(elapsed, 0.001):,.0f} items/s"
            )

    written = services.rebuild_index(progress=progress)
    seconds = time.monotonic() - started
    say(f"indexed {written} documents in {seconds:.0f} s ({written / seconds:,.0f}/s)")
    result = {"documents": written, "rebuild_s": round(seconds, 1)}
    if connection.vendor == "postgresql":
        vacuum_started = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        result["vacuum_analyze_s"] = round(time.monotonic() - vacuum_started, 1)
        say(f"VACUUM ANALYZE: {result['vacuum_analyze_s']} s")
    result["by_kind"] = dict(
        SearchDocument.objects.values_list("kind").annotate(n=Count("id"))
    )
    if args.update_batches:
        # The update path: documents exist, so _save goes through bulk_update.
        ids = _last_comment_ids(args.update_batches * services.BATCH_SIZE)
        update_started = time.monotonic()
        for offset in range(0, len(ids), services.BATCH_SIZE):
            services.index_comments(
                comment_ids=ids[offset : offset + services.BATCH_SIZE]
            )
        seconds = time.monotonic() - update_started
        result["reindex_existing_comments_per_s"] = round(len(ids) / seconds)
        say(
            f"indexing {len(ids)} comments that already have a document (update "
            f"path): {seconds:.1f} s, {len(ids) / seconds:,.0f}/s"
        )
    if args.profile_batches:
        ids = _last_comment_ids(args.profile_batches * services.BATCH_SIZE)
        documents = list(
            SearchDocument.objects.filter(comment_id__in=ids).values_list(
                "pk", flat=True
            )
        )
        engine().delete(documents)
        SearchDocument.objects.filter(pk__in=documents).delete()
        for label, order in (
            ("new documents", "tottime"),
            ("existing documents", "cumulative"),
        ):
            profiler = cProfile.Profile()
            profiler.enable()
            for offset in range(0, len(ids), services.BATCH_SIZE):
                services.index_comments(
                    comment_ids=ids[offset : offset + services.BATCH_SIZE]
                )
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(18)
            text = out.getvalue()
            print(
                f"\nprofile: index_comments of {len(ids)} comments, {label}, by {order}"
            )
            print(text[text.find("   ncalls") :].rstrip(), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=["generate", "index"])
    parser.add_argument("out_json")
    parser.add_argument("--billets", type=int, default=100_000)
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--authors", type=int, default=5_000)
    parser.add_argument("--communities", type=int, default=20)
    parser.add_argument(
        "--code-hash",
        default="",
        help="index: keep an index built by search code of this hash",
    )
    parser.add_argument("--force", action="store_true", help="index: always rebuild")
    parser.add_argument(
        "--update-batches", type=int, default=10, help="timed re-index, update path"
    )
    parser.add_argument(
        "--profile-batches", type=int, default=2, help="profiled re-index (0: none)"
    )
    args = parser.parse_args()
    out = Path(args.out_json)
    state = json.loads(out.read_text()) if out.exists() else {}
    if args.step == "generate":
        params = {
            k: v
            for k, v in vars(args).items()
            if k in ("billets", "comments", "members", "authors", "communities")
        }
        wanted = {**params, "seed": SEED}
        if (
            state.get("complete")
            and {k: state["params"].get(k) for k in wanted} == wanted
            and state.get("counts", {}).get("comments") == Comment.objects.count()
        ):
            say(f"data already generated ({out}): reused")
            return
        if Post.objects.exists():
            sys.exit(
                "scale_seed: the database has billets but no matching complete "
                f"generation in {out}: start from an empty database (FRESH=1)"
            )
        args_for_state = argparse.Namespace(**params)
        state = generate(args_for_state)
        state["params"] = wanted
        out.write_text(json.dumps(state, indent=1, default=str))
        say(
            f"generated in {state['timings']['total_s']} s: {json.dumps(state['counts'])}"
        )
    else:
        if not state.get("complete"):
            sys.exit(f"scale_seed: no complete generation in {out}")
        built = state.get("index", {})
        if (
            args.code_hash
            and built.get("code_hash") == args.code_hash
            and not args.force
        ):
            say(
                f"search index already built by this search code ({args.code_hash}, "
                f"{built.get('rebuild_s')} s): kept"
            )
            return
        state["index"] = build_index(args) | {"code_hash": args.code_hash}
        out.write_text(json.dumps(state, indent=1, default=str))


if __name__ == "__main__":
    main()
