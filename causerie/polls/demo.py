"""Demo content of the polls app: one open poll, with some votes, on a recent
billet of the "jardins" community. Idempotent: loaded by `manage.py load_demo`
through DEMO_EXTENSIONS."""

from datetime import timedelta

from causerie.polls import services
from causerie.polls.models import Ballot, Poll, PollOption
from causerie.publishing.models import Post

POST_TITLE = "Des poules au jardin partagé : bonne ou mauvaise idée ?"
QUESTION = "Faut-il installer un poulailler au jardin des Glycines ?"
OPTIONS = [
    "Oui, dès ce printemps",
    "Oui, après un essai d'un mois",
    "Non, pas dans un jardin partagé",
    "Je n'ai pas d'avis",
]
# Who votes for which option (by position). Inès, the new member, has not
# voted yet: logging in as her shows the vote form.
VOTES = {
    "elise": 2,
    "djamel": 1,
    "gaelle": 2,
    "karine": 3,
    "lucien": 2,
    "rose": 1,
}


def load(*, members, communities, now) -> int:
    community = communities.get("jardins")
    if community is None:
        return 0
    post = Post.objects.filter(community=community, title=POST_TITLE).first()
    if post is None:
        return 0
    created = 0
    poll = Poll.objects.filter(post=post).first()
    if poll is None:
        poll = services.add_poll(
            actor=post.author,
            post=post,
            question=QUESTION,
            options=OPTIONS,
            closes_at=now + timedelta(days=8),
            now=now,
        )
        created += 1
    if poll.is_closed(now):
        return created
    options = {
        option.position: option.pk for option in PollOption.objects.filter(poll=poll)
    }
    for handle, position in VOTES.items():
        voter = members.get(handle)
        if voter is None or Ballot.objects.filter(poll=poll, voter=voter).exists():
            continue
        services.vote(actor=voter, poll=poll, option_ids=[options[position]], now=now)
        created += 1
    return created
