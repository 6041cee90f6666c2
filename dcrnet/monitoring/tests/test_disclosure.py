"""Suppression never shows a count of 1–4, and no hidden cell can be worked out from totals."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from dcrnet.lib.disclosure import (
    COMPLEMENTARY,
    SMALL,
    Constraint,
    protect,
    protect_table,
    show,
    table_constraints,
)


def rank(rows: list[list[Fraction]]) -> int:
    """Rank by plain Gaussian elimination (independent of the module's own code)."""
    rows = [list(r) for r in rows if any(r)]
    if not rows:
        return 0
    width = len(rows[0])
    rank_ = 0
    for col in range(width):
        pivot = next((i for i in range(rank_, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[rank_], rows[pivot] = rows[pivot], rows[rank_]
        for i in range(len(rows)):
            if i != rank_ and rows[i][col] != 0:
                f = rows[i][col] / rows[rank_][col]
                rows[i] = [a - f * b for a, b in zip(rows[i], rows[rank_], strict=True)]
        rank_ += 1
    return rank_


def derivable_cells(flags: dict, constraints: list[Constraint]) -> list:
    """Hidden cells whose value follows from the published cells and the relations."""
    hidden = [k for k, f in flags.items() if f]
    index = {k: i for i, k in enumerate(hidden)}
    matrix = []
    for c in constraints:
        row = [Fraction(0)] * len(hidden)
        if c.total in index:
            row[index[c.total]] -= 1
        for p in c.parts:
            if p in index:
                row[index[p]] += 1
        matrix.append(row)
    base = rank(matrix)
    found = []
    for k in hidden:
        unit = [Fraction(0)] * len(hidden)
        unit[index[k]] = Fraction(1)
        if rank([*matrix, unit]) == base:
            found.append(k)
    return found


def test_it_shows_small_counts_as_less_than_five():
    assert [show(v) for v in (0, 1, 4, 5, None)] == ["0", SMALL, SMALL, "5", ""]


def test_a_single_small_cell_gets_a_complementary_partner_in_its_row_and_column():
    full, flags = protect_table([[3, 20], [40, 50]])
    assert flags[0][0] == SMALL
    assert flags[0][2] == SMALL or flags[0][1] == COMPLEMENTARY
    assert not derivable_cells(
        {(i, j): flags[i][j] for i in range(3) for j in range(3)}, table_constraints(2, 2)
    )


def test_a_table_without_small_counts_is_published_whole():
    full, flags = protect_table([[10, 20], [30, 40]])
    assert all(f == "" for row in flags for f in row)
    assert full[2][2] == 100


small_or_large = st.one_of(st.integers(0, 6), st.integers(0, 200))


@settings(max_examples=120, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda cols: st.lists(
            st.lists(small_or_large, min_size=cols, max_size=cols), min_size=1, max_size=5
        )
    )
)
def test_no_hidden_cell_of_a_random_table_can_be_computed_from_totals(cells):
    full, grid = protect_table(cells)
    n_rows, n_cols = len(cells), len(cells[0])
    flags = {(i, j): grid[i][j] for i in range(n_rows + 1) for j in range(n_cols + 1)}
    for (i, j), flag in flags.items():
        if 0 < full[i][j] < 5:
            assert flag == SMALL
        if flag == "":
            assert not 0 < full[i][j] < 5
    assert derivable_cells(flags, table_constraints(n_rows, n_cols)) == []


@settings(max_examples=80, deadline=None)
@given(
    st.integers(2, 3).flatmap(
        lambda cols: st.lists(
            st.lists(small_or_large, min_size=cols, max_size=cols), min_size=2, max_size=5
        )
    ),
    st.integers(1, 3),
)
def test_hierarchies_of_facilities_in_countries_leak_nothing(facility_rows, n_countries):
    """Facilities × breakdown, with facility totals, country subtotals and a network total."""
    n_cols = len(facility_rows[0])
    values, constraints = {}, []
    members: dict[int, list[int]] = {}
    for f, row in enumerate(facility_rows):
        members.setdefault(f % n_countries, []).append(f)
        for b, v in enumerate(row):
            values[("f", f, b)] = v
        values[("f", f, "t")] = sum(row)
        constraints.append(Constraint(("f", f, "t"), tuple(("f", f, b) for b in range(n_cols))))
    for c, fs in members.items():
        for b in [*range(n_cols), "t"]:
            values[("c", c, b)] = sum(values[("f", f, b)] for f in fs)
            constraints.append(Constraint(("c", c, b), tuple(("f", f, b) for f in fs)))
        constraints.append(Constraint(("c", c, "t"), tuple(("c", c, b) for b in range(n_cols))))
    for b in [*range(n_cols), "t"]:
        values[("n", b)] = sum(values[("c", c, b)] for c in members)
        constraints.append(Constraint(("n", b), tuple(("c", c, b) for c in members)))
    flags = protect(values, constraints)
    assert not any(flag == "" and 0 < values[k] < 5 for k, flag in flags.items())
    assert derivable_cells(flags, constraints) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(small_or_large, min_size=1, max_size=12), st.integers(1, 4))
def test_the_fast_rule_is_exact_for_facilities_in_countries_in_the_network(values, n_countries):
    """Without breakdowns the relations form a tree: the cheap rule alone leaks nothing."""
    cells, constraints, members = {}, [], {}
    for f, v in enumerate(values):
        cells[("f", f)] = v
        members.setdefault(f % n_countries, []).append(("f", f))
    for c, parts in members.items():
        cells[("c", c)] = sum(cells[p] for p in parts)
        constraints.append(Constraint(("c", c), tuple(parts)))
    cells["n"] = sum(cells[("c", c)] for c in members)
    constraints.append(Constraint("n", tuple(("c", c) for c in members)))
    flags = protect(cells, constraints, exact=False)
    assert not any(flag == "" and 0 < cells[k] < 5 for k, flag in flags.items())
    assert derivable_cells(flags, constraints) == []
