"""Elections app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElectionsConfig(AppConfig):
    name = "causerie.elections"
    label = "elections"
    verbose_name = _("Elections")

    def ready(self) -> None:
        from causerie.elections import tasks  # noqa: F401
