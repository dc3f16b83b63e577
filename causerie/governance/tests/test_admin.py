"""The mandate admin is read-only: every change goes through a service."""

import pytest

from causerie.governance.models import Mandate


@pytest.fixture
def superuser(member_factory):
    return member_factory("admin_site", is_staff=True, is_superuser=True)


def test_mandate_admin_lists_mandates_for_a_superuser(client, community, superuser):
    client.force_login(superuser)

    response = client.get("/admin/governance/mandate/")

    assert response.status_code == 200
    assert "@camille" in response.content.decode()


def test_mandate_admin_refuses_to_add_a_mandate(client, community, superuser):
    client.force_login(superuser)

    response = client.get("/admin/governance/mandate/add/")

    assert response.status_code == 403


def test_mandate_admin_refuses_to_change_a_mandate(client, community, superuser):
    mandate = Mandate.objects.get()
    client.force_login(superuser)

    response = client.post(
        f"/admin/governance/mandate/{mandate.pk}/change/", {"kind": "elected"}
    )

    assert response.status_code == 403
    mandate.refresh_from_db()
    assert mandate.kind == Mandate.Kind.FOUNDING


def test_mandate_admin_refuses_to_delete_a_mandate(client, community, superuser):
    mandate = Mandate.objects.get()
    client.force_login(superuser)

    response = client.post(
        f"/admin/governance/mandate/{mandate.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert Mandate.objects.filter(pk=mandate.pk).exists()


@pytest.mark.parametrize("model", ["amendment", "recall"])
def test_vote_admins_are_read_only(client, community, superuser, model):
    client.force_login(superuser)

    listed = client.get(f"/admin/governance/{model}/")
    add = client.get(f"/admin/governance/{model}/add/")

    assert listed.status_code == 200
    assert add.status_code == 403


def test_ballots_are_not_in_the_admin(client, community, superuser):
    client.force_login(superuser)

    assert client.get("/admin/governance/ballot/").status_code == 404
