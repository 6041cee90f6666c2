"""Full-text search behind one interface: SQLite FTS5 or PostgreSQL, chosen by the database.

An app registers a model with weighted fields and a function that builds the text of each
field. The SQLite backend keeps an FTS5 table `<db_table>_fts` (rowid = pk, porter stemming,
accents removed); the PostgreSQL backend keeps a stored tsvector column on the model (with a
GIN index), built from accent-stripped text with the 'english' configuration. Both take the
same web-search syntax: words (AND), "quoted phrases", -exclusion and OR.

Beside either engine, `dcrnet.lib.postings` keeps the tokens the engine made of each row, by
block of ids, so that a query is answered (matches, BM25 scores) with array operations
whatever the number of matches; the engine still tokenises, checks long phrases and
highlights. `matching` asks the engine itself, for querysets.

    index = search.register(Reference, fields={"title": "A", "body": "C"}, document=fn)
    found = search.hits(Reference, "insite -cost")        # masks and scores by pk
    best = found.top(0, 20, within=mask_of_other_filters)  # [(pk, score), ...]
    qs = search.matching(Reference.objects.filter(...), "insite -cost")
    marks = search.snippets(objects, "insite -cost")      # {pk: {field: html}}

The app creates the FTS5 table or the GIN index and the postings tables in migrations (see
`install_sql`, `postings.install_sql`) and calls `update(obj)` / `remove(obj)` when what
feeds the document changes.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models, router, transaction
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString, mark_safe

from . import postings

WEIGHTS = ("A", "B", "C", "D")


class SearchVectorColumn(SearchVectorField):
    """A tsvector on PostgreSQL, an unused text column elsewhere; no contrib.postgres app."""

    def check(self, **kwargs):
        return [e for e in super().check(**kwargs) if e.id != "postgres.E005"]

    def db_type(self, connection) -> str:
        return "tsvector" if connection.vendor == "postgresql" else "text"


# BM25 field weights for A, B, C, D (the postings rank with them on both databases).
BM25_WEIGHT = postings.LETTER_WEIGHT
OPEN, CLOSE = "\x02", "\x03"


@dataclass(frozen=True)
class Index:
    model: type[models.Model]
    fields: dict[str, str]
    document: Callable[[models.Model], dict[str, str]]
    related: tuple[str, ...]  # what `document` reads beyond the row, to prefetch
    vector_field: str = "search_vector"

    @property
    def table(self) -> str:
        return f"{self.model._meta.db_table}_fts"

    @property
    def spec(self) -> postings.Spec:
        return postings.Spec(
            self.model._meta.db_table, tuple(self.fields.values()), self.vector_field
        )

    def texts(self, obj: models.Model) -> list[str]:
        doc = self.document(obj)
        return [doc.get(name, "") or "" for name in self.fields]


_registry: dict[type[models.Model], Index] = {}


def register(
    model: type[models.Model],
    *,
    fields: dict[str, str],
    document: Callable[[models.Model], dict[str, str]],
    related: Sequence[str] = (),
    vector_field: str = "search_vector",
) -> Index:
    """Make a model searchable. `fields` maps field name → weight A (highest) … D."""
    if any(weight not in WEIGHTS for weight in fields.values()):
        raise ValueError(f"weights must be one of {WEIGHTS}")
    index = Index(model, dict(fields), document, tuple(related), vector_field)
    _registry[model] = index
    return index


def index_for(model: type[models.Model]) -> Index:
    return _registry[model._meta.concrete_model]


def _vendor(model: type[models.Model]) -> str:
    return connections[router.db_for_write(model)].vendor


def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


# --- The query language ------------------------------------------------------------------


@dataclass
class Query:
    """All `groups` must match (each group: any one of its alternatives); no `excluded` may."""

    groups: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groups or self.excluded)


TOKEN = re.compile(r'-?"[^"]*"?|\S+')
WORD = re.compile(r"\w", re.UNICODE)


def parse(text: str) -> Query:
    """Web-search syntax, like PostgreSQL's websearch_to_tsquery, but with OR binding tighter
    than the implicit AND (`a b OR c` is a AND (b OR c)), the way people read it."""
    query = Query()
    pending_or = False
    for token in TOKEN.findall(strip_accents(text or "")[:500]):
        if token.upper() == "OR" and query.groups:
            pending_or = True
            continue
        negative = token.startswith("-") and len(token) > 1
        if negative:
            token = token[1:]
        words = " ".join(re.findall(r"\w+", token.strip('"').lower()))
        if not words or not WORD.search(words):
            continue
        if negative:
            query.excluded.append(words)
            pending_or = False
        elif pending_or:
            query.groups[-1].append(words)
            pending_or = False
        else:
            query.groups.append([words])
    return query


def _fts5_string(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


def fts5_expression(query: Query) -> str:
    positive = " AND ".join(
        "(" + " OR ".join(_fts5_string(alt) for alt in group) + ")" for group in query.groups
    )
    return positive + "".join(f" NOT {_fts5_string(words)}" for words in query.excluded)


def _pg_query(query: Query):
    from django.contrib.postgres.search import SearchQuery

    def one(words: str) -> SearchQuery:
        kind = "phrase" if " " in words else "plain"
        return SearchQuery(words, search_type=kind, config="english")

    combined = None
    for group in query.groups:
        alternatives = None
        for words in group:
            alternatives = one(words) if alternatives is None else alternatives | one(words)
        combined = alternatives if combined is None else combined & alternatives
    for words in query.excluded:
        combined = ~one(words) if combined is None else combined & ~one(words)
    return combined


# --- Reading ---------------------------------------------------------------------------


def matching(queryset: models.QuerySet, text: str) -> models.QuerySet:
    """The queryset restricted to rows that match `text` (unchanged when text is empty)."""
    query = parse(text)
    if not query:
        return queryset
    index = index_for(queryset.model)
    if _vendor(queryset.model) == "postgresql":
        return queryset.filter(**{index.vector_field: _pg_query(query)})
    if query.groups:
        return queryset.filter(
            pk__in=RawSQL(
                f"SELECT rowid FROM {index.table} WHERE {index.table} MATCH %s",
                [fts5_expression(query)],
            )
        )
    either = " OR ".join(_fts5_string(words) for words in query.excluded)
    return queryset.exclude(
        pk__in=RawSQL(f"SELECT rowid FROM {index.table} WHERE {index.table} MATCH %s", [either])
    )


@dataclass
class Hits:
    """What a query matches, as arrays indexed by primary key."""

    mask: np.ndarray  # bool: the matching rows
    scores: np.ndarray | None  # float32 BM25; None when the query has no words to rank by
    generation: int | None = None  # of the index the hits were read from

    def count(self, within: np.ndarray | None = None) -> int:
        return int(np.count_nonzero(self.mask if within is None else both(self.mask, within)))

    def top(
        self, offset: int, limit: int, within: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """[(pk, score)] best first (ties: newest pk first), from `offset`, at most `limit`."""
        mask = self.mask if within is None else both(self.mask, within)
        ids = np.flatnonzero(mask)
        if self.scores is None:
            scores = np.zeros(len(ids), np.float32)
        else:
            scores = fit(self.scores, len(mask))[ids]
        wanted = offset + limit
        if wanted <= 0 or not len(ids):
            return []
        if wanted < len(ids):
            threshold = np.partition(scores, len(ids) - wanted)[len(ids) - wanted]
            keep = scores >= threshold  # every tie at the threshold, to order them by pk
            ids, scores = ids[keep], scores[keep]
        order = np.lexsort((-ids, -scores))[offset:wanted]
        return [(int(ids[i]), float(scores[i])) for i in order]


def fit(array: np.ndarray, size: int) -> np.ndarray:
    """`array` cut or padded (with zeros) to `size`."""
    if len(array) >= size:
        return array[:size]
    return np.concatenate([array, np.zeros(size - len(array), dtype=array.dtype)])


def both(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    size = max(len(a), len(b))
    return fit(a, size) & fit(b, size)


def generation(model: type[models.Model]) -> int | None:
    """A number that changes whenever the index of `model` is written (None: never written)."""
    index = index_for(model)
    return postings.generation(connections[router.db_for_read(index.model)], index.spec)


def hits(model: type[models.Model], text: str, *, generation: int | None = None) -> Hits:
    """Every row of `model` matching `text`, with its BM25 score, from the postings.

    Words match as the engine stems them; two-word phrases by which token follows which in
    the postings, longer ones are then checked by the engine on those candidates. Each word
    adds its BM25 score (FTS5's formula, with the fields' weights).
    `generation`: what `generation()` has just returned, if the caller read it (else it is
    read with the query's tokens, and `Hits.generation` says which it was)."""
    index = index_for(model)
    connection = connections[router.db_for_read(index.model)]
    spec = index.spec
    query = parse(text)
    texts = [words for group in query.groups for words in group] + query.excluded
    # On PostgreSQL each statement is a round trip: the generation is read with the query's
    # tokens, or, when this process knows them already, with the postings.
    token_lists = postings.cached_tokens(connection, texts) if generation is None else None
    if token_lists is None and generation is None:
        generation, token_lists = postings.generation_and_tokens(connection, spec, texts)
    elif token_lists is None:
        token_lists = postings.query_tokens(connection, texts)
    tokens = dict(zip(texts, token_lists, strict=True))

    def is_phrase(words: str) -> bool:
        return len(tokens[words]) > 1 and (connection.vendor == "sqlite" or " " in words)

    wanted = {t for parts in tokens.values() for _, t in parts}
    firsts = {first for words in texts if is_phrase(words) for _, first in tokens[words][:-1]}
    if generation is None:
        generation, lists, followed = postings.generation_and_postings(
            connection, spec, wanted, firsts
        )
    else:
        lists, followed = postings.fetch_with_follows(connection, spec, wanted, firsts)
    stats = postings.stats(connection, spec, generation)
    mask = stats.present.copy()
    if not query:
        return Hits(mask, None, generation)
    size = len(mask)

    def rows_followed(first: str, second: str) -> np.ndarray:
        """Rows where token `second` comes right after token `first`."""
        records = followed.get(first, postings.EMPTY_FOLLOWS)
        return postings.mask_of(records["id"][records["next"] == postings.token_hash(second)], size)

    def rows_of(token: str) -> np.ndarray:
        return postings.mask_of(lists.get(token, (postings.EMPTY_IDS, None))[0], size)

    def rows_matching(words: str) -> np.ndarray:
        parts = tokens[words]
        found = rows_of(parts[0][1])
        for _, token in parts[1:]:
            found &= rows_of(token)
        if not is_phrase(words):
            return found
        exact = len(parts) == 2
        for (first_at, first), (second_at, second) in pairwise(parts):
            if second_at == first_at + 1:
                found &= rows_followed(first, second)
            else:
                exact = False  # a stop word between them, or two tokens in one place
        if not exact and found.any():
            found = _phrase_rows(index, connection, words, found)
        return found

    scores = np.zeros(size, dtype=np.float32) if query.groups else None
    any_words = False
    for group in query.groups:
        alternatives = [words for words in group if tokens[words]]
        if not alternatives:
            continue  # only stop words: ignored, as PostgreSQL does
        any_words = True
        either = np.zeros(size, dtype=bool)
        for words in alternatives:
            found = rows_matching(words)
            either |= found
            for token in {token for _, token in tokens[words]}:
                ids, weights = lists.get(token, (postings.EMPTY_IDS, postings.EMPTY_WEIGHTS))
                ids, score = postings.bm25(ids, weights, stats)
                scores[ids] += score * found[ids]
        mask &= either
    if not any_words and not any(tokens[w] for w in query.excluded):
        # Nothing left to look for, as PostgreSQL answers a query of stop words only, excluded
        # ones too ("-the"): no row.
        mask[:] = False
    for words in query.excluded:
        if tokens[words]:
            mask &= ~rows_matching(words)
    return Hits(mask, scores, generation)


def _phrase_rows(index: Index, connection, words: str, candidates: np.ndarray) -> np.ndarray:
    """Those of the `candidates` rows where `words` occur as a phrase, as the engine checks it."""
    ids = [int(pk) for pk in np.flatnonzero(candidates)]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f'SELECT id FROM "{index.model._meta.db_table}" WHERE id = ANY(%s) '
                f"AND \"{index.vector_field}\" @@ phraseto_tsquery('english', %s)",
                [ids, words],
            )
            found = [row[0] for row in cursor.fetchall()]
        else:
            found: list[int] = []
            for start in range(0, len(ids), 5000):
                chunk = ids[start : start + 5000]
                cursor.execute(
                    f"SELECT rowid FROM {index.table} WHERE {index.table} MATCH %s "
                    f"AND rowid IN ({', '.join(['%s'] * len(chunk))})",
                    [_fts5_string(words), *chunk],
                )
                found += [row[0] for row in cursor.fetchall()]
    return postings.mask_of(np.array(found, dtype=np.int64), len(candidates))


