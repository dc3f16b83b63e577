"""The two full-text engines behind one interface: PostgreSQL (tsvector, GIN,
french_unaccent and english configurations) and SQLite (FTS5 over text stemmed
in Python). Only causerie.search.services and selectors call this module."""

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection, connections
from django.db.models import Case, F, FloatField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Substr
from django.db.models.sql import Query
from django.db.models.sql.compiler import SQLCompiler
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from causerie.search.models import FTS_TABLE, POSTGRES_CONFIGS, SearchDocument
from causerie.search.query import ParsedQuery, Piece
from causerie.search.text import LANGUAGES, highlight, index_terms, stemmed_text

# Title matches weigh more than body matches on both engines.
SQLITE_RANK = f"bm25({FTS_TABLE}, 4.0, 1.0, 0.0)"
# ts_headline marks matches with these (control characters never reach the
# index: clean_text turns them into spaces), then everything else is escaped.
START, STOP = "\x02", "\x03"
SNIPPET_WORDS = 36
# The SQLite matches, taken first (see SQLiteEngine.match).
HITS = "search_hits"


class SQLiteEngine:
    def write(self, documents: list[SearchDocument]) -> None:
        """Replace the FTS rows of these documents with their stemmed text."""
        self.delete([document.pk for document in documents])
        rows = [
            (
                document.pk,
                stemmed_text(document.title, document.language),
                stemmed_text(document.body, document.language),
                document.language,
            )
            for document in documents
            if document.kind != SearchDocument.Kind.MEMBER
        ]
        if rows:
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE} (rowid, title, body, language) "
                    "VALUES (%s, %s, %s, %s)",
                    rows,
                )

    def delete(self, document_ids: list[int]) -> None:
        if document_ids:
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"DELETE FROM {FTS_TABLE} WHERE rowid = %s",
                    [(pk,) for pk in document_ids],
                )

    def match_expression(self, query: ParsedQuery) -> str | None:
        """An FTS5 query made only of double-quoted stems (so no FTS5 syntax can
        come from the member), one branch per language of the documents."""
        branches = []
        for language in LANGUAGES:
            phrases = []
            for piece in query.pieces_for(language):
                stems = index_terms(" ".join(piece.words), language)
                if stems:
                    phrases.append('"' + " ".join(stems) + '"')
            if phrases:
                branches.append(
                    f'(language : "{language}" AND '
                    f"{{title body}} : ({' AND '.join(phrases)}))"
                )
        return " OR ".join(branches) or None

    def match(
        self, documents: QuerySet, query: ParsedQuery, *, by_relevance: bool
    ) -> QuerySet:
        """The documents matching `query`, joined to the FTS5 matches taken
        first (HitsFirstQuery): joined directly to search_fts, SQLite's planner
        starts from a community, author or tag index and runs the MATCH
        again for each of its rows (18 s for one community at 1,100,000
        documents, docs/benchmarks.md "At scale")."""
        expression = self.match_expression(query)
        if expression is None:
            return documents.none()
        table = SearchDocument._meta.db_table
        documents = documents.extra(  # constant SQL; the FTS query is a parameter
            tables=[HITS],
            where=[f"{HITS}.document_id = {table}.id"],
            select={"score": f"{HITS}.score"} if by_relevance else {},
        )
        hits_first = documents.query.chain(klass=HitsFirstQuery)
        hits_first.match_expression = expression
        documents.query = hits_first
        if by_relevance:
            return documents.order_by("score", "-published_at", "-pk")
        return documents.order_by("-published_at", "-pk")

    def snippets(
        self, documents: list[SearchDocument], query: ParsedQuery
    ) -> dict[int, SafeString]:
        stems = {
            language: {
                stem
                for piece in query.pieces_for(language)
                for stem in index_terms(" ".join(piece.words), language)
            }
            for language in LANGUAGES
        }
        return {
            document.pk: mark_safe(  # highlight() escapes the text
                highlight(
                    document.body,
                    language=document.language,
                    stems=stems.get(document.language, set()),
                    size=SNIPPET_WORDS,
                )
            )
            for document in documents
        }


class HitsFirstCompiler(SQLCompiler):
    def as_sql(self, with_limits=True, with_col_aliases=False):
        sql, params = super().as_sql(with_limits, with_col_aliases)
        # The paginator's COUNT(*) drops the extra select: no bm25() there.
        score = f", {SQLITE_RANK} AS score" if "score" in self.query.extra else ""
        return (
            f"WITH {HITS} AS MATERIALIZED (SELECT rowid AS document_id{score} "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) {sql}",
            (self.query.match_expression, *params),
        )


class HitsFirstQuery(Query):
    """A SearchDocument query preceded by `WITH search_hits AS MATERIALIZED
    (SELECT rowid, bm25() FROM search_fts WHERE search_fts MATCH ?)`: the full
    text is matched once, and only its hits are then joined, filtered, counted
    and sorted. MATERIALIZED keeps SQLite from folding the CTE back into the
    join. The paginator's COUNT(*) and the page's LIMIT go through it too;
    reads only (an update or a delete would lose the WITH)."""

    match_expression = ""

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        if using:
            connection = connections[using]
        if connection is None:
            raise ValueError("Need either using or connection")
        return HitsFirstCompiler(self, connection, using, elide_empty)


