"""Hat decisions racing on PostgreSQL: the hat's row lock lets one moderator
decide; the other is told the request was already decided."""

import pytest

from causerie.core.exceptions import DomainError
from causerie.core.testing import join, make_community, make_member, run_together
from causerie.governance.models import Mandate
from causerie.hats import services
from causerie.hats.models import Hat, HatStatus
from causerie.moderation.models import ModerationLogEntry

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("postgresql_only"),
]


def test_two_moderators_deciding_at_once_give_one_decision_and_one_refusal():
    founder = make_member("fondatrice")
    community = make_community(founder=founder)
    second = join(make_member("second"), community)
    Mandate.objects.create(
        community=community,
        holder=second,
        kind=Mandate.Kind.ELECTED,
        started_at=community.created_at,
    )
    asker = join(make_member("ines"), community)
    hat = services.request_hat(
        actor=asker,
        community=community,
        organisation="Jardins",
        role="Trésorière",
        proof_url="https://example.org",
    )

    results = run_together(
        [
            lambda: services.grant_hat(
                actor=founder, hat_id=hat.pk, reason="Lien vérifié."
            ),
            lambda: services.refuse_hat(actor=second, hat_id=hat.pk, reason="Non."),
        ]
    )

    errors = [result for result in results if isinstance(result, Exception)]
    assert len(errors) == 1
    assert isinstance(errors[0], DomainError)
    assert errors[0].code == "hat_already_decided"
    hat.refresh_from_db()
    assert hat.status in (HatStatus.GRANTED, HatStatus.REFUSED)
    assert ModerationLogEntry.objects.filter(hat=hat).count() == 1


def test_two_identical_requests_at_once_give_one_hat():
    founder = make_member("fondatrice")
    community = make_community(founder=founder)
    asker = join(make_member("ines"), community)

    def ask():
        return services.request_hat(
            actor=asker,
            community=community,
            organisation="Jardins",
            role="Trésorière",
            proof_url="https://example.org",
        )

    results = run_together([ask, ask])

    errors = [result for result in results if isinstance(result, Exception)]
    assert [error.code for error in errors] == ["hat_duplicate"]
    assert Hat.objects.count() == 1


def test_a_hat_removed_while_a_billet_is_written_is_never_worn_after_its_removal(
    settings,
):
    """Either the billet was written first (it keeps the hat, marked removed
    later) or the removal was (the billet is refused): never a billet that
    wears a hat already removed when it was written."""
    from causerie.publishing import services as publishing_services
    from causerie.publishing.models import Post

    settings.CAUSERIE_HAT_REQUESTS_PER_DAY = 10
    founder = make_member("fondatrice")
    community = make_community(founder=founder)
    asker = join(make_member("ines"), community)
    for round_number in range(5):
        hat = services.request_hat(
            actor=asker,
            community=community,
            organisation=f"Jardins {round_number}",
            role="Trésorière",
            proof_url="https://example.org",
        )
        services.grant_hat(actor=founder, hat_id=hat.pk, reason="Lien vérifié.")
        hat.refresh_from_db()

        results = run_together(
            [
                lambda hat=hat, number=round_number: publishing_services.publish_post(
                    actor=asker,
                    community=community,
                    title=f"Billet {number}",
                    body="Texte.",
                    intent="information",
                    hat=hat,
                ),
                lambda hat=hat: services.remove_hat(
                    actor=founder, hat_id=hat.pk, reason="Plus trésorière."
                ),
            ]
        )

        published, removal = results
        assert not isinstance(removal, Exception)
        hat.refresh_from_db()
        if isinstance(published, Exception):
            assert published.code == "hat_not_wearable"
        else:
            post = Post.objects.get(pk=published.pk)
            assert post.hat_id == hat.pk
            assert post.created_at <= hat.removed_at