def _marked(text: str) -> SafeString:
    # html.escape is what django's escape calls, without its check for lazy strings (a third
    # of the time of a page of snippets)
    marked = html.escape(text).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")
    return mark_safe(marked)  # noqa: S308


def snippets(
    objects: Sequence[models.Model], text: str, *, words: int = 30
) -> dict[int, dict[str, SafeString]]:
    """For each object: every field with the matched words in <mark>; long fields cut to a
    fragment around the matches. Objects must carry what the document needs (prefetched)."""
    query = parse(text)
    if not objects or not query.groups:
        return {}
    index = index_for(type(objects[0]))
    names = list(index.fields)
    result: dict[int, dict[str, SafeString]] = {}
    if _vendor(index.model) == "postgresql":
        return _pg_snippets(index, objects, query, words)
    parts = []
    for position in range(len(names)):
        if position == 0:
            parts.append(f"highlight({index.table}, {position}, '{OPEN}', '{CLOSE}')")
        else:
            parts.append(f"snippet({index.table}, {position}, '{OPEN}', '{CLOSE}', ' … ', {words})")
    placeholders = ", ".join("%s" for _ in objects)
    sql = (
        f"SELECT rowid, {', '.join(parts)} FROM {index.table} "
        f"WHERE {index.table} MATCH %s AND rowid IN ({placeholders})"
    )
    with connections[router.db_for_read(index.model)].cursor() as cursor:
        cursor.execute(sql, [fts5_expression(query), *[obj.pk for obj in objects]])
        for row in cursor.fetchall():
            result[row[0]] = {
                name: _marked(value or "") for name, value in zip(names, row[1:], strict=True)
            }
    return result


