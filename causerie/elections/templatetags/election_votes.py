"""Vote counts as members read them: 2, 0,25 or 2,34615 (never 2,00000)."""

from decimal import Decimal

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def votes(value) -> str:
    if value is None or value == "":
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    else:
        value = value.normalize()
    return formats.number_format(value, use_l10n=True)