class PostgresEngine:
    def write(self, documents: list[SearchDocument]) -> None:
        """Compute the vectors of these documents in the database, each with
        its language's configuration."""
        ids = [
            document.pk
            for document in documents
            if document.kind != SearchDocument.Kind.MEMBER
        ]
        if ids:
            SearchDocument.objects.filter(pk__in=ids).update(
                vector=Case(
                    *(
                        When(language=language, then=self._vector(config))
                        for language, config in POSTGRES_CONFIGS.items()
                    ),
                    default=self._vector(POSTGRES_CONFIGS["fr"]),
                )
            )

    def delete(self, document_ids: list[int]) -> None:
        """The vector goes with its row."""

    @staticmethod
    def _vector(config: str):
        return SearchVector("title", weight="A", config=config) + SearchVector(
            "body", weight="B", config=config
        )

    def queries(self, query: ParsedQuery) -> dict[str, SearchQuery]:
        """One tsquery per language: every piece required. Each piece is sent
        quoted to websearch_to_tsquery, so OR, - and quotes typed by a member
        are words, never operators."""
        queries = {}
        for language in LANGUAGES:
            pieces = query.pieces_for(language)
            if not pieces:
                continue
            combined = self._piece(pieces[0], language)
            for piece in pieces[1:]:
                combined &= self._piece(piece, language)
            queries[language] = combined
        return queries

    def _piece(self, piece: Piece, language: str) -> SearchQuery:
        config = POSTGRES_CONFIGS[language]
        if piece.is_phrase:
            return SearchQuery(
                '"' + " ".join(piece.words) + '"',
                search_type="websearch",
                config=config,
            )
        variants = _plural_variants(piece.words[0]) if language == "fr" else []
        combined = SearchQuery(
            f'"{piece.words[0]}"', search_type="websearch", config=config
        )
        for variant in variants:
            combined |= SearchQuery(
                f'"{variant}"', search_type="websearch", config=config
            )
        return combined

    def match(
        self, documents: QuerySet, query: ParsedQuery, *, by_relevance: bool
    ) -> QuerySet:
        queries = self.queries(query)
        if not queries:
            return documents.none()
        condition = Q()
        for language, search_query in queries.items():
            condition |= Q(language=language, vector=search_query)
        documents = documents.filter(condition)
        if not by_relevance:
            return documents.order_by("-published_at", "-pk")
        rank = Case(
            *(
                When(language=language, then=SearchRank(F("vector"), search_query))
                for language, search_query in queries.items()
            ),
            default=Value(0.0),
            output_field=FloatField(),
        )
        return documents.annotate(rank=rank).order_by("-rank", "-published_at", "-pk")

    def snippets(
        self, documents: list[SearchDocument], query: ParsedQuery
    ) -> dict[int, SafeString]:
        """ts_headline on the page's documents only (one query)."""
        queries = self.queries(query)
        if not documents:
            return {}
        headline = Case(
            *(
                When(
                    language=language,
                    then=SearchHeadline(
                        "body",
                        search_query,
                        config=POSTGRES_CONFIGS[language],
                        start_sel=START,
                        stop_sel=STOP,
                        max_words=SNIPPET_WORDS,
                        min_words=SNIPPET_WORDS // 2,
                    ),
                )
                for language, search_query in queries.items()
            ),
            default=Substr("body", 1, 300),
            output_field=TextField(),
        )
        rows = dict(
            SearchDocument.objects.filter(
                pk__in=[document.pk for document in documents]
            )
            .annotate(snippet=headline)
            .values_list("pk", "snippet")
        )
        return {
            document.pk: _marked(rows.get(document.pk) or "", document.body)
            for document in documents
        }


def _marked(headline: str, body: str) -> SafeString:
    """Escape a headline, turn its markers into <mark>, and show with "…"
    where it cuts the text."""
    headline = headline.replace(STOP + START, "").strip()
    plain = headline.replace(START, "").replace(STOP, "")
    escaped = escape(headline).replace(START, "<mark>").replace(STOP, "</mark>")
    before = "" if body.startswith(plain[:40]) else "… "
    after = "" if body.rstrip().endswith(plain[-40:]) else " …"
    return mark_safe(before + escaped + after)  # escaped above


def _plural_variants(word: str) -> list[str]:
    """The singular or plural of a French word: PostgreSQL's French stemmer
    keeps "élus" apart from "élu" and "vélos" apart from "vélo"."""
    lowered = word.lower()
    if len(lowered) >= 4 and lowered.endswith("s") and not lowered.endswith("ss"):
        return [word[:-1]]
    if len(lowered) >= 4 and lowered.endswith(("eux", "eaux")):
        return [word[:-1]]
    if lowered.endswith(("eu", "eau")):
        return [word + "x"]
    return [word + "s"]


def engine() -> SQLiteEngine | PostgresEngine:
    return PostgresEngine() if connection.vendor == "postgresql" else SQLiteEngine()
