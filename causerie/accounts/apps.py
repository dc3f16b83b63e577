"""Accounts app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "causerie.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from causerie.accounts import handlers, tasks  # noqa: F401

        user_logged_in.connect(
            handlers.record_visit_on_login, dispatch_uid="causerie_visit_on_login"
        )
