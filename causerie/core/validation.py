"""Model validation for services: a refusal is a DomainError, like every other."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext as _

from causerie.core.exceptions import InvalidRequest


def validate_model(instance: models.Model, **options) -> None:
    """Run `full_clean`; raise InvalidRequest naming the first invalid field.

    Forms catch the same problems earlier with friendlier wording; this keeps
    callers without a form (tasks, importers, the API) from writing bad rows.
    """
    try:
        instance.full_clean(**options)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            field, messages = next(iter(error.message_dict.items()))
        else:
            field, messages = NON_FIELD_ERRORS, error.messages
        raise InvalidRequest(
            messages[0], field=None if field == NON_FIELD_ERRORS else field
        ) from error


def check_text(**texts: str) -> None:
    """Refuse text that no form would accept: NUL characters (PostgreSQL cannot
    store them) and lone surrogates (not encodable as UTF-8). Call before
    rendering, so that callers without a form get a clear refusal too."""
    for field, text in texts.items():
        if "\x00" in text:
            raise InvalidRequest(_("Null characters are not allowed."), field=field)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidRequest(
                _("This text contains characters that cannot be stored."), field=field
            ) from None


ASCII_ID = re.compile(r"[0-9]{1,12}")


def parse_id(value) -> int | None:
    """A row id read from a query string, or None. Only ASCII digits:
    `str.isdigit()` also accepts "²" or "٣", which int() then refuses."""
    if value is None:
        return None
    value = str(value)
    return int(value) if ASCII_ID.fullmatch(value) else None


def is_web_address(value: str) -> bool:
    """A public http(s) address, as links members give are checked (a hat's
    proof, a sponsor's link): no other scheme, no spaces or control
    characters (a browser would drop them and could read another scheme)."""
    if any(character <= " " or character == "\x7f" for character in value):
        return False
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return False
    return urlsplit(value).scheme.lower() in ("http", "https")
