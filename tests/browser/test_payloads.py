"""Hostile corpora rendered in Chromium: no payload may run on the pages that show them."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from causerie.accounts import services as account_services
from causerie.communities import services as community_services
from causerie.core.testing import PASSWORD, make_member
from causerie.publishing import services as publishing_services

pytestmark = pytest.mark.browser

BODY_PAYLOADS = 300
POST_BODY_LIMIT = 45_000  # PostForm allows 50,000 characters
COMMENT_CHUNK = 4_000  # CommentForm allows 20,000; smaller makes a longer thread

# Installed before any page script: records what a payload would call, and the
# CSP's refusals (an inline script or handler that got through the sanitizer).
PROBE = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  const original = window[name];
  window[name] = function (...args) {
    window.__xss.push(name + "(" + args.map(String).join(", ") + ")");
    return original.apply(this, args);
  };
}
document.addEventListener("securitypolicyviolation", (event) => {
  window.__xss.push(
    "CSP " + event.violatedDirective + " blocked " + event.blockedURI +
    " " + (event.sample || "")
  );
});
"""

# What the sanitizer must never let into a page, whichever payload produced it.
DOM_AUDIT = """
() => {
  const found = [];
  const dangerous = "script:not([src^='/static/']), iframe, frame, object, embed, "
    + "svg, math, img, video, audio, source, style, "
    // The site's own stylesheet and feed autodiscovery links are expected.
    + "link:not([rel=stylesheet]):not([rel=alternate][type='application/atom+xml'][href^='/']), "
    + "base, meta[http-equiv], form:not([action]), input[type=image], isindex";
  for (const element of document.querySelectorAll(dangerous)) {
    found.push("element " + element.outerHTML.slice(0, 120));
  }
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\s\\u0000-\\u001f]+/g, "").toLowerCase();
      if (name.startsWith("on")) {
        found.push("handler " + element.outerHTML.slice(0, 120));
      } else if (["href", "src", "action", "formaction", "xlink:href", "style"]
          .includes(name) && /^(javascript|vbscript|data):|expression\\(/.test(value)) {
        found.push("url " + element.outerHTML.slice(0, 120));
      }
    }
  }
  return found;
}
"""


def _hostile_dir() -> Path:
    directory = Path(settings.CAUSERIE_SHARED_DATA) / "hostile"
    if not (directory / "blns.txt").is_file() or not (directory / "xss").is_dir():
        message = f"hostile corpora not found in {directory}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return directory


def _lines(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8", errors="replace").replace("\x00", "")
    return [line for line in text.splitlines() if line.strip()]


def _chunks(lines: list[str], limit: int, separator: str = "\n") -> list[str]:
    chunks, current, size = [], [], 0
    for line in lines:
        line = line[: limit // 2]
        if current and size + len(line) + len(separator) > limit:
            chunks.append(separator.join(current))
            current, size = [], 0
        current.append(line)
        size += len(line) + len(separator)
    if current:
        chunks.append(separator.join(current))
    return chunks


@pytest.fixture
def corpora():
    directory = _hostile_dir()
    xss = []
    for path in sorted((directory / "xss").glob("*.txt")):
        xss.extend(_lines(path))
    blns = [line for line in _lines(directory / "blns.txt") if not line.startswith("#")]
    assert len(xss) > 1500, "the XSS corpus looks truncated"
    return {"xss": xss, "blns": blns}


@pytest.fixture
def hostile_thread(transactional_db, corpora):
    """A community, a billet and a thread made of payloads, through the services."""
    xss, blns = corpora["xss"], corpora["blns"]
    polyglots = [line for line in xss if 10 < len(line) <= 200]
    author = make_member("auteur")
    replier = make_member("repondeur")
    account_services.update_profile(
        actor=author,
        member=author,
        display_name=polyglots[0][:80],
        bio="\n".join(xss[:40])[:500],
        links=["https://example.org/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"],
    )
    community = community_services.found_community(
        actor=author,
        name=polyglots[1][:80],
        slug="hostile",
        description="\n\n".join(xss[-60:])[:5000],
        language="fr",
    )
    community_services.join_community(
        actor=replier,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )

    body_lines = xss[:BODY_PAYLOADS]
    post = publishing_services.publish_post(
        actor=author,
        community=community,
        title=polyglots[2],
        # One payload per block, as a member pasting them would.
        body="\n\n".join(body_lines)[:POST_BODY_LIMIT],
        intent="information",
    )
    for title in polyglots[3:13]:
        publishing_services.publish_post(
            actor=replier,
            community=community,
            title=title,
            body=title,
            intent="opinion",
        )
    # A second version, so the history page shows a diff of payloads.
    post = publishing_services.edit_post(
        actor=author,
        post=post,
        title=polyglots[13],
        body="\n".join(xss[BODY_PAYLOADS : 2 * BODY_PAYLOADS])[:POST_BODY_LIMIT],
        intent="opinion",
    )

    # The rest of the corpora as comments, alternating authors, some nested.
    rest = xss[2 * BODY_PAYLOADS :] + blns
    parent = None
    for index, body in enumerate(_chunks(rest, COMMENT_CHUNK)):
        comment = publishing_services.post_comment(
            actor=(author, replier)[index % 2],
            post=post,
            body=body,
            parent=parent if index % 3 else None,
        )
        parent = comment
    return {"author": author, "community": community, "post": post}


def _visit(context, url: str) -> list[str]:
    """Load a page, let deferred scripts run, and list what the payloads did."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"uncaught {error}"))
    page.on(
        "console",
        lambda message: (
            errors.append(f"console {message.type}: {message.text}")
            if "Content Security Policy" in message.text or message.type == "log"
            else None
        ),
    )
    response = page.goto(url, wait_until="load")
    assert response is not None
    assert response.status == 200, f"{url} answered {response.status}"
    page.wait_for_timeout(500)
    found = [f"ran {call}" for call in page.evaluate("window.__xss")]
    found += page.evaluate(DOM_AUDIT)
    page.close()
    return [f"{url}: {item}" for item in errors + found]


def test_hostile_payloads_do_not_run_on_the_pages_that_show_them(
    live_server, hostile_thread, new_context, dialogs
):
    post = hostile_thread["post"]
    base = live_server.url
    urls = [
        f"{base}{post.get_absolute_url()}",
        f"{base}{post.get_absolute_url()}historique/",
        f"{base}{hostile_thread['community'].get_absolute_url()}",
        f"{base}/@{hostile_thread['author'].handle}/",
        f"{base}/communautes/",
    ]

    # As served, logged in (the reply template and reply.js are on the page):
    # the sanitizer lets nothing through, so the CSP refuses nothing.
    served = new_context()
    served.add_init_script(PROBE)
    login = served.new_page()
    login.goto(f"{base}/compte/login/")
    form = login.locator("form[action='/compte/login/']")
    form.locator("input[name=login]").fill("repondeur@example.org")
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("button[type=submit]").click()
    login.wait_for_url(lambda url: "/compte/login/" not in url)
    login.close()
    problems = [problem for url in urls for problem in _visit(served, url)]

    # Anonymous and without the CSP: the sanitizer alone must stop every payload.
    bare = new_context(bypass_csp=True)
    bare.add_init_script(PROBE)
    problems += [problem for url in urls for problem in _visit(bare, url)]

    dialogs.check()
    assert not problems, "\n".join(problems[:50])
