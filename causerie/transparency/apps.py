"""Transparency app configuration: own sites and self-promotion shares."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparencyConfig(AppConfig):
    name = "causerie.transparency"
    label = "transparency"
    verbose_name = _("Transparency")
