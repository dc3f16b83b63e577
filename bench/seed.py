"""Seed the benchmark database through the real services (causerie.core.testing).

One community with 50 billets; one billet carries exactly 200 comments in threads
(top-level and nested replies down to depth 8, Markdown bodies of 200-600
characters); a member "bench" (password causerie.core.testing.PASSWORD) belongs
to the community. Deterministic (fixed random seed).

Run by bench/run.sh with DJANGO_SETTINGS_MODULE=bench_settings and bench/ on
PYTHONPATH; writes the URLs it made as JSON to the path given as argument.
"""

import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

import django

django.setup()

from causerie.core.testing import (  # noqa: E402
    PASSWORD,
    make_comment,
    make_community,
    make_member,
    make_post,
)
from causerie.publishing.models import Comment  # noqa: E402

BILLETS = 50
COMMENTS = 200
MAX_DEPTH = 8  # comment.depth runs from 0 (top level) to 8
HANDLES = [
    "amelie", "bastien", "chloe", "damien", "elise", "fabrice", "gaelle",
    "hugo", "ines", "jules", "karima", "loic",
]  # fmt: skip

SENTENCES = [
    "Je fermente mes bières dans un garage qui monte à 24 °C en été.",
    "La levure US-05 tolère mieux la chaleur que je ne le pensais.",
    "Avez-vous essayé de refroidir le moût avec un serpentin en cuivre ?",
    "Le houblon Saaz donne une amertume douce, presque florale.",
    "On peut aussi faire une infusion à froid pendant quarante-huit heures.",
    "Mon densimètre indiquait 1,012 après dix jours, c'est correct.",
    "Attention à l'oxydation au moment de la mise en bouteille.",
    "Je note tout dans un carnet : températures, densités, durées.",
    "Le malt Munich apporte une belle couleur ambrée sans trop sucrer.",
    "Une garde de trois semaines au frais a tout changé pour ma blonde.",
    "Le brassage en sac (BIAB) simplifie beaucoup le matériel nécessaire.",
    "J'ai fini par acheter un réfractomètre, et je ne le regrette pas.",
    "La recette de la coopérative est un bon point de départ.",
    "Pensez à désinfecter le robinet du fermenteur, on l'oublie souvent.",
]
WORDS = ["levure", "houblon", "moût", "densité", "garde", "malt", "empâtage"]
LINKS = [
    "https://example.org/guide-du-brasseur",
    "https://example.org/fiches/levures",
    "https://example.org/calculateur-ibu",
]


def markdown_body(rng: random.Random, mentions: list[str]) -> str:
    """A Markdown text of 200 to 600 characters using most of the syntax."""
    target = rng.randint(200, 600)
    parts: list[str] = []
    length = 0
    while length < target:
        kind = rng.random()
        if kind < 0.45:
            text = " ".join(rng.sample(SENTENCES, rng.randint(1, 3)))
            word = rng.choice(WORDS)
            text = text.replace(word, f"**{word}**", 1) if word in text else text
            if rng.random() < 0.3 and mentions:
                text = f"@{rng.choice(mentions)} {text[0].lower()}{text[1:]}"
        elif kind < 0.6:
            text = "\n".join(f"- {s}" for s in rng.sample(SENTENCES, rng.randint(2, 3)))
        elif kind < 0.7:
            text = f"> {rng.choice(SENTENCES)}"
        elif kind < 0.8:
            text = f"Voir [ce guide]({rng.choice(LINKS)}) et *{rng.choice(WORDS)}*."
        elif kind < 0.9:
            text = f"La commande `{rng.choice(WORDS)} --densite 1.050` donne une idée."
        else:
            text = "1. " + rng.choice(SENTENCES) + "\n2. " + rng.choice(SENTENCES)
        parts.append(text)
        length += len(text) + 2
    body = "\n\n".join(parts)
    if len(body) > 600:
        body = body[:600].rsplit(" ", 1)[0].rstrip("*`[(>-") + "…"
    while len(body) < 200:
        body += " " + rng.choice(SENTENCES)
    return body


def main(out_path: str) -> None:
    rng = random.Random(20261123)
    bench = make_member("bench")
    members = [make_member(handle) for handle in HANDLES]
    founder = members[0]
    community = make_community(founder=founder, slug="banc", name="Banc d'essai")

    posts = []
    for number in range(BILLETS):
        author = members[number % len(members)]
        posts.append(
            make_post(
                community=community,
                author=author,
                title=f"Billet {number + 1} : {rng.choice(SENTENCES)[:80]}",
                body=markdown_body(rng, HANDLES),
            )
        )
    # The last billet published is first on the community page: give it the thread.
    thread_post = posts[-1]
    comment_post = posts[0]  # comments posted under load go here, not to the thread

    comments: list[Comment] = []
    for _ in range(COMMENTS):
        author = rng.choice(members)
        parent = None
        candidates = [c for c in comments if c.depth < MAX_DEPTH]
        if candidates and rng.random() < 0.72:
            # Prefer recent comments so some threads run deep.
            parent = rng.choice(candidates[-12:] if rng.random() < 0.6 else candidates)
        comments.append(
            make_comment(
                post=thread_post,
                author=author,
                parent=parent,
                body=markdown_body(rng, HANDLES),
            )
        )
    # The bench member joins the community (make_post/make_comment join as a side effect).
    from causerie.communities import services as community_services

    community_services.join_community(
        actor=bench,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )

    depths: dict[int, int] = {}
    for comment in comments:
        depths[comment.depth] = depths.get(comment.depth, 0) + 1
    lengths = [len(c.body) for c in comments]
    info = {
        "community_url": community.get_absolute_url(),
        "thread_url": thread_post.get_absolute_url(),
        "comment_post_url": comment_post.get_absolute_url(),
        "comment_create_url": f"{comment_post.get_absolute_url()}commenter/",
        "login_path": "/compte/login/",
        "login": bench.email,
        "password": PASSWORD,
        "billets": len(posts),
        "thread_comments": Comment.objects.filter(post=thread_post).count(),
        "thread_depths": dict(sorted(depths.items())),
        "thread_top_level": depths.get(0, 0),
        "body_chars_min_max": [min(lengths), max(lengths)],
    }
    Path(out_path).write_text(json.dumps(info, indent=1))
    print("seeded:", json.dumps({k: v for k, v in info.items() if k != "password"}))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "seed.json")