def marks_sql(model: type[models.Model], text: str, *, words: int = 30) -> tuple[str, list] | None:
    """PostgreSQL: (sql, params) of a column to add to a query of `model`'s rows that gives
    what `snippets` gives each row, in one value (read it with `marks_of`): the rows and
    their marks in one round trip. None on SQLite (no round trips to save) or when `text`
    has no words to mark; rows indexed before texts were kept get NULL (ask `snippets`)."""
    query = parse(text)
    if not query.groups or _vendor(model) != "postgresql":
        return None
    index = index_for(model)
    sql_query, query_params = _compile(_pg_query(query), index.model)
    options = _headline_options(index, words)
    heads = " || chr(30) || ".join(
        f"coalesce(ts_headline('english', split_part(d.texts, chr(31), {n + 1}), q.query, %s), '')"
        for n in range(len(options))
    )
    row = f'"{model._meta.db_table}"."{model._meta.pk.column}"'
    return (
        f'(SELECT {heads} FROM "{index.spec.doclen}" AS d, (SELECT {sql_query} AS query) AS q '
        f"WHERE d.doc = {row} AND d.texts IS NOT NULL)",
        [*options, *query_params],
    )


def marks_of(model: type[models.Model], value: str | None) -> dict[str, SafeString] | None:
    """The marks of one row from the column of `marks_sql` (None: ask `snippets`)."""
    names = list(index_for(model).fields)
    heads = (value or "").split("\x1e")
    if value is None or len(heads) != len(names):
        return None
    return {name: _marked(head) for name, head in zip(names, heads, strict=True)}


