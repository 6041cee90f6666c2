"""Postings beside the database's full-text index: what keeps ranking and facets fast.

The database's engine (FTS5, PostgreSQL tsvector) tokenises, stems and checks phrases. Both
engines score row by row: about 1 µs a match on FTS5 and several on PostgreSQL, so a word
found in 40 % of a 100,000-reference library costs 50–400 ms to rank. This module keeps, for
every token the engine produced, the documents holding it and how strongly (the weights of
the fields it occurs in, summed over its occurrences), as arrays in one row per block of 4,096
document ids. A query then reads a few rows per word and scores every match with BM25 in a
handful of array operations.

Tables, created by `install_sql`:
    <table>_postings    (token, block, ids, weights, follows)  by id: int32 ids, float32
                        weights, FOLLOW records (the hash of the next token, for phrases)
    <table>_doclen      (doc, length, tokens, texts)  what a document holds, for updates;
                        texts (PostgreSQL only) for ts_headline
    dcrnet_search_state (name, token)  a new random number at every write: what each
                        process checks the arrays it keeps by (`kept`)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import math
import secrets
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from django.db import OperationalError

BLOCK_BITS = 12
K1, B = 1.2, 0.75  # BM25 as FTS5 computes it
TOKENIZE = "porter unicode61 remove_diacritics 2"
LETTER_WEIGHT = {"A": 10.0, "B": 4.0, "C": 1.0, "D": 0.5}
STATE = "dcrnet_search_state"
SEPARATOR = "\x1f"  # between the fields of a document's texts
EMPTY_IDS = np.zeros(0, dtype="<i4")
EMPTY_WEIGHTS = np.zeros(0, dtype="<f4")
# One record per occurrence of a token that another follows: the document, and the hash of
# the token after it (what answers a phrase without the engine).
FOLLOW = np.dtype([("id", "<i4"), ("next", "<i8")])
EMPTY_FOLLOWS = np.zeros(0, dtype=FOLLOW)


@dataclass(frozen=True)
class Spec:
    """What the postings of one model need to know: its table, fields and their weights."""

    table: str  # the model's table
    letters: tuple[str, ...]  # weight letter of each field, in the order of the fields
    vector_field: str = "search_vector"

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    @property
    def postings(self) -> str:
        return f"{self.table}_postings"

    @property
    def doclen(self) -> str:
        return f"{self.table}_doclen"


def install_sql(vendor: str, table: str) -> list[str]:
    blob = "BYTEA" if vendor == "postgresql" else "BLOB"
    rowid = " WITHOUT ROWID" if vendor == "sqlite" else ""
    return [
        f'CREATE TABLE IF NOT EXISTS "{table}_postings" (token TEXT NOT NULL, '
        f"block INTEGER NOT NULL, ids {blob} NOT NULL, weights {blob} NOT NULL, "
        f"follows {blob} NOT NULL, "
        f"PRIMARY KEY (token, block)){rowid}",
        f'CREATE TABLE IF NOT EXISTS "{table}_doclen" (doc BIGINT PRIMARY KEY, '
        "length INTEGER NOT NULL, tokens TEXT NOT NULL, texts TEXT)",
        f"CREATE TABLE IF NOT EXISTS {STATE} (name TEXT PRIMARY KEY, token BIGINT NOT NULL)",
    ] + (
        # Stored as they are: compressing arrays of ids saves little and costs every read.
        [
            f'ALTER TABLE "{table}_postings" ALTER COLUMN ids SET STORAGE EXTERNAL, '
            "ALTER COLUMN weights SET STORAGE EXTERNAL, ALTER COLUMN follows SET STORAGE EXTERNAL"
        ]
        if vendor == "postgresql"
        else []
    )


def uninstall_sql(vendor: str, table: str) -> list[str]:
    return [f'DROP TABLE IF EXISTS "{table}_postings"', f'DROP TABLE IF EXISTS "{table}_doclen"']


@contextlib.contextmanager
def _blob_cursor(connection):
    """(cursor, execute) reading bytea as bytes on PostgreSQL: Django's client-side cursors
    read it as hex text, twice the size and parsed (measured: 4.0 against 1.7 ms for 400 KB)."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            yield cursor, cursor.execute
        return
    import psycopg

    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cursor:
        yield cursor, functools.partial(cursor.execute, binary=True)


def mask_of(ids: np.ndarray, size: int) -> np.ndarray:
    """Bool array of `size`, True at `ids` (those beyond it left out)."""
    mask = np.zeros(size, dtype=bool)
    mask[ids[ids < size]] = True
    return mask


_kept: dict[tuple, tuple[int, object]] = {}
_lock = threading.Lock()


