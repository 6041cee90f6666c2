"""After a write, each process patches its search arrays with the ids the write changed (the
log of dcrnet.lib.postings) and gets what reading them all again would give."""

from __future__ import annotations

import numpy as np
import pytest
from django.db import connection, transaction

from dcrnet.directory.models import Country
from dcrnet.evidence import facets
from dcrnet.evidence.models import Reference, Term
from dcrnet.evidence.selectors import SearchParams, search_references
from dcrnet.lib import postings, search

from .factories import make_reference

FULL_BUILD, FULL_STATS = facets._build, postings._read_stats  # before any test counts them


def spec() -> postings.Spec:
    return search.index_for(Reference).spec


def columns_as_rows(cols: facets.Columns) -> tuple:
    """What the columns say of each reference, whatever the arrays' sizes and pair order."""
    ids = np.flatnonzero(cols.present)
    return (
        ids.tolist(),
        cols.year[ids].tolist(),
        [cols.kinds[k] for k in cols.kind[ids]],
        sorted(zip(cols.term_ref.tolist(), cols.term_id.tolist(), strict=True)),
        sorted(zip(cols.country_ref.tolist(), cols.country_id.tolist(), strict=True)),
        cols.by_year_and_title.tolist(),
        ids[np.argsort(cols.newest[ids])].tolist(),
        ids[np.argsort(cols.oldest[ids])].tolist(),
    )


def stats_as_rows(stats: postings.Stats) -> tuple:
    ids = np.flatnonzero(stats.present)
    return ids.tolist(), stats.length[ids].tolist(), stats.count, stats.average


class Reads:
    """Counts the full reads of the arrays, to tell a patch from a reload."""

    def __init__(self, monkeypatch):
        self.facets = self.stats = 0
        build, read_stats = facets._build, postings._read_stats

        def counted_build():
            self.facets += 1
            return build()

        def counted_stats(*args):
            self.stats += 1
            return read_stats(*args)

        monkeypatch.setattr(facets, "_build", counted_build)
        monkeypatch.setattr(postings, "_read_stats", counted_stats)


def current() -> tuple[facets.Columns, postings.Stats]:
    """The arrays this process keeps for the index's current generation."""
    generation = search.generation(Reference)
    cols = facets.columns(generation)
    cols.by_year_and_title  # noqa: B018 - read, so that it is kept and patched too
    stats = postings.stats(connection, spec(), generation)
    return cols, stats


def assert_as_a_full_reload(cols: facets.Columns, stats: postings.Stats) -> None:
    assert columns_as_rows(cols) == columns_as_rows(FULL_BUILD())
    assert stats_as_rows(stats) == stats_as_rows(FULL_STATS(connection, spec()))


def insert(library):
    canada, _ = Country.objects.get_or_create(code="CA")
    ref = make_reference("Naloxone kits at a new site", 2022, terms=["design:COH"])
    ref.countries.add(canada)
    make_reference("A book about drug checking", 2022, csl_type="book")


def update(library):
    ref = library["freeman"]
    ref.title, ref.year, ref.csl_type = "Loitering near Kings Cross", 2017, "report"
    ref.save()
    library["potier"].terms.remove(Term.objects.lookup("outcome:HIV"))
    library["kennedy"].countries.add(Country.objects.get_or_create(code="CA")[0])
    library["marshall"].people.first().delete()


def delete(library):
    library["emcdda"].delete()
    library["marshall"].delete()


def untag(library):
    """Tags going away from the other side: the through rows go without an m2m signal."""
    Term.objects.lookup("outcome:ODM").delete()
    Term.objects.lookup("design:ECO").references.clear()
    canada = Country.objects.get_or_create(code="CA")[0]
    library["kennedy"].countries.add(canada)
    canada.delete()


def everything(library):
    insert(library)
    update(library)
    delete(library)


@pytest.mark.django_db
@pytest.mark.parametrize("write", [insert, update, delete, untag, everything])
def test_arrays_patched_after_writes_are_what_a_full_reload_reads(library, monkeypatch, write):
    current()
    reads = Reads(monkeypatch)
    write(library)
    assert_as_a_full_reload(*current())
    assert (reads.facets, reads.stats) == (0, 0)  # patched, not read again


@pytest.mark.django_db
def test_a_deleted_tag_leaves_the_index_and_the_facets(library):
    current()
    untag(library)
    assert search_references(SearchParams(terms={"outcome": ["overdose-mortality"]})).total == 0
    assert search_references(SearchParams(q="canada")).total == 0
    assert search.hits(Reference, '"overdose mortality"').count() == 1  # marshall's title


@pytest.mark.django_db
def test_a_process_some_generations_behind_patches_every_id_since(library, monkeypatch):
    current()
    reads = Reads(monkeypatch)
    for n in range(5):
        make_reference(f"Heroin assisted treatment, trial {n}", 2000 + n, terms=["design:COH"])
    library["kennedy"].delete()
    cols, stats = current()
    assert_as_a_full_reload(cols, stats)
    assert (reads.facets, reads.stats) == (0, 0)
    found = search_references(SearchParams(q="heroin", terms={"design": ["cohort"]}))
    assert found.total == 5


