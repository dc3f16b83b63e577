"""Polls app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    name = "causerie.polls"
    label = "polls"
    verbose_name = _("Polls")
