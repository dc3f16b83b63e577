"""Domain errors raised by services and mapped to responses in one place."""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    code = "domain_error"
    status = 400
    message = _("This action could not be completed.")

    def __init__(self, message=None, *, field: str | None = None) -> None:
        if message is not None:
            self.message = message
        self.field = field
        super().__init__(str(self.message))


class NotAllowed(DomainError):
    code = "not_allowed"
    status = 403
    message = _("You are not allowed to do this.")


class NotFound(DomainError):
    code = "not_found"
    status = 404
    message = _("This page does not exist or is no longer public.")


class Conflict(DomainError):
    code = "conflict"
    status = 409
    message = _("This conflicts with the current state; reload and try again.")


class InvalidRequest(DomainError):
    code = "invalid_request"
    status = 400
    message = _("The request is not valid.")