def kept[T](connection, spec: Spec, name: str, build: Callable[[], T], current: int | None) -> T:
    """build(), kept by this process while the index of `spec` stays at generation `current`
    (None: read it now; an index never written keeps nothing)."""
    if current is None:
        current = generation(connection, spec)
    key = (connection.alias, connection.settings_dict["NAME"], spec.table, name)
    known = _kept.get(key)
    if known is not None and current is not None and known[0] == current:
        return known[1]
    with _lock:
        known = _kept.get(key)
        if known is not None and current is not None and known[0] == current:
            return known[1]
        value = build()
        if current is not None:
            _kept[key] = (current, value)
    return value


def _chunks[T](items: Sequence[T], size: int = 500) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _marks(n: int) -> str:
    return ", ".join(["%s"] * n)


# --- Tokens, from the database's own engine ------------------------------------------------


def _sqlite_scratch(cursor, columns: int, rows: Sequence[tuple]) -> str:
    """Fill a temporary FTS5 table that has the index's tokenizer (made on first use in a
    connection) with `rows` of (rowid, *columns); read its `<name>_v` instance vocabulary."""
    name = f"dcrnet_tokens_{columns}"
    cols = ", ".join(f"c{i}" for i in range(columns))
    insert = f"INSERT INTO temp.{name} (rowid, {cols}) VALUES (%s, {_marks(columns)})"
    try:
        cursor.executemany(insert, rows)
    except OperationalError:
        tokenize = f"tokenize = '{TOKENIZE}'"
        cursor.execute(f"CREATE VIRTUAL TABLE temp.{name} USING fts5({cols}, {tokenize})")
        cursor.execute(
            f"CREATE VIRTUAL TABLE temp.{name}_v USING fts5vocab(temp, {name}, instance)"
        )
        cursor.executemany(insert, rows)
    return name


def joined(texts: Sequence[str]) -> str:
    """The fields of a document as one text, SEPARATOR between them."""
    return SEPARATOR.join(text.replace(SEPARATOR, " ") for text in texts)


@dataclass
class Doc:
    length: int  # tokens in all fields
    weights: dict[str, float]  # token: its fields' weights summed over its occurrences
    follows: dict[str, list[int]]  # token: hash of the token after each of its occurrences
    texts: str | None = None  # PostgreSQL: the fields as written, for ts_headline


def document_tokens(
    connection, spec: Spec, pks: Sequence[int], texts: dict[int, list[str]] | None = None
) -> dict[int, Doc]:
    """What each document holds, as the engine tokenises it.

    SQLite tokenises `texts` (or, without them, what the FTS5 table holds); PostgreSQL reads the
    stored tsvectors, so call it after they are written."""
    docs = {pk: Doc(0, {}, {}) for pk in pks}
    weight = [LETTER_WEIGHT[letter] for letter in spec.letters]
    with connection.cursor() as cursor:
        for chunk in _chunks(list(pks), 2000):
            # pk: [(place, token, weight)]; places compare, and the next place is +1
            places: dict[int, list[tuple[tuple[int, int], str, float]]] = {}
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"SELECT t.id, u.lexeme, u.positions, u.weights "
                    f'FROM "{spec.table}" AS t, unnest(t."{spec.vector_field}") AS u '
                    "WHERE t.id = ANY(%s)",
                    [list(chunk)],
                )
                for pk, token, positions, letters in cursor.fetchall():
                    found = places.setdefault(pk, [])
                    for position, letter in zip(positions, letters, strict=True):
                        found.append(((0, position), token, LETTER_WEIGHT[letter]))
            else:
                if texts is None:
                    cursor.execute(
                        f"SELECT rowid, * FROM {spec.fts} WHERE rowid IN ({_marks(len(chunk))})",
                        list(chunk),
                    )
                    rows = cursor.fetchall()
                else:
                    rows = [(pk, *texts[pk]) for pk in chunk]
                name = _sqlite_scratch(cursor, len(spec.letters), rows)
                cursor.execute(f'SELECT doc, col, "offset", term FROM temp.{name}_v')
                for pk, col, offset, token in cursor.fetchall():
                    column = int(col[1:])
                    places.setdefault(pk, []).append(((column, offset), token, weight[column]))
                cursor.execute(f"DELETE FROM temp.{name}")
            for pk, found in places.items():
                docs[pk] = _doc(found)
    return docs


def _doc(found: list[tuple[tuple[int, int], str, float]]) -> Doc:
    doc = Doc(len(found), {}, {})
    at: dict[tuple[int, int], list[str]] = {}
    for place, token, wtf in found:
        doc.weights[token] = doc.weights.get(token, 0.0) + wtf
        at.setdefault(place, []).append(token)
    for (column, offset), firsts in at.items():
        for second in at.get((column, offset + 1), ()):
            for first in firsts:
                doc.follows.setdefault(first, []).append(token_hash(second))
    return doc


