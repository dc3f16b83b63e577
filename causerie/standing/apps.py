"""Standing app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandingConfig(AppConfig):
    name = "causerie.standing"
    label = "standing"
    verbose_name = _("Standing")

    def ready(self) -> None:
        from causerie.standing import handlers, tasks  # noqa: F401