@pytest.mark.django_db
def test_a_generation_rolled_back_makes_the_process_read_everything_again(library, monkeypatch):
    current()
    with pytest.raises(RuntimeError), transaction.atomic():
        make_reference("Written, read, then rolled back", 2020)
        current()  # kept at a generation that never commits
        raise RuntimeError
    reads = Reads(monkeypatch)
    make_reference("Written after the rollback", 2021)
    assert_as_a_full_reload(*current())
    assert (reads.facets, reads.stats) == (1, 1)
    assert search.hits(Reference, "rolled").count() == 0


@pytest.mark.django_db
def test_a_rebuild_or_too_many_changes_read_everything_again(library, monkeypatch):
    current()
    reads = Reads(monkeypatch)
    search.rebuild(Reference)
    assert_as_a_full_reload(*current())
    assert (reads.facets, reads.stats) == (1, 1)
    monkeypatch.setattr(postings, "PATCH_LIMIT", 2)
    for n in range(3):
        make_reference(f"Study {n}", 2010)
    assert_as_a_full_reload(*current())
    assert (reads.facets, reads.stats) == (2, 2)


@pytest.mark.django_db
def test_rows_written_behind_the_index_are_noticed(library, monkeypatch):
    """A row deleted without the index knowing (raw SQL, a flushed test database): the rows
    the patch reads again to check them (all of them in a library this small) tell, and the
    process reads everything again."""
    current()
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {Reference.terms.through._meta.db_table} WHERE reference_id = %s",
            [library["emcdda"].pk],
        )
        cursor.execute(
            "DELETE FROM evidence_person WHERE reference_id = %s", [library["emcdda"].pk]
        )
        cursor.execute("DELETE FROM evidence_reference WHERE id = %s", [library["emcdda"].pk])
    reads = Reads(monkeypatch)
    make_reference("Anything that writes the index", 2021)
    cols, _ = current()
    assert reads.facets == 1
    assert not cols.present[library["emcdda"].pk]


@pytest.mark.django_db
def test_the_log_is_pruned_and_a_process_behind_it_reads_everything(db, monkeypatch):
    make_reference("Study", 2010)
    current()
    reads = Reads(monkeypatch)
    monkeypatch.setattr(postings, "LOG_KEEP", 3)
    base = postings.secrets.randbits(40)
    made = iter(range(1, 1000))
    monkeypatch.setattr(postings.secrets, "randbits", lambda bits: 64 * (base + next(made)))
    for n in range(4):  # 8 generations: the reference, then its author
        make_reference(f"Study {n}", 2010)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {postings.LOG} WHERE name = %s", [spec().table])
        assert cursor.fetchone()[0] <= 4
    assert_as_a_full_reload(*current())
    assert (reads.facets, reads.stats) == (1, 1)


WRITERS = 4


def _log() -> dict[int, tuple[int, int | None]]:
    """{id: (token, previous)} of the index's log."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, token, previous FROM {postings.LOG} WHERE name = %s", [spec().table]
        )
        return {row: (token, previous) for row, token, previous in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_parallel_writers_and_readers_leave_arrays_equal_to_a_full_reload(
    shared_database, in_parallel
):
    refs = [
        make_reference(f"Supervised room {n}", 2000 + n, terms=["design:ECO"]) for n in range(8)
    ]
    before = set(_log())
    current()

    def write(n: int):
        if n == WRITERS:  # a reader, patching while the others write
            for _ in range(10):
                current()
            return "read"
        mine = refs[n * 2 : n * 2 + 2]
        mine[0].title, mine[0].year = f"Revised room {n}", 2020 + n
        mine[0].save()
        mine[0].terms.add(Term.objects.lookup("design:COH"))
        make_reference(f"Naloxone study {n}", 2010 + n, terms=["design:COH"])
        mine[1].delete()
        return "wrote"

    results = in_parallel(write, [(n,) for n in range(WRITERS + 1)])
    assert results == ["wrote"] * WRITERS + ["read"], results
    # One generation after another: following each one back to the one it replaced, from the
    # current one, passes through every generation the writers made (no two replaced the same).
    log = _log()
    previous = dict(log.values())
    chain, token = set(), search.generation(Reference)
    while token in previous:
        chain.add(token)
        token = previous.pop(token)
    written = {token for row, (token, _) in log.items() if row not in before}
    # Each writer: a save, a tag, a new reference (indexed once, in bulk), a delete.
    assert len(written) >= WRITERS * 4 and written <= chain
    assert_as_a_full_reload(*current())
    assert search_references(SearchParams(q="naloxone", terms={"design": ["cohort"]})).total == (
        WRITERS
    )
    assert search_references(SearchParams(q="revised")).total == WRITERS
