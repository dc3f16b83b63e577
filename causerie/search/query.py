"""What a member typed, made safe: words and quoted phrases only, so no search
syntax of either database ever reaches it, and never longer than a short query."""

import re
from dataclasses import dataclass

from causerie.search.text import LANGUAGES, clean_text, fold, is_stop_word, words

MAX_QUERY_LENGTH = 200  # characters kept; the page says when a query was cut
MAX_PIECES = 12  # words and phrases
MAX_PHRASE_WORDS = 10
# Typed as operators they are dropped: every word is required, none excluded.
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
QUOTES = str.maketrans(dict.fromkeys("«»“”„‟″", '"'))
PHRASE = re.compile(r'"([^"]*)"')
WORD_END = re.compile(r"[^\W_]+$")


@dataclass(frozen=True, slots=True)
class Piece:
    """One required word, or a phrase whose words must follow each other."""

    words: tuple[str, ...]
    is_phrase: bool = False

    def is_useful(self, language: str) -> bool:
        """A phrase needs one word that is not a stop word of `language`; a
        single word must not be a stop word of any language ("the", "de")."""
        languages = [language] if self.is_phrase else LANGUAGES
        return any(
            not any(is_stop_word(word, other) for other in languages)
            for word in self.words
        )


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    text: str
    pieces: tuple[Piece, ...]
    is_cut: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.pieces

    def pieces_for(self, language: str) -> list[Piece]:
        """The pieces that still mean something once `language`'s stop words go."""
        return [piece for piece in self.pieces if piece.is_useful(language)]

    @property
    def has_only_stop_words(self) -> bool:
        return bool(self.pieces) and not any(
            self.pieces_for(language) for language in LANGUAGES
        )


def parse_query(raw: str) -> ParsedQuery:
    """Quoted phrases (straight or French quotes) and words; an unbalanced
    quote, operators, punctuation and control characters are ignored."""
    text = " ".join(clean_text(raw or "").split())
    is_cut = len(text) > MAX_QUERY_LENGTH
    if is_cut:
        # A word cut in two would be required as typed: drop its first half.
        kept = text[:MAX_QUERY_LENGTH]
        if WORD_END.search(kept) and text[MAX_QUERY_LENGTH].isalnum():
            kept = WORD_END.sub("", kept).rstrip() or kept
        text = kept
    pieces: list[Piece] = []
    seen: set[tuple[str, ...]] = set()

    def add(found: list[str], *, is_phrase: bool) -> None:
        key = tuple(fold(word) for word in found)
        if found and key not in seen and len(pieces) < MAX_PIECES:
            seen.add(key)
            pieces.append(Piece(tuple(found), is_phrase=is_phrase and len(found) > 1))

    quoted = text.translate(QUOTES)
    for phrase in PHRASE.findall(quoted):
        add(words(phrase)[:MAX_PHRASE_WORDS], is_phrase=True)
    for word in words(PHRASE.sub(" ", quoted)):
        if word not in OPERATORS:
            add([word], is_phrase=False)
    return ParsedQuery(text=text, pieces=tuple(pieces), is_cut=is_cut)
