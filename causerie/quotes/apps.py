"""Verified quotes app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuotesConfig(AppConfig):
    name = "causerie.quotes"
    label = "quotes"
    verbose_name = _("Verified quotes")

    def ready(self) -> None:
        from causerie.quotes import handlers  # noqa: F401 (registers the handlers)
