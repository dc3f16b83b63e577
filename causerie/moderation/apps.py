"""Moderation app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "causerie.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from causerie.moderation import tasks  # noqa: F401
