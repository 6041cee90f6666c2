"""The library's filter and facet columns as arrays, for counting any result set in memory.

Read from the database once, then kept by each process and patched at each generation of
the search index (every change to a reference, its tags or its people writes the index) with
the rows of the references it changed: counting the facets of 40,000 matches is a few array
operations instead of 40,000 rows joined in SQL.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from django.db import connections, router
from django.utils.translation import get_language

from dcrnet.directory.models import Country
from dcrnet.lib import postings, search
from dcrnet.lib.cache import cached

from .models import Reference, Term


@dataclass(frozen=True)
class Columns:
    present: np.ndarray  # bool by pk
    year: np.ndarray  # int32 by pk
    kind: np.ndarray  # int16 by pk: index into `kinds`
    kinds: tuple[str, ...]
    term_ref: np.ndarray  # (reference, term) pairs, by term
    term_id: np.ndarray
    country_ref: np.ndarray  # (reference, country) pairs, by country
    country_id: np.ndarray

    @property
    def size(self) -> int:
        return len(self.present)

    @functools.cached_property
    def by_year_and_title(self) -> np.ndarray:
        """Pks in (year, title, pk) order. Read on first use: searches ranked by relevance
        never need it, and it is the slowest column to read (a sort by title)."""
        ordered = np.fromiter(
            Reference.objects.order_by("year", "title", "pk").values_list("pk", flat=True),
            dtype=np.int64,
        )
        return ordered[ordered < self.size]

    @functools.cached_property
    def oldest(self) -> np.ndarray:
        """int32 by pk: position in (year, title, pk)."""
        return self._positions(self.by_year_and_title)

    @functools.cached_property
    def newest(self) -> np.ndarray:
        """int32 by pk: position in (-year, title, pk): a stable sort of the oldest-first
        order by -year keeps the titles of each year in the same order."""
        ordered = self.by_year_and_title
        return self._positions(ordered[np.argsort(-self.year[ordered], kind="stable")])

    def _positions(self, ordered: np.ndarray) -> np.ndarray:
        position = np.zeros(self.size, dtype=np.int32)
        position[ordered] = np.arange(len(ordered), dtype=np.int32)
        return position

    def tagged(self, term_ids: list[int]) -> np.ndarray:
        """Mask of the rows tagged with any of `term_ids`."""
        return postings.mask_of(_group(self.term_id, self.term_ref, term_ids), self.size)

    def studying(self, country_ids: list[int]) -> np.ndarray:
        """Mask of the rows about any of `country_ids`."""
        return postings.mask_of(_group(self.country_id, self.country_ref, country_ids), self.size)


def _group(keys: np.ndarray, values: np.ndarray, wanted: list[int]) -> np.ndarray:
    """values whose key is in `wanted`; `keys` sorted (the pairs are read in key order)."""
    parts = [
        values[np.searchsorted(keys, key, "left") : np.searchsorted(keys, key, "right")]
        for key in wanted
    ]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)


def columns(generation: int | None = None) -> Columns:
    """The columns as of `generation` of the search index (None: read it now)."""
    index = search.index_for(Reference)
    connection = connections[router.db_for_read(Reference)]
    return postings.kept(connection, index.spec, "facets", _build, generation, _patch)


def _sorted_pairs(rows) -> tuple[np.ndarray, np.ndarray]:
    """(reference, key) rows as two int32 arrays sorted by key (numpy sorts faster than the
    database, which has no covering index in that order)."""
    array = np.array(rows, dtype=np.int64).reshape(-1, 2)
    array = array[np.argsort(array[:, 1], kind="stable")]
    return array[:, 0].astype(np.int32), array[:, 1].astype(np.int32)


def _pairs(through, column: str) -> tuple[np.ndarray, np.ndarray]:
    """(reference, `column`) of every row of a through table, sorted by `column` (the plain
    cursor reads 300,000 rows in a third of the ORM's time)."""
    with connections[router.db_for_read(through)].cursor() as cursor:
        cursor.execute(f'SELECT reference_id, "{column}" FROM "{through._meta.db_table}"')
        return _sorted_pairs(cursor.fetchall())


def _rows_of(pks: list[int], also: list[int]) -> tuple[dict, tuple, tuple]:
    """{pk: (year, csl_type)} of the references `pks` and `also` that exist; the (reference,
    term) and (reference, country) pairs of `pks`, sorted by term and by country. One
    statement a chunk (each is a round trip on PostgreSQL)."""
    terms, countries = Reference.terms.through, Reference.countries.through
    rows: dict[int, tuple[int, str]] = {}
    pairs: tuple[list, list] = ([], [])
    with connections[router.db_for_read(Reference)].cursor() as cursor:
        every = pks + also
        for start in range(0, len(every), 500):
            chunk = every[start : start + 500]
            tagged = chunk[: max(0, len(pks) - start)]  # `pks` come first
            marks, tag_marks = ", ".join(["%s"] * len(chunk)), ", ".join(["%s"] * len(tagged))
            tags = (
                f' UNION ALL SELECT 0, reference_id, term_id, NULL FROM "{terms._meta.db_table}" '
                f"WHERE reference_id IN ({tag_marks}) UNION ALL "
                f'SELECT 1, reference_id, country_id, NULL FROM "{countries._meta.db_table}" '
                f"WHERE reference_id IN ({tag_marks})"
                if tagged
                else ""
            )
            cursor.execute(
                f'SELECT 2, id, year, csl_type FROM "{Reference._meta.db_table}" '
                f"WHERE id IN ({marks}){tags}",
                [*chunk, *tagged, *tagged],
            )
            for which, pk, number, kind in cursor.fetchall():
                if which == 2:
                    rows[pk] = (number, kind)
                else:
                    pairs[which].append((pk, number))
    return rows, _sorted_pairs(pairs[0]), _sorted_pairs(pairs[1])


def _build() -> Columns:
    rows = list(Reference.objects.order_by().values_list("pk", "year", "csl_type"))
    size = max((pk for pk, _, _ in rows), default=-1) + 1
    kinds = tuple(sorted({kind for _, _, kind in rows}))
    code = {kind: i for i, kind in enumerate(kinds)}
    pks = np.array([pk for pk, _, _ in rows], dtype=np.int64)
    present = postings.mask_of(pks, size)
    year = np.zeros(size, dtype=np.int32)
    year[pks] = [y for _, y, _ in rows]
    kind = np.zeros(size, dtype=np.int16)
    kind[pks] = [code[k] for _, _, k in rows]

    term_ref, term_id = _pairs(Reference.terms.through, "term_id")
    country_ref, country_id = _pairs(Reference.countries.through, "country_id")
    return Columns(
        present,
        year,
        kind,
        kinds,
        term_ref,
        term_id,
        country_ref,
        country_id,
    )


SAMPLE = 32  # rows the patch did not change, read again to check they are as kept
_random = np.random.default_rng()


def _patch(old: Columns, ids: np.ndarray) -> Columns | None:
    """`old` with the references `ids` read again, as new Columns (other threads may be
    reading `old`). None when a sample of the rows it did not change differs from the table
    (rows written without the index knowing, a test database flushed): read everything."""
    pks = ids.tolist()
    others = np.flatnonzero(old.present & ~postings.mask_of(ids, old.size))
    if len(others) > SAMPLE:
        others = np.unique(_random.choice(others, SAMPLE))
    sample = others.tolist()
    rows, new_terms, new_countries = _rows_of(pks, sample)
    if any(rows.get(pk) != (old.year[pk], old.kinds[old.kind[pk]]) for pk in sample):
        return None
    found = np.array([pk for pk in pks if pk in rows], dtype=np.int64)
    size = max(old.size, pks[-1] + 1 if pks else 0)
    kinds = tuple(sorted(set(old.kinds) | {rows[pk][1] for pk in found.tolist()}))
    code = {kind: i for i, kind in enumerate(kinds)}
    present = search.fit(old.present, size).copy()
    year = search.fit(old.year, size).copy()
    kind = search.fit(old.kind, size).copy()
    if kinds != old.kinds:
        kind = np.array([code[k] for k in old.kinds] or [0], dtype=np.int16)[kind]
    present[ids] = False
    present[found] = True
    year[found] = [rows[pk][0] for pk in found.tolist()]
    kind[found] = [code[rows[pk][1]] for pk in found.tolist()]
    changed = postings.mask_of(ids, size)
    new = Columns(
        present,
        year,
        kind,
        kinds,
        *_patch_pairs(old.term_ref, old.term_id, changed, *new_terms),
        *_patch_pairs(old.country_ref, old.country_id, changed, *new_countries),
    )
    if "by_year_and_title" in old.__dict__:  # read already: patch it too
        ordered = old.by_year_and_title
        ordered = ordered[~changed[ordered]]
        if len(found) <= PLACE_LIMIT:
            new.__dict__["by_year_and_title"] = _placed(ordered, old.year[ordered], found, year)
        else:
            known = ids[ids < old.size]
            touched = np.union1d(old.year[known[old.present[known]]], year[found])
            new.__dict__["by_year_and_title"] = _reordered(ordered, old.year, touched, size)
    return new


def _patch_pairs(refs, keys, changed, new_refs, new_keys):
    """The (reference, key) pairs without those of the `changed` references, with their new
    ones, still sorted by key."""
    keep = ~changed[refs]
    refs, keys = refs[keep], keys[keep]
    at = np.searchsorted(keys, new_keys, "right")
    return np.insert(refs, at, new_refs), np.insert(keys, at, new_keys)


PLACE_LIMIT = 50  # changed references placed one by one in the order by year and title


def _placed(ordered: np.ndarray, years: np.ndarray, pks: np.ndarray, year: np.ndarray):
    """The (year, title, pk) order `ordered` (of references whose `years` are given) with the
    references `pks` (of `year`) put in their places. The database compares the titles (its
    collation makes the order): first with every √n-th reference of the year, then with those
    of the stretch between two of them; two statements whatever the number of `pks`."""
    if not len(pks):
        return ordered
    table = Reference._meta.db_table
    # each (reference, one to compare it with) → how many of those come before it
    sql = (
        f"SELECT x.c, count(*) FROM (SELECT column1 AS c, column2 AS p FROM (VALUES {{}}) AS v) "
        f'AS x JOIN "{table}" AS rc ON rc.id = x.c JOIN "{table}" AS rp ON rp.id = x.p '
        "WHERE (rp.title, rp.id) < (rc.title, rc.id) GROUP BY x.c"
    )

    def before(pairs: list[tuple[int, int]]) -> dict[int, int]:
        if not pairs:
            return {}
        with connections[router.db_for_read(Reference)].cursor() as cursor:
            cursor.execute(
                sql.format(", ".join(["(%s, %s)"] * len(pairs))),
                [n for pair in pairs for n in pair],
            )
            return dict(cursor.fetchall())

    runs = {}  # pk: (start of its year in `ordered`, the references of that year)
    for pk in pks.tolist():
        start, end = (
            np.searchsorted(years, year[pk], "left"),
            np.searchsorted(years, year[pk], "right"),
        )
        runs[pk] = (int(start), ordered[start:end])
    step = {pk: max(1, int(len(run) ** 0.5)) for pk, (_, run) in runs.items()}
    pivots = before(
        [(pk, int(p)) for pk, (_, run) in runs.items() for p in run[step[pk] - 1 :: step[pk]]]
    )
    stretch = {pk: pivots.get(pk, 0) * step[pk] for pk in runs}
    within = before(
        [
            (pk, int(p))
            for pk, (_, run) in runs.items()
            for p in run[stretch[pk] : stretch[pk] + step[pk] - 1]
        ]
    )
    at = {pk: start + stretch[pk] + within.get(pk, 0) for pk, (start, _) in runs.items()}
    order = list(at)
    if len(set(at.values())) < len(at):  # some share a place: as the database orders them
        order = list(
            Reference.objects.filter(pk__in=order)
            .order_by("year", "title", "pk")
            .values_list("pk", flat=True)
        )
    return np.insert(ordered, [at[pk] for pk in order], order)


def _reordered(ordered: np.ndarray, year: np.ndarray, touched: np.ndarray, size: int):
    """The (year, title, pk) order `ordered` with the years `touched` read again: year leads
    the order, so the other years keep theirs, and a stable sort by year puts each year's run
    in place."""
    years = year[ordered]
    keep = ~np.isin(years, touched)
    rows = list(
        Reference.objects.filter(year__in=touched.tolist())
        .order_by("year", "title", "pk")
        .values_list("pk", "year")
    )
    fresh = np.array(rows, dtype=np.int64).reshape(-1, 2)
    ids = np.concatenate([ordered[keep], fresh[:, 0]])
    years = np.concatenate([years[keep], fresh[:, 1]])
    ids = ids[np.argsort(years, kind="stable")]
    return ids[ids < size]


def allowed(
    cols: Columns,
    *,
    terms: dict[str, list[str]] | None = None,
    countries: list[str] | None = None,
    csl_type: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    vocabularies: list[Term] | None = None,
) -> np.ndarray:
    """The rows `Reference.objects.filtered(...)` selects, as a mask by pk (`vocabularies`:
    `all_terms()`, if the caller has it)."""
    mask = cols.present.copy()
    wanted_terms = [
        (vocabulary, slug) for vocabulary, slugs in (terms or {}).items() for slug in slugs
    ]
    for vocabulary, slug in wanted_terms:
        mask &= cols.tagged(term_ids(vocabulary, slug, vocabularies))
    for code in countries or []:
        mask &= cols.studying([pk for pk, known, _ in all_countries() if known == code.upper()])
    if csl_type:
        if csl_type in cols.kinds:
            mask &= cols.kind == cols.kinds.index(csl_type)
        else:
            mask[:] = False
    if year_from:
        mask &= cols.year >= year_from
    if year_to:
        mask &= cols.year <= year_to
    return mask


def all_terms() -> list[Term]:
    return cached("evidence:terms", lambda: list(Term.objects.all()), 300)


def all_countries() -> list[tuple[int, str, str]]:
    """(pk, code, name) of every country, names in the current language."""
    return cached(
        f"evidence:countries:{get_language()}",
        lambda: [(c.pk, c.code.code, c.name) for c in Country.objects.all()],
        300,
    )


def term_ids(vocabulary: str, slug: str, terms: list[Term] | None = None) -> list[int]:
    terms = all_terms() if terms is None else terms
    return [t.pk for t in terms if t.vocabulary == vocabulary and t.slug == slug]


def _counted(values: np.ndarray) -> dict[int, int]:
    counts = np.bincount(values) if len(values) else np.zeros(0, dtype=np.int64)
    return {int(v): int(counts[v]) for v in np.flatnonzero(counts)}


def counts(cols: Columns, mask: np.ndarray, *, only_types: bool = False) -> dict[str, dict]:
    """Facet counts of the rows in `mask`: {"term": {id: n}, "country": {id: n}, "year": {year:
    n}, "type": {csl_type: n}} ("type" alone with `only_types`)."""
    mask = search.fit(mask, cols.size)
    kinds = np.bincount(cols.kind[mask], minlength=len(cols.kinds))
    result: dict[str, dict] = {"type": {cols.kinds[i]: int(n) for i, n in enumerate(kinds) if n}}
    if only_types:
        return result
    result["term"] = _counted(cols.term_id[mask[cols.term_ref]])
    result["country"] = _counted(cols.country_id[mask[cols.country_ref]])
    result["year"] = _counted(cols.year[mask])
    return result


def ordered(
    cols: Columns, mask: np.ndarray, *, oldest: bool, offset: int, limit: int | None
) -> list[int]:
    """Pks of the rows in `mask` by year (newest or oldest first), then title and pk."""
    ids = np.flatnonzero(search.fit(mask, cols.size))
    position = (cols.oldest if oldest else cols.newest)[ids]
    end = len(ids) if limit is None else min(len(ids), offset + limit)
    if end <= offset:
        return []
    if end < len(ids):
        first = np.argpartition(position, end - 1)[:end]
        ids, position = ids[first], position[first]
    return [int(pk) for pk in ids[np.argsort(position)][offset:end]]