def _headline_options(index: Index, words: int) -> list[str]:
    """ts_headline's options for each field: the first (the title) whole, the others cut."""
    whole = f"StartSel={OPEN}, StopSel={CLOSE}, HighlightAll=true"
    cut = (
        f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords={words}, MinWords={words // 2},"
        " MaxFragments=2, FragmentDelimiter=' … '"
    )
    return [whole, *[cut] * (len(index.fields) - 1)]


def _pg_snippets(
    index: Index, objects, query: Query, words: int
) -> dict[int, dict[str, SafeString]]:
    """ts_headline over the texts kept beside the postings (the documents as written, with
    their accents): one statement, nothing to prefetch. Rows indexed before texts were kept
    have their documents made again."""
    names = list(index.fields)
    sql_query, query_params = _compile(_pg_query(query), index.model)
    options = _headline_options(index, words)
    result: dict[int, dict[str, SafeString]] = {}

    def headlines(rows_sql: str, fields: list[str], params: list) -> None:
        heads = ", ".join(f"ts_headline('english', {f}, q.query, %s)" for f in fields)
        with connections[router.db_for_read(index.model)].cursor() as cursor:
            cursor.execute(
                f"SELECT r.pk, {heads} FROM {rows_sql}, (SELECT {sql_query} AS query) AS q",
                [*options, *params, *query_params],
            )
            for pk, *heads_of in cursor.fetchall():
                result[pk] = {
                    name: _marked(head or "") for name, head in zip(names, heads_of, strict=True)
                }

    split = [f"split_part(r.texts, chr(31), {n + 1})" for n in range(len(names))]
    headlines(
        f'(SELECT doc AS pk, texts FROM "{index.spec.doclen}" '
        "WHERE texts IS NOT NULL AND doc = ANY(%s)) AS r",
        split,
        [[obj.pk for obj in objects]],
    )
    missing = [obj for obj in objects if obj.pk not in result]
    if missing:
        models.prefetch_related_objects(missing, *index.related)
        texts = [postings.joined(index.texts(obj)) for obj in missing]
        headlines(
            "unnest(%s::bigint[], %s::text[]) AS r(pk, texts)",
            split,
            [[obj.pk for obj in missing], texts],
        )
    return result


def _compile(expression, model) -> tuple[str, list]:
    from django.db.models.sql import Query as SqlQuery

    sql_query = SqlQuery(model)
    connection = connections[router.db_for_read(model)]
    compiler = sql_query.get_compiler(connection=connection)
    resolved = expression.resolve_expression(sql_query)
    sql, params = compiler.compile(resolved)
    return sql, list(params)


# --- Writing ---------------------------------------------------------------------------


def _pg_vector_sql(index: Index) -> str:
    return " || ".join(
        f"setweight(to_tsvector('english', %s), '{weight}')" for weight in index.fields.values()
    )


def update(objects: models.Model | Iterable[models.Model]) -> None:
    """(Re)index objects; they should carry what `document` needs, or it will query."""
    if isinstance(objects, models.Model):
        objects = [objects]
    objects = list(objects)
    if not objects:
        return
    index = index_for(type(objects[0]))
    _write(index, [(obj.pk, index.texts(obj)) for obj in objects])


def update_pks(model: type[models.Model], pks: Iterable[int]) -> None:
    index = index_for(model)
    pks = list(pks)
    if pks:
        update(model._default_manager.filter(pk__in=pks).prefetch_related(*index.related))


def _write(index: Index, rows: list[tuple[int, list[str]]]) -> None:
    connection = connections[router.db_for_write(index.model)]
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # No unaccent here: the vector is made of the text without its accents.
            table = index.model._meta.db_table
            cursor.executemany(
                f'UPDATE "{table}" SET "{index.vector_field}" = {_pg_vector_sql(index)} '
                "WHERE id = %s",
                [(*[strip_accents(t) for t in texts], pk) for pk, texts in rows],
            )
        else:
            cursor.executemany(
                f"DELETE FROM {index.table} WHERE rowid = %s", [(pk,) for pk, _ in rows]
            )
            columns = ", ".join(index.fields)
            marks = ", ".join("%s" for _ in index.fields)
            cursor.executemany(
                f"INSERT INTO {index.table} (rowid, {columns}) VALUES (%s, {marks})",
                [(pk, *texts) for pk, texts in rows],
            )
        texts = dict(rows)
        docs = postings.document_tokens(connection, index.spec, list(texts), texts)
        if connection.vendor == "postgresql":  # SQLite keeps them in the FTS5 table
            for pk, doc in docs.items():
                doc.texts = postings.joined(texts[pk])
        postings.write(connection, index.spec, docs)


def remove(model: type[models.Model], pk: int) -> None:
    index = index_for(model)
    connection = connections[router.db_for_write(model)]
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor != "postgresql":  # on PostgreSQL the vector goes with the row
            cursor.execute(f"DELETE FROM {index.table} WHERE rowid = %s", [pk])
        postings.write(connection, index.spec, {}, removed=[pk])


def rebuild(model: type[models.Model], *, batch: int = 2000) -> int:
    """Index every row again; returns how many."""
    index = index_for(model)
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {index.table}")
    postings.clear(connection, index.spec)
    pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), batch):
        update_pks(model, pks[start : start + batch])
    return len(pks)


