"""Helpers shared by forms."""

from django import forms

from causerie.core.exceptions import DomainError


def attach_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal next to the field it concerns (or above the form)."""
    target = error.field if error.field in form.fields else None
    form.add_error(target, str(error.message))
