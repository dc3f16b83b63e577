"""Seed the benchmark database through the real services (causerie.core.testing).

One community with 50 billets; one billet carries exactly 200 comments in threads
(top-level and nested replies down to depth 8, Markdown bodies of 200-600
characters); a member "bench" (password causerie.core.testing.PASSWORD) belongs
to the community. Since issue 7 the thread is what such a thread now holds: one
comment in ten starts with a verified quote of a paragraph of the billet (every
other one with the quoted member's reply), and three members wear a hat on
every comment they write. Deterministic (fixed random seed).

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
    join,
    make_community,
    make_member,
    make_post,
)
from causerie.publishing import services as publishing_services  # noqa: E402
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


def wear_hats(community, founder, wearers) -> dict:
    """A granted hat for each wearer, by member id."""
    from causerie.hats import services as hat_services

    hats = {}
    for index, member in enumerate(wearers):
        hat = hat_services.request_hat(
            actor=member,
            community=community,
            organisation=f"Brasserie n° {index + 1}",
            role="Brasseuse en chef",
            proof_url=f"https://example.org/brasserie-{index + 1}",
        )
        hats[member.pk] = hat_services.grant_hat(
            actor=founder, hat_id=hat.pk, reason="Page de l'équipe vérifiée."
        )
    return hats


def quotable_paragraphs(post) -> list[str]:
    """The quote block "citer" gives for each paragraph of the billet."""
    import re

    from causerie.quotes import selectors as quote_selectors

    blocks = []
    for start, end in re.findall(r'data-range="(\d+)-(\d+)"', post.body_html):
        blocks.append(
            quote_selectors.citation(
                post=post,
                source=f"p{post.pk}",
                revision=post.revision_count,
                start=start,
                end=end,
            ).block
        )
    return blocks


def reply_to_every_other_quote(post) -> None:
    from causerie.quotes import services as quote_services
    from causerie.quotes.models import Quote

    for quote in Quote.objects.filter(citing_post=post).order_by("pk")[::2]:
        quote_services.reply_to_quote(
            actor=quote.source_author,
            quote=quote,
            body="Je précise : relisez la suite.",
        )


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

    for member in members:
        join(member, community)
    hats = wear_hats(community, founder, members[1:4])
    paragraphs = quotable_paragraphs(thread_post)
    comments: list[Comment] = []
    for number in range(COMMENTS):
        author = rng.choice(members)
        parent = None
        candidates = [c for c in comments if c.depth < MAX_DEPTH]
        if candidates and rng.random() < 0.72:
            # Prefer recent comments so some threads run deep.
            parent = rng.choice(candidates[-12:] if rng.random() < 0.6 else candidates)
        body = markdown_body(rng, HANDLES)
        if number % 10 == 0 and paragraphs and author != thread_post.author:
            body = f"{rng.choice(paragraphs)}\n{body}"
        comments.append(
            publishing_services.post_comment(
                actor=author,
                post=thread_post,
                parent=parent,
                body=body,
                hat=hats.get(author.pk),
            )
        )
    reply_to_every_other_quote(thread_post)
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