def rebuild_postings(connection, spec: postings.Spec, *, batch: int = 4096) -> int:
    """The postings again from what the engine's index holds (for a migration)."""
    postings.clear(connection, spec)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f'SELECT id FROM "{spec.table}" ORDER BY id')
        else:
            cursor.execute(f"SELECT rowid FROM {spec.fts} ORDER BY rowid")
        pks = [row[0] for row in cursor.fetchall()]
    for start in range(0, len(pks), batch):
        chunk = pks[start : start + batch]
        postings.write(connection, spec, postings.document_tokens(connection, spec, chunk))
    return len(pks)


def install_sql(vendor: str, table: str, fields: Sequence[str], vector_field: str) -> list[str]:
    """The DDL a migration runs to create the index of a model (see module docstring)."""
    if vendor == "sqlite":
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts USING fts5("
            + ", ".join(fields)
            + f", tokenize = '{postings.TOKENIZE}')"
        ]
    if vendor == "postgresql":
        return [
            f'CREATE INDEX IF NOT EXISTS "{table}_{vector_field}_gin" '
            f'ON "{table}" USING gin ("{vector_field}")'
        ]
    return []


def uninstall_sql(vendor: str, table: str, vector_field: str) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TABLE IF EXISTS {table}_fts"]
    if vendor == "postgresql":
        return [f'DROP INDEX IF EXISTS "{table}_{vector_field}_gin"']
    return []
