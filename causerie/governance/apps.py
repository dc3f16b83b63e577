"""Governance app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "causerie.governance"
    label = "governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        from causerie.governance import tasks  # noqa: F401