@functools.lru_cache(maxsize=65536)
def token_hash(token: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(token.encode(), digest_size=8).digest(), "little", signed=True
    )


def query_tokens(connection, texts: Sequence[str]) -> list[list[tuple[int, str]]]:
    """[(position, token)] the engine makes of each text, in order (PostgreSQL drops stop
    words but counts their positions)."""
    if not texts:
        return []
    result: list[list[tuple[int, str]]] = [[] for _ in texts]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT a.i, u.lexeme, p FROM unnest(%s::text[]) WITH ORDINALITY "
                "AS a(txt, i), unnest(to_tsvector('english', a.txt)) AS u, unnest(u.positions) p",
                [list(texts)],
            )
        else:
            name = _sqlite_scratch(cursor, 1, [(i + 1, text) for i, text in enumerate(texts)])
            cursor.execute(f'SELECT doc, term, "offset" FROM temp.{name}_v')
        for i, token, position in cursor.fetchall():
            result[i - 1].append((position, token))
        if connection.vendor != "postgresql":
            cursor.execute(f"DELETE FROM temp.{name}")
    return [sorted(pairs) for pairs in result]


# --- Writing ---------------------------------------------------------------------------


def _decode(ids: bytes, weights: bytes) -> tuple[np.ndarray, np.ndarray]:
    return np.frombuffer(ids, dtype="<i4"), np.frombuffer(weights, dtype="<f4")


def write(
    connection,
    spec: Spec,
    docs: dict[int, Doc],
    removed: Iterable[int] = (),
) -> None:
    """Replace what the postings hold of `docs` and drop `removed`; run inside a transaction."""
    pks = sorted(set(docs) | set(removed))
    if not pks:
        return
    if pks[-1] >= 2**31:
        raise ValueError("postings store ids below 2**31")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One writer at a time: each block is read, changed and written back.
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [spec.postings])
        old: dict[int, list[str]] = {}
        for chunk in _chunks(pks):
            cursor.execute(
                f'SELECT doc, tokens FROM "{spec.doclen}" WHERE doc IN ({_marks(len(chunk))})',
                list(chunk),
            )
            old.update((pk, tokens.split("\n") if tokens else []) for pk, tokens in cursor)
        by_block: dict[int, list[int]] = {}
        for pk in pks:
            by_block.setdefault(pk >> BLOCK_BITS, []).append(pk)
        for block, block_pks in by_block.items():
            _write_block(cursor, spec, block, block_pks, docs, old)
        for chunk in _chunks(pks):
            cursor.execute(
                f'DELETE FROM "{spec.doclen}" WHERE doc IN ({_marks(len(chunk))})', list(chunk)
            )
        cursor.executemany(
            f'INSERT INTO "{spec.doclen}" (doc, length, tokens, texts) VALUES (%s, %s, %s, %s)',
            [(pk, doc.length, "\n".join(doc.weights), doc.texts) for pk, doc in docs.items()],
        )
        bump(cursor, spec)


def _write_block(cursor, spec, block, block_pks, docs, old) -> None:
    added: dict[str, list[int]] = {}  # token: the changed documents holding it
    touched: set[str] = set()
    for pk in block_pks:
        touched.update(old.get(pk, ()))
        if pk in docs:
            for token in docs[pk].weights:
                added.setdefault(token, []).append(pk)
    touched.update(added)
    existing: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for chunk in _chunks(sorted(touched)):
        cursor.execute(
            f'SELECT token, ids, weights, follows FROM "{spec.postings}" '
            f"WHERE block = %s AND token IN ({_marks(len(chunk))})",
            [block, *chunk],
        )
        existing.update(
            (token, (*_decode(ids, w), np.frombuffer(f, dtype=FOLLOW)))
            for token, ids, w, f in cursor.fetchall()
        )
    changed = np.array(block_pks, dtype="<i4")
    upserts, deletes = [], []
    for token in touched:
        ids, weights, follows = existing.get(token, (EMPTY_IDS, EMPTY_WEIGHTS, EMPTY_FOLLOWS))
        if len(ids):
            keep = ~np.isin(ids, changed)
            ids, weights = ids[keep], weights[keep]
            follows = follows[~np.isin(follows["id"], changed)]
        holders = added.get(token)
        if holders:
            ids = np.concatenate([ids, np.array(holders, dtype="<i4")])
            weights = np.concatenate(
                [weights, np.array([docs[pk].weights[token] for pk in holders], dtype="<f4")]
            )
            order = np.argsort(ids, kind="stable")
            ids, weights = ids[order], weights[order]
            new = [(pk, h) for pk in holders for h in docs[pk].follows.get(token, ())]
            if new:
                follows = np.concatenate([follows, np.array(new, dtype=FOLLOW)])
                follows = follows[np.argsort(follows["id"], kind="stable")]
        if len(ids):
            upserts.append((token, block, ids.tobytes(), weights.tobytes(), follows.tobytes()))
        elif token in existing:
            deletes.append((token, block))
    cursor.executemany(
        f'INSERT INTO "{spec.postings}" (token, block, ids, weights, follows) '
        "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (token, block) DO UPDATE "
        "SET ids = excluded.ids, weights = excluded.weights, follows = excluded.follows",
        upserts,
    )
    cursor.executemany(f'DELETE FROM "{spec.postings}" WHERE token = %s AND block = %s', deletes)


