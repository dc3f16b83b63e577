"""Browser lane: Debian's Chromium for pytest-playwright, dialog guard, screenshots."""

import os
import re
from pathlib import Path

import pytest

# Playwright's session fixture starts an event loop; without this Django refuses
# every database call made from the test body (SynchronousOnlyOperation).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # `playwright install` cannot download a browser on our machines.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


class DialogGuard:
    """Records every alert/confirm/prompt/beforeunload and dismisses it."""

    def __init__(self):
        self.opened: list[str] = []

    def watch(self, target) -> None:
        """Watch a BrowserContext (all its pages) or a single Page."""
        target.on("dialog", self._on_dialog)

    def _on_dialog(self, dialog) -> None:
        where = dialog.page.url if dialog.page else "?"
        self.opened.append(f"{dialog.type}: {dialog.message!r} on {where}")
        dialog.dismiss()

    def check(self) -> None:
        if self.opened:
            pytest.fail("JavaScript dialog(s) opened:\n" + "\n".join(self.opened))


@pytest.fixture
def dialogs():
    """Fails the test if any JavaScript dialog opens in a browser context."""
    guard = DialogGuard()
    yield guard
    guard.check()


@pytest.fixture
def new_context(new_context, dialogs):
    """pytest-playwright's context factory: every context is watched for dialogs."""

    def _new_context(**kwargs):
        context = new_context(**kwargs)
        # A missing element fails in seconds, not after Playwright's 30 s default.
        context.set_default_timeout(10_000)
        dialogs.watch(context)
        return context

    return _new_context


@pytest.fixture
def screenshot(request):
    """save(page, name) writes a full-page PNG into test-artifacts/ at the repo root."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    prefix = re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")

    def save(page, name: str) -> Path:
        path = ARTIFACTS_DIR / f"{prefix}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


def prose_text(text: str) -> re.Pattern:
    """What a one-paragraph text reads as on a page: its words, then the
    paragraph's "citer" link when the reader may quote it."""
    return re.compile(rf"^\s*{re.escape(text)}(\s+citer)?\s*$")


def log_in(page, base_url: str, login: str, password: str | None = None) -> None:
    """Sign in through the real form; `login`: an email, or the handle of a
    member made by core.testing.make_member (its email is handle@example.org)."""
    from causerie.core.testing import PASSWORD

    email = login if "@" in login else f"{login}@example.org"
    page.goto(f"{base_url}/compte/login/")
    form = page.locator("form[action='/compte/login/']")
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password or PASSWORD)
    form.locator("button[type=submit]").click()
    page.wait_for_url(lambda url: "/compte/login/" not in url)
