"""Hats app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HatsConfig(AppConfig):
    name = "causerie.hats"
    label = "hats"
    verbose_name = _("Hats")

    def ready(self) -> None:
        from causerie.hats import handlers  # noqa: F401