def clear(connection, spec: Spec) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{spec.postings}"')
        cursor.execute(f'DELETE FROM "{spec.doclen}"')
        bump(cursor, spec)


def bump(cursor, spec: Spec) -> None:
    cursor.execute(
        f"INSERT INTO {STATE} (name, token) VALUES (%s, %s) "
        "ON CONFLICT (name) DO UPDATE SET token = excluded.token",
        [spec.table, secrets.randbits(62)],
    )


# --- Reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    """Document lengths by id, read once per generation of the index."""

    length: np.ndarray  # float32 indexed by id; 0 where there is no document
    present: np.ndarray  # bool indexed by id
    count: int
    average: float


def generation(connection, spec: Spec) -> int | None:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {STATE} WHERE name = %s", [spec.table])
        row = cursor.fetchone()
    return row[0] if row else None


def stats(connection, spec: Spec, current: int | None = None) -> Stats:
    """The lengths as of generation `current` (None: read it now)."""
    return kept(connection, spec, "stats", lambda: _read_stats(connection, spec), current)


def _read_stats(connection, spec: Spec) -> Stats:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT doc, length FROM "{spec.doclen}"')
        rows = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 2)
    size = int(rows[:, 0].max()) + 1 if len(rows) else 0
    length = np.zeros(size, dtype=np.float32)
    length[rows[:, 0]] = rows[:, 1]
    count = len(rows)
    average = float(rows[:, 1].mean()) if count else 1.0
    return Stats(length, mask_of(rows[:, 0], size), count, max(average, 1e-9))


def _read(connection, spec: Spec, tokens: Iterable[str], columns: dict[str, np.dtype]):
    """{token: {column: array over every block, by id}} of the `columns` asked for."""
    tokens = sorted(set(tokens))
    parts: dict[str, list[tuple[bytes, ...]]] = {}
    with _blob_cursor(connection) as (cursor, execute):
        for chunk in _chunks(tokens):
            execute(
                f'SELECT token, {", ".join(columns)} FROM "{spec.postings}" '
                f"WHERE token IN ({_marks(len(chunk))}) ORDER BY token, block",
                list(chunk),
            )
            for token, *blobs in cursor.fetchall():
                parts.setdefault(token, []).append(blobs)
    return {
        token: {
            name: np.concatenate([np.frombuffer(row[i], dtype=dtype) for row in rows])
            for i, (name, dtype) in enumerate(columns.items())
        }
        for token, rows in parts.items()
    }


def fetch(
    connection, spec: Spec, tokens: Iterable[str]
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """{token: (ids, weights)} over every block, ids ascending."""
    found = _read(connection, spec, tokens, {"ids": np.dtype("<i4"), "weights": np.dtype("<f4")})
    return {token: (arrays["ids"], arrays["weights"]) for token, arrays in found.items()}


def fetch_follows(connection, spec: Spec, tokens: Iterable[str]) -> dict[str, np.ndarray]:
    """{token: FOLLOW records over every block, by id}."""
    found = _read(connection, spec, tokens, {"follows": FOLLOW})
    return {token: arrays["follows"] for token, arrays in found.items()}


def bm25(ids: np.ndarray, weights: np.ndarray, stats: Stats) -> tuple[np.ndarray, np.ndarray]:
    """(ids, BM25 score of each for one token), FTS5's formula with its idf floor of 1e-6.

    Ids written after `stats` was read are left out (ids ascend, so they are a tail)."""
    df = len(ids)
    idf = max(math.log((stats.count - df + 0.5) / (df + 0.5)) if df else 0.0, 1e-6)
    keep = int(np.searchsorted(ids, len(stats.length)))
    ids, weights = ids[:keep], weights[:keep]
    norm = K1 * (1 - B + B * stats.length[ids] / stats.average)
    return ids, (idf * weights * (K1 + 1) / (weights + norm)).astype(np.float32)
