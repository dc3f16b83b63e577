"""Mandates: founding a community grants the founder's founding mandate."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from causerie.core.testing import make_community
from causerie.governance import services
from causerie.governance.models import Mandate


def test_grant_founding_mandate_runs_when_a_community_is_founded(member):
    before = timezone.now()

    community = make_community(founder=member)

    mandate = Mandate.objects.get(community=community)
    assert mandate.holder == member
    assert mandate.kind == Mandate.Kind.FOUNDING
    assert before <= mandate.started_at <= timezone.now()
    assert mandate.ends_at is None
    assert mandate.ended_at is None


def test_grant_founding_mandate_refuses_a_second_current_mandate(community, member):
    with pytest.raises(IntegrityError), transaction.atomic():
        services.grant_founding_mandate(community=community, founder=member)

    assert Mandate.objects.filter(community=community, holder=member).count() == 1


def test_grant_founding_mandate_accepts_a_new_mandate_once_the_last_one_ended(
    community, member
):
    # No service ends a mandate yet (elections come later): end it in place.
    Mandate.objects.filter(community=community).update(ended_at=timezone.now())

    services.grant_founding_mandate(community=community, founder=member)

    assert (
        Mandate.objects.filter(community=community, ended_at__isnull=True).count() == 1
    )
