"""The demo loads a finished election that makes sense, and loads it once."""

import pytest
from django.core.management import call_command

from causerie.elections.models import Election
from causerie.elections.services import recount
from causerie.governance.models import Mandate
from causerie.moderation.models import LogAction, ModerationLogEntry

pytestmark = pytest.mark.django_db


def test_demo_election_is_finished_recountable_and_idempotent():
    call_command("load_demo", verbosity=0)
    election = Election.objects.get(community__slug="brassage")
    assert election.phase == Election.Phase.FINISHED
    assert election.voter_count == 9
    elected = set(
        election.candidacies.filter(elected=True).values_list(
            "member__handle", flat=True
        )
    )
    assert elected == {"amelie", "bruno", "lucien"}
    current = Mandate.objects.filter(
        community=election.community, ended_at__isnull=True
    )
    assert {m.holder.handle for m in current} == elected
    assert {m.kind for m in current} == {Mandate.Kind.ELECTED}
    published = dict(election.result)
    published.pop("candidacy_ids")
    assert recount(election=election).to_json() == published
    called = ModerationLogEntry.objects.get(action=LogAction.ELECTION_CALLED)
    assert called.created_at == election.called_at
    call_command("load_demo", verbosity=0)
    assert Election.objects.filter(community__slug="brassage").count() == 1
