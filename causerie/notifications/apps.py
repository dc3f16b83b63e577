"""Notifications app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "causerie.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from causerie.notifications import handlers, tasks  # noqa: F401
