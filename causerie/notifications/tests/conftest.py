"""Fixtures of the notifications tests: notifications come from real events,
so the builders run with on-commit callbacks executed; emails go to a real SMTP
server on loopback."""

import email
import email.policy
import socket
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from causerie.core import testing
from causerie.notifications import services


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a builder or service and its after-commit handlers, like a request would."""

    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run


@pytest.fixture
def reply(committed):
    """Post a comment (optionally under `parent`) and run its handlers."""

    def post_reply(*, post, author, body="Merci !", parent=None):
        return committed(
            testing.make_comment, post=post, author=author, body=body, parent=parent
        )

    return post_reply


class RecordingHandler:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self):
        self.messages = []
        self.raw = []

    async def handle_DATA(self, server, session, envelope):
        self.raw.append(envelope.content)
        self.messages.append(
            (
                envelope.rcpt_tos,
                email.message_from_bytes(envelope.content, policy=email.policy.default),
            )
        )
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django's SMTP backend points to it."""
    handler = RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    handler.port = controller.port
    yield handler
    controller.stop()


@pytest.fixture
def closed_smtp_port(settings):
    """The SMTP backend points to a loopback port nobody listens on."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    return settings.EMAIL_PORT


@pytest.fixture
def clock(monkeypatch):
    """timezone.now() moved forward on demand, for services and auto dates alike."""

    class Clock:
        offset = timedelta()

        def advance(self, **duration):
            self.offset += timedelta(**duration)

    moved = Clock()
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + moved.offset)
    return moved


@pytest.fixture
def prefer():
    """Set one member's choice for one kind through the service."""

    def set_preference(member, kind, *, email, in_app=True):
        services.update_preferences(actor=member, preferences={kind: (in_app, email)})

    return set_preference
