"""Helpers shared by forms."""

from django import forms

from causerie.core.exceptions import DomainError


def attach_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal next to the field it concerns (or above the form)."""
    target = error.field if error.field in form.fields else None
    form.add_error(target, str(error.message))


def attach_refusal(form: forms.Form, error: DomainError) -> None:
    """A refusal that concerns the input (400, 409) goes onto the form so the
    member can correct it, keeping what they typed; any other refusal (403,
    404) is re-raised for `handles_domain_errors`."""
    if error.status not in (400, 409):
        raise error
    attach_error(form, error)
