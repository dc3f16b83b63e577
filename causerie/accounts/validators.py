"""Handle rules: lowercase ascii letters, digits and underscore, as used in @mentions."""

from django.core.validators import MaxLengthValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

HANDLE_PATTERN = r"^[a-z0-9_]{2,30}$"

HANDLE_VALIDATORS = [
    RegexValidator(
        HANDLE_PATTERN,
        _(
            "Use 2 to 30 lowercase letters without accents, digits or underscores "
            "(it becomes your @handle)."
        ),
        code="invalid_handle",
    ),
    MaxLengthValidator(30),
]
