"""Text handling shared by indexing and querying: plain text from rendered HTML,
accent folding, stop words, stemming (for the SQLite index) and the snippets
SQLite results show. docs/search.md describes what matches."""

import html
import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape

LANGUAGES = ("fr", "en")
STEMMERS = {"fr": "french", "en": "english"}
# Alphanumeric runs: what FTS5's unicode61 tokenizer and PostgreSQL's parser
# both treat as words ("_" and apostrophes separate words).
WORD = re.compile(r"[^\W_]+")
TAG = re.compile(r"<[^>]*>")
SPACES = re.compile(r"\s+")
# Letters NFKD does not decompose.
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l"})

# Short lists, written folded (no accents, lowercase). Keep in step with
# docs/search.md. PostgreSQL's own `french` and `english` configurations drop
# their (longer) lists; these are used for the SQLite index and, on both
# databases, to tell a member that a search holds only common words.
FRENCH_STOP_WORDS = """
    a ai as au aux avec c ce ces cet cette d dans de des du elle elles en et
    eux il ils j je l la le les leur leurs lui m ma mais me mes moi mon n ne
    nos notre nous on ont ou par pas pour qu que qui s sa se ses son sont sur
    t ta te tes toi ton tu un une vos votre vous y est
"""
ENGLISH_STOP_WORDS = """
    a an and are as at be been but by do does for from had has have he her
    his i if in into is it its me my of on or our she so than that the their
    them then there these they this those to us was we were which who will
    with you your
"""
STOP_WORDS = {
    "fr": frozenset(FRENCH_STOP_WORDS.split()),
    "en": frozenset(ENGLISH_STOP_WORDS.split()),
}


def clean_text(text: str) -> str:
    """Control and format characters become spaces (NUL cannot be stored by
    PostgreSQL, and the snippets use two control characters as markers)."""
    return "".join(
        " "
        if unicodedata.category(character) in {"Cc", "Cf", "Cs", "Co"}
        else character
        for character in text
    )


def plain_text(rendered_html: str) -> str:
    """The words of rendered Markdown: tags become spaces, entities characters."""
    text = html.unescape(TAG.sub(" ", rendered_html))
    return SPACES.sub(" ", clean_text(text)).strip()


def fold(word: str) -> str:
    """Lowercase without diacritics: "Élus" gives "elus", "cœur" gives "coeur"."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(LIGATURES))
    return "".join(
        character for character in decomposed if not unicodedata.combining(character)
    )


def words(text: str) -> list[str]:
    return WORD.findall(text)


@lru_cache(maxsize=65536)
def stem(word: str, language: str) -> str:
    """The stem of one folded word. French drops a plural "s" (and the "x" of
    "-eux", "-eaux") first: the Snowball stemmer keeps "élus" apart from "élu"
    and "vélos" apart from "vélo"."""
    is_plural = (word.endswith("s") and not word.endswith("ss")) or word.endswith(
        ("eux", "eaux")
    )
    if language == "fr" and len(word) >= 4 and is_plural:
        word = word[:-1]
    return _stemmer(language).stemWord(word)


@lru_cache(maxsize=4)
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS[language])


def is_stop_word(word: str, language: str) -> bool:
    return fold(word) in STOP_WORDS[language]


def index_terms(text: str, language: str) -> list[str]:
    """The stems of a text, stop words left out, in order (for the SQLite index
    and for SQLite queries, so both sides meet)."""
    stop_words = STOP_WORDS[language]
    folded = (fold(word) for word in words(text))
    return [stem(word, language) for word in folded if word not in stop_words]


def stemmed_text(text: str, language: str) -> str:
    return " ".join(index_terms(text, language))


def highlight(text: str, *, language: str, stems: set[str], size: int = 36) -> str:
    """An HTML snippet of plain `text` around its first word whose stem is in
    `stems`, each such word in <mark>, everything else escaped. The start of
    the text when no word matches."""
    found = []
    first = None
    is_complete = True
    for match in WORD.finditer(text):
        is_hit = stem(fold(match.group()), language) in stems
        if is_hit and first is None:
            first = len(found)
        found.append((match.start(), match.end(), is_hit))
        # Stop once the window is full, or early in a very long text.
        if (first is not None and len(found) > first + size) or len(found) > 5000:
            is_complete = False
            break
    if not found:
        return escape(text[:300])
    start = 0 if first is None or first < size // 3 else first - size // 3
    window = found[start : start + size]
    begin = 0 if start == 0 else window[0][0]
    is_last = is_complete and start + size >= len(found)
    end = len(text) if is_last else window[-1][1]
    parts = ["… " if begin > 0 else ""]
    position = begin
    for word_start, word_end, is_hit in window:
        if is_hit:
            parts.append(escape(text[position:word_start]))
            parts.append(f"<mark>{escape(text[word_start:word_end])}</mark>")
            position = word_end
    parts.append(escape(text[position:end]))
    if not is_last:
        parts.append(" …")
    return "".join(parts)
