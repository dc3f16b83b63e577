"""Search app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "causerie.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from causerie.search import handlers  # noqa: F401 (registers the handlers)
