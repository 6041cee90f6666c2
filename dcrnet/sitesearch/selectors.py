"""Searching the whole site for one visitor: the site index for the sections, the evidence
library through its own search; grouped by kind, counted, the best of each with snippets.

Who may read an entry is decided at query time, from facts kept on each entry (readable by
anyone, from when, forum category, owner) and the visitor's rights in each section: those facts
are arrays kept by each process for the index's current generation, so a query that matches
half the site costs a few array operations. The entries shown are checked once more against the
section's own QuerySet rule before they are shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import connections, router
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from dcrnet.lib import postings, search

from . import sources
from .indexing import INDEX
from .models import Entry, Kind

EVIDENCE = "evidence"
KINDS = list(Kind.values)
# The order of the groups on the page: the evidence library after the countries.
ORDER = [*KINDS[:2], EVIDENCE, *KINDS[2:]]
PER_KIND = 3
PER_PAGE = 20
MAX_PAGE = 10_000
MAX_QUERY = 300  # as the evidence library's search box


def label(kind: str) -> str:
    return str(_("Evidence library")) if kind == EVIDENCE else str(Kind(kind).label)


# --- The index's facts, as arrays ----------------------------------------------------------


@dataclass(frozen=True)
class Columns:
    """By entry id: kind (index in KINDS, -1 where no entry), language (index in LANGUAGES),
    translations (bits), public, public_from (a POSIX timestamp, 0 for always), forum category
    and owner (0 for none)."""

    kind: np.ndarray
    language: np.ndarray
    translations: np.ndarray
    public: np.ndarray
    public_from: np.ndarray
    category: np.ndarray
    owner: np.ndarray

    @property
    def size(self) -> int:
        return len(self.kind)


def columns(generation: int | None) -> Columns:
    """The facts as of `generation` of the index, kept by this process (lib.postings) until the
    index changes, then patched with the entries written since."""
    connection = connections[router.db_for_read(Entry)]
    return postings.kept(
        connection,
        INDEX.spec,
        "sitesearch-columns",
        lambda: _read_columns(connection),
        generation,
        lambda old, ids: _patch_columns(connection, old, ids),
    )


def _facts_sql(vendor: str) -> str:
    """One row of numbers per entry: id, kind, language, translations, public, forum category,
    owner, public_from (POSIX seconds)."""
    kinds = " ".join(f"WHEN '{kind}' THEN {i}" for i, kind in enumerate(KINDS))
    languages = " ".join(f"WHEN '{code}' THEN {i}" for i, code in enumerate(sources.LANGUAGES))
    if vendor == "postgresql":
        epoch = "EXTRACT(EPOCH FROM public_from)::float8"
    else:  # stored as UTC text
        epoch = "(julianday(public_from) - 2440587.5) * 86400.0"
    return (
        f"SELECT id, CASE kind {kinds} ELSE -1 END, CASE language {languages} ELSE 0 END, "
        "translations, CASE WHEN public THEN 1 ELSE 0 END, COALESCE(forum_category, 0), "
        f"COALESCE(owner_id, 0), COALESCE({epoch}, 0) FROM {Entry._meta.db_table}"
    )


def _facts(connection, ids: list[int] | None = None) -> np.ndarray:
    sql = _facts_sql(connection.vendor)
    rows: list = []
    with connection.cursor() as cursor:
        if ids is None:
            cursor.execute(sql)
            rows = cursor.fetchall()
        for start in range(0, len(ids or ()), 500):
            chunk = ids[start : start + 500]
            cursor.execute(f"{sql} WHERE id IN ({', '.join(['%s'] * len(chunk))})", chunk)
            rows += cursor.fetchall()
    return np.array(rows, dtype=np.float64).reshape(-1, 8)


def _empty(size: int) -> Columns:
    return Columns(
        np.full(size, -1, dtype=np.int8),
        np.zeros(size, dtype=np.int8),
        np.zeros(size, dtype=np.int16),
        np.zeros(size, dtype=bool),
        np.zeros(size, dtype=np.float64),
        np.zeros(size, dtype=np.int64),
        np.zeros(size, dtype=np.int64),
    )


def _fill(cols: Columns, facts: np.ndarray) -> Columns:
    ids = facts[:, 0].astype(np.int64)
    cols.kind[ids] = facts[:, 1]
    cols.language[ids] = facts[:, 2]
    cols.translations[ids] = facts[:, 3]
    cols.public[ids] = facts[:, 4] > 0
    cols.category[ids] = facts[:, 5]
    cols.owner[ids] = facts[:, 6]
    # Whole milliseconds: what the database's text or float gives beyond is noise.
    cols.public_from[ids] = np.floor(facts[:, 7] * 1000) / 1000
    return cols


def _read_columns(connection) -> Columns:
    facts = _facts(connection)
    size = int(facts[:, 0].max()) + 1 if len(facts) else 0
    return _fill(_empty(size), facts)


def _patch_columns(connection, old: Columns, ids: np.ndarray) -> Columns | None:
    """`old` with the entries `ids` read again, as new arrays (others may be reading `old`);
    None (read everything) when that does not add up to the table: entries written or deleted
    behind the index (a flushed test database)."""
    facts = _facts(connection, [int(pk) for pk in ids])
    size = max(old.size, int(ids.max()) + 1 if len(ids) else 0)
    new = _empty(size)
    for name in Columns.__dataclass_fields__:
        getattr(new, name)[: old.size] = getattr(old, name)
    new.kind[ids] = -1  # gone unless read again
    new = _fill(new, facts)
    if int(np.count_nonzero(new.kind >= 0)) != Entry.objects.count():
        return None
    return new


# --- Who is asking -------------------------------------------------------------------------


@dataclass(frozen=True)
class Visitor:
    user_id: int
    sees_all: np.ndarray  # bool by kind index (one more, False, for "no entry")
    reads_forum: bool
    forum_categories: np.ndarray  # the categories anyone may read
    language: int

    @classmethod
    def of(cls, user) -> Visitor:
        from dcrnet.forum import access
        from dcrnet.forum.models import Category

        registry = sources.load()
        sees_all = np.array([bool(registry[kind].sees_all(user)) for kind in KINDS] + [False])
        reads_forum = access.can_read_forum(user)
        public = [] if reads_forum else Category.objects.filter(public_readable=True)
        code = translation.get_language() or settings.LANGUAGE_CODE
        return cls(
            user_id=user.pk if getattr(user, "is_authenticated", False) else 0,
            sees_all=sees_all,
            reads_forum=reads_forum,
            forum_categories=np.array([c.pk for c in public], dtype=np.int64),
            language=sources.LANGUAGES.index(code) if code in sources.LANGUAGES else 0,
        )


def allowed(cols: Columns, visitor: Visitor, now: float | None = None) -> np.ndarray:
    """The entries `visitor` may read, in their language (or the base one where an entry has
    no translation of its own)."""
    now = timezone.now().timestamp() if now is None else now
    language = cols.language == visitor.language
    if visitor.language:
        untranslated = (cols.translations >> visitor.language) & 1 == 0
        language |= (cols.language == 0) & untranslated
    timely = cols.public_from <= now
    if visitor.reads_forum:
        readable = cols.public & timely
    else:
        in_open = (cols.category == 0) | np.isin(cols.category, visitor.forum_categories)
        readable = cols.public & timely & in_open
    if visitor.user_id:
        readable = readable | (cols.owner == visitor.user_id)
    return (cols.kind >= 0) & language & (visitor.sees_all[cols.kind] | readable)


# --- Results -------------------------------------------------------------------------------


@dataclass
class Hit:
    title: SafeString
    url: str
    snippet: SafeString | str = ""
    date: object = None
    lang: str = ""  # set when the text is in another language than the page
    meta: str = ""


@dataclass
class Group:
    kind: str
    label: str
    count: int
    hits: list[Hit] = field(default_factory=list)
    section_url: str = ""  # the section's own search for the query, if it has one


@dataclass
class Results:
    query: str
    searchable: bool  # False: the query has no word to look for
    groups: list[Group]

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def found(self) -> list[Group]:
        return [group for group in self.groups if group.count]


@dataclass
class KindPage:
    query: str
    searchable: bool
    group: Group
    page: int
    per_page: int

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.group.count / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.per_page + 1


def searchable(q: str) -> bool:
    return bool(search.parse(q))


def _section_url(kind: str, q: str) -> str:
    if kind == EVIDENCE:
        name = "evidence:search"
    else:
        name = sources.load()[kind].section_search
    if not name:
        return ""
    from django.utils.http import urlencode

    return f"{reverse(name)}?{urlencode({'q': q})}"


def _matches(q: str, visitor: Visitor) -> tuple[search.Hits, np.ndarray, np.ndarray]:
    """(the query's hits, the mask of what the visitor may read of them, the kind column)."""
    generation = search.generation(Entry)
    cols = columns(generation)
    hits = search.hits(Entry, q, generation=generation)
    mask = search.both(hits.mask, allowed(cols, visitor))
    kinds = np.full(len(mask), -1, dtype=np.int8)
    kinds[: cols.size] = cols.kind[: len(mask)]
    return hits, mask, kinds


def _hits(ranked: dict[str, list[tuple[int, float]]], q: str, user) -> dict[str, list[Hit]]:
    """kind → the entries of its `ranked` list, in that order, that the section itself lets
    `user` read: one query for the entries, one per kind for its rule, one for the snippets."""
    by_pk = Entry.objects.in_bulk([pk for pairs in ranked.values() for pk, _score in pairs])
    registry = sources.load()
    shown: dict[str, list[Entry]] = {}
    for kind, pairs in ranked.items():
        entries = [by_pk[pk] for pk, _score in pairs if pk in by_pk]
        ids = [entry.object_id for entry in entries]
        if not ids:
            continue
        rule = registry[kind].readable(user).filter(pk__in=ids)
        readable = set(rule.values_list("pk", flat=True))
        shown[kind] = [entry for entry in entries if entry.object_id in readable]
    everything = [entry for entries in shown.values() for entry in entries]
    marks = search.snippets(everything, q) if everything else {}
    page_language = translation.get_language() or settings.LANGUAGE_CODE
    found: dict[str, list[Hit]] = {}
    for kind, entries in shown.items():
        source = registry[kind]
        found[kind] = []
        for entry in entries:
            marked = marks.get(entry.pk, {})
            title = marked.get("title") or escape(entry.title)
            snippet = next(
                (marked[name] for name in ("text", "keywords") if "<mark>" in marked.get(name, "")),
                "",
            )
            lang = entry.language if entry.language and entry.language != page_language else ""
            found[kind].append(Hit(title, source.url(entry.key), snippet, entry.date, lang))
    return found


def _evidence(q: str, *, page: int, per_page: int) -> tuple[Group, int]:
    """The evidence library's own search: its group, and the page shown (past the last: the
    last)."""
    from dcrnet.evidence.selectors import SearchParams, search_references

    result = search_references(SearchParams(q=q, page=page, per_page=per_page), with_facets=False)
    hits = []
    for ref in result.references:
        marks = getattr(ref, "marks", {}) or {}
        title = marks.get("title") or escape(ref.title)
        snippet = next(
            (marks[name] for name in ("body", "keywords") if "<mark>" in marks.get(name, "")), ""
        )
        meta = " · ".join(str(part) for part in (ref.author_line(), ref.year) if part)
        hits.append(Hit(title, ref.get_absolute_url(), snippet, meta=meta))
    group = Group(EVIDENCE, label(EVIDENCE), result.total, hits, _section_url(EVIDENCE, q))
    return group, result.page


def search_site(q: str, user, *, per_kind: int = PER_KIND) -> Results:
    """Every kind with its count and its best `per_kind` results, for `user`."""
    if not searchable(q):
        return Results(q, False, [])
    visitor = Visitor.of(user)
    hits, mask, kinds = _matches(q, visitor)
    counts = np.bincount(kinds[mask], minlength=len(KINDS))
    ranked = {
        kind: hits.top(0, per_kind, within=mask & (kinds == index))
        for index, kind in enumerate(KINDS)
        if counts[index]
    }
    found = _hits(ranked, q, user)
    groups = []
    for kind in ORDER:
        if kind == EVIDENCE:
            groups.append(_evidence(q, page=1, per_page=per_kind)[0])
            continue
        count = int(counts[KINDS.index(kind)])
        groups.append(Group(kind, label(kind), count, found.get(kind, []), _section_url(kind, q)))
    return Results(q, True, groups)


def search_kind(q: str, user, kind: str, *, page: int = 1, per_page: int = PER_PAGE) -> KindPage:
    """One kind's results, a page at a time (a page past the last shows the last)."""
    if not searchable(q):
        return KindPage(q, False, Group(kind, label(kind), 0), 1, per_page)
    if kind == EVIDENCE:
        group, page = _evidence(q, page=page, per_page=per_page)
        return KindPage(q, True, group, page, per_page)
    visitor = Visitor.of(user)
    hits, mask, kinds = _matches(q, visitor)
    index = KINDS.index(kind)
    within = mask & (kinds == index)
    count = int(np.count_nonzero(within))
    page = max(1, min(page, max(1, math.ceil(count / per_page))))
    ranked = hits.top((page - 1) * per_page, per_page, within=within)
    shown = _hits({kind: ranked}, q, user).get(kind, [])
    group = Group(kind, label(kind), count, shown, _section_url(kind, q))
    return KindPage(q, True, group, page, per_page)
