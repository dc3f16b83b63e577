"""The proof on real community data (docs/recognition.md, "Evaluation"):
imported Stack Exchange dumps, evaluated at a time cut against the volume
baselines, and a ring injected into the development set.

Marked `corpus`: these run in the SQLite lane only. Without the shared data
they are skipped, except under CI=true where they fail."""

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from causerie.standing import evaluation

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]

EVALUATION_SETS = ["ai.stackexchange.com", "beer.stackexchange.com-2020-06"]
DEVELOPMENT_SET = "beer.stackexchange.com"
METHODS = ("causerie", "answer_count", "zscore")
METRICS = ("mrr", "p_at_1", "hit_at_5", "hit_at_10", "coverage")


def dump(name: str) -> Path:
    folder = Path(settings.CAUSERIE_SHARED_DATA) / "stackexchange" / name
    if not (folder / "Posts.xml").is_file():
        message = f"Stack Exchange dump not found: {folder}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return folder


@pytest.mark.parametrize("name", EVALUATION_SETS)
def test_causerie_beats_volume_baselines(name, tmp_path):
    output = tmp_path / "results.json"
    call_command(
        "evaluate_standing", str(dump(name)), output=str(output), in_place=True
    )
    results = json.loads(output.read_text("utf-8"))

    assert set(results) == {
        "cutoff",
        "methods",
        "routing",
        "standing",
        "hidden_experts",
        "spearman_winrate",
    }
    datetime.fromisoformat(results["cutoff"])
    assert set(results["methods"]) == set(METHODS)
    for method in METHODS:
        assert set(results["methods"][method]) == set(METRICS)
    assert set(results["spearman_winrate"]) == set(METHODS)
    assert results["routing"]
    for row in results["routing"]:
        assert set(row) == {"question", "accepted_answerer", "ranking"}
        assert len(row["ranking"]) <= 100
    assert results["standing"]
    assert len(results["hidden_experts"]) <= 20

    ours = results["methods"]["causerie"]
    for baseline in ("answer_count", "zscore"):
        theirs = results["methods"][baseline]
        assert ours["mrr"] > theirs["mrr"], (name, baseline, ours, theirs)
        assert ours["hit_at_10"] > theirs["hit_at_10"], (name, baseline, ours, theirs)
    rho = results["spearman_winrate"]
    assert rho["causerie"] > rho["answer_count"], (name, rho)


def inject_ring(
    community, *, size: int, answers_each: int, start: datetime
) -> list[int]:
    """A ring of new accounts created the same week: each asks questions the
    others answer; every answer is accepted and up-voted. Returns the ring's
    dump-style user ids (above any real one)."""
    from causerie.accounts.models import User
    from causerie.core.markdown import render_markdown
    from causerie.publishing.models import Comment, Intent, Post
    from causerie.recognition.models import Recognition
    from causerie.standing.models import AnonymousVotes, ImportedItem

    site = "ring.example"
    members = []
    for i in range(size):
        member = User.objects.create_user(
            f"anneau{i}", None, None, display_name=f"Anneau {i}"
        )
        member.date_joined = start - timedelta(days=10) + timedelta(hours=i)
        member.save(update_fields=["date_joined"])
        members.append(member)
    source_ids = [90_000_000 + i for i in range(size)]
    mapping = [
        ImportedItem(
            community=community,
            site=site,
            kind=ImportedItem.Kind.MEMBER,
            source_id=source_ids[i],
            target_id=member.pk,
        )
        for i, member in enumerate(members)
    ]
    counter = 0
    for asker_index, asker in enumerate(members):
        for n in range(answers_each):
            counter += 1
            when = start + timedelta(days=counter % 60, hours=n)
            answerer = members[(asker_index + 1 + n % (size - 1)) % size]
            post = Post.objects.create(
                community=community,
                author=asker,
                title=f"Quelle bière {counter} ?",
                body="Une question de l'anneau.",
                body_html=render_markdown("Une question de l'anneau."),
                intent=Intent.INFORMATION,
                published_at=when,
                last_activity_at=when,
                is_question=True,
            )
            answer = Comment.objects.create(
                post=post,
                author=answerer,
                body="Une réponse de l'anneau.",
                body_html=render_markdown("Une réponse de l'anneau."),
            )
            Comment.objects.filter(pk=answer.pk).update(
                created_at=when + timedelta(hours=1)
            )
            Post.objects.filter(pk=post.pk).update(accepted_comment=answer)
            Recognition.objects.create(
                community=community,
                recogniser=asker,
                author=answerer,
                post=post,
                comment=answer,
                kind=Recognition.Kind.ACCEPTED_ANSWER,
                given_at=when + timedelta(hours=2),
            )
            AnonymousVotes.objects.create(
                post=post,
                comment=answer,
                day=(when + timedelta(days=1)).date(),
                up=size - 1,
            )
            mapping += [
                ImportedItem(
                    community=community,
                    site=site,
                    kind=ImportedItem.Kind.QUESTION,
                    source_id=95_000_000 + counter,
                    target_id=post.pk,
                ),
                ImportedItem(
                    community=community,
                    site=site,
                    kind=ImportedItem.Kind.ANSWER,
                    source_id=96_000_000 + counter,
                    target_id=answer.pk,
                ),
            ]
    ImportedItem.objects.bulk_create(mapping)
    return source_ids


def test_a_ring_enters_the_answer_count_top_but_not_causerie_standing():
    from causerie.communities.models import Community
    from causerie.standing.importer import import_dump

    import_dump(
        dump(DEVELOPMENT_SET), community_slug="anneau", update_search_index=False
    )
    community = Community.objects.get(slug="anneau")
    before = evaluation.dataset_from_community(community=community)
    cut = datetime.fromtimestamp(evaluation.cutoff(before), UTC)
    ring = set(
        inject_ring(community, size=6, answers_each=12, start=cut - timedelta(days=150))
    )
    dataset = evaluation.dataset_from_community(community=community)
    cut_time = evaluation.cutoff(dataset)
    assert cut_time < cut.timestamp()  # the ring's questions moved the cut a little

    answers = {}
    for _question, author, created, _text in dataset.answers.values():
        if created < cut_time and author is not None:
            answers[author] = answers.get(author, 0) + 1
    by_count = sorted(answers, key=lambda user: (-answers[user], user))[:20]
    assert len(ring & set(by_count)) >= 4

    results = evaluation.evaluate(dataset)
    top = results["standing"][:20]
    assert len(ring & set(top)) <= 1
    assert not ring & set(results["hidden_experts"])

    model = evaluation.build_model(dataset, cut_time)
    flagged = [
        {model.member_ids[m] for m in members}
        for members, _r, _s in model.result.clusters
    ]
    assert ring in flagged
