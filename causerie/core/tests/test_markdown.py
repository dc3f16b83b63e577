"""Markdown rendering and the allow-list sanitizer: what members write can
format text and link to the web, nothing more."""

import pytest

from causerie.core.markdown import extract_mentions, render_markdown, sanitize
from causerie.core.tests.html_safety import hrefs, html_problems, url_scheme

REL = 'rel="nofollow ugc noopener"'


def render(text: str, handles=("camille",)) -> str:
    return render_markdown(text, mention_handles=set(handles))


# Formatting that members may use


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("*italique* et **gras**", "<p><em>italique</em> et <strong>gras</strong></p>"),
        ("`code`", "<p><code>code</code></p>"),
        ("> citation", "<blockquote>\n<p>citation</p>\n</blockquote>"),
        ("- un\n- deux", "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>"),
        (
            "1986. un\n1987. deux",
            '<ol start="1986">\n<li>un</li>\n<li>deux</li>\n</ol>',
        ),
        ("## Partie", "<h2>Partie</h2>"),
        ("~~barré~~", "<p><s>barré</s></p>"),
        ("---", "<hr"),
        ("```python\nx = 1\n```", "<pre><code>x = 1\n</code></pre>"),
    ],
)
def test_render_markdown_keeps_formatting_when_it_is_allowed(text, html):
    rendered = render(text)

    assert html in rendered
    assert html_problems(rendered) == []


def test_render_markdown_keeps_tables():
    rendered = render("| a | b |\n|---|---|\n| 1 | 2 |")

    assert "<table>" in rendered
    assert "<td>2</td>" in rendered
    assert html_problems(rendered) == []


def test_render_markdown_drops_level_1_headings_because_the_page_owns_its_title():
    rendered = render("# Titre")

    assert "<h1" not in rendered
    assert "Titre" in rendered


# Raw HTML is text


@pytest.mark.parametrize(
    "text",
    [
        "<b>gras</b>",
        "<script>alert(1)</script>",
        '<div onclick="alert(1)">x</div>',
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<math><mi>x</mi></math>",
        '<iframe src="https://example.org"></iframe>',
        "<style>body{display:none}</style>",
        "<!-- commentaire -->",
        '<a href="javascript:alert(1)">x</a>',
    ],
)
def test_render_markdown_escapes_raw_html(text):
    rendered = render(text)

    assert html_problems(rendered) == []
    assert "&lt;" in rendered
    assert "<" + text[1:] not in rendered


def test_render_markdown_escapes_raw_html_blocks_on_their_own_lines():
    rendered = render("<div>\n<script>alert(1)</script>\n</div>\n\ntexte")

    assert html_problems(rendered) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered


@pytest.mark.parametrize(
    "text",
    [
        "![photo](https://example.org/pixel.png)",
        '![photo](https://example.org/pixel.png "titre")',
        "![x][ref]\n\n[ref]: https://example.org/pixel.png",
    ],
)
def test_render_markdown_makes_no_image_when_an_image_is_written(text):
    rendered = render(text)

    assert "<img" not in rendered
    assert html_problems(rendered) == []


# Links


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("[site](https://example.org/a?b=1)", "https://example.org/a?b=1"),
        ("[site](http://example.org)", "http://example.org"),
        ("[écrire](mailto:camille@example.org)", "mailto:camille@example.org"),
        ("<https://example.org>", "https://example.org"),
        ("[page](/c/brassage/)", "/c/brassage/"),
    ],
)
def test_render_markdown_links_with_nofollow_ugc_noopener_when_the_scheme_is_allowed(
    text, href
):
    rendered = render(text)

    assert f'href="{href}"' in rendered.replace("&amp;", "&")
    assert REL in rendered
    assert html_problems(rendered) == []


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](  javascript:alert(1) )",
        "[x](<javascript:alert(1)>)",
        "[x](java&#x09;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&#58;alert(1))",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](DATA:text/html,<script>alert(1)</script>)",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x](ftp://example.org)",
    ],
)
def test_render_markdown_drops_the_href_when_the_scheme_is_not_allowed(text):
    rendered = render(text)

    assert html_problems(rendered) == []
    for href in hrefs(rendered):
        assert url_scheme(href) in (None, "http", "https", "mailto")
        assert "javascript:" not in href.lower()


def test_render_markdown_does_not_turn_bare_addresses_into_links():
    rendered = render("Voir https://example.org et www.example.org")

    assert "<a" not in rendered


# Mentions


def test_render_markdown_links_a_mention_when_the_handle_is_known():
    rendered = render("Merci @camille !")

    assert f'<a href="/@camille/" class="mention" {REL}>@camille</a>' in rendered


def test_render_markdown_links_a_mention_in_lowercase_when_written_in_capitals():
    rendered = render("Merci @Camille")

    assert 'href="/@camille/"' in rendered
    assert ">@Camille</a>" in rendered


def test_render_markdown_leaves_a_mention_as_text_when_the_handle_is_unknown():
    rendered = render("Merci @inconnu", handles=("camille",))

    assert "<a" not in rendered
    assert "@inconnu" in rendered


@pytest.mark.parametrize(
    "text",
    [
        "`@camille`",
        "```\n@camille\n```",
        "    @camille en code indenté",
        "[@camille](https://example.org)",
        "<https://example.org/@camille>",
        "écrire à camille@example.org",
        "https://example.org/@camille",
    ],
)
def test_render_markdown_does_not_link_a_mention_inside_code_links_or_addresses(text):
    rendered = render(text)

    assert "/@camille/" not in rendered
    assert "mention" not in rendered


def test_render_markdown_links_nothing_when_no_handles_are_given():
    assert "<a" not in render_markdown("Salut @camille")


def test_extract_mentions_returns_lowercase_handles_once():
    mentions = extract_mentions("@Camille, @camille et @dominique_2 ; a@b.fr ; `@x`")

    assert mentions >= {"camille", "dominique_2"}
    assert "b" not in mentions


# The sanitizer on its own (defence in depth: Markdown escapes HTML first)


@pytest.mark.parametrize(
    "html",
    [
        '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
        '<a href="vbscript:msgbox(1)">x</a>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<a href="http://example.org" target="_blank" style="color:red">x</a>',
        "<img src=x onerror=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        '<iframe src="https://example.org"></iframe>',
        "<style>*{}</style><p style='x'>p</p>",
        "<script>alert(1)</script>",
        "<form action='https://example.org'><input></form>",
        "<p onmouseover=alert(1)>x</p>",
        "<!-- <script>alert(1)</script> -->",
        '<object data="x.swf"></object><embed src="x.swf">',
    ],
)
def test_sanitize_keeps_only_allowed_tags_attributes_and_schemes(html):
    cleaned = sanitize(html)

    assert html_problems(cleaned) == []


def test_sanitize_adds_rel_to_every_link():
    cleaned = sanitize('<a href="https://example.org" rel="opener">x</a>')

    assert cleaned == f'<a href="https://example.org" {REL}>x</a>'
