"""Helpers shared by forms."""

from django import forms
from django.core.exceptions import ValidationError

from causerie.core.exceptions import DomainError


def attach_error(form: forms.Form, error: DomainError | ValidationError) -> None:
    """Show a service's refusal next to the field it concerns (or above the form)."""
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            for field_name, messages in error.message_dict.items():
                target = field_name if field_name in form.fields else None
                for message in messages:
                    form.add_error(target, message)
        else:
            form.add_error(None, error)
        return
    target = error.field if error.field in form.fields else None
    form.add_error(target, str(error.message))
