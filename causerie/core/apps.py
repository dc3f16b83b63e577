"""Core app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "causerie.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from causerie.core import scheduling, tasks  # noqa: F401
