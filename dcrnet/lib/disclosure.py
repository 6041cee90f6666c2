"""Disclosure control: small counts are never shown, nor can they be worked out from totals.

Primary suppression hides every count from 1 to 4 (shown as "<5"). Complementary suppression
then hides further cells (shown as "x") until no hidden cell is determined by the published
cells and the additive relations between them (a row adds up to its total, facilities add up to
their country, and so on). Derivability is checked exactly, with rational arithmetic: a hidden
cell is determined when its unit vector lies in the row space of the constraint matrix
restricted to the hidden cells.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

THRESHOLD = 5
SMALL = "<5"
COMPLEMENTARY = "x"

Key = Hashable


@dataclass(frozen=True)
class Constraint:
    """`total` is the sum of `parts`."""

    total: Key
    parts: tuple[Key, ...]


def is_small(value: int | None) -> bool:
    return value is not None and 0 < value < THRESHOLD


def show(value: int | None) -> str:
    """The text of a single count with no table around it."""
    if value is None:
        return ""
    return SMALL if is_small(value) else str(value)


def _nullspace_support(
    hidden: list[Key], constraints: Sequence[Constraint], values: dict[Key, int]
) -> set[Key]:
    """The hidden cells that some perturbation keeping every constraint can change.

    A cell outside this set is determined by the published data (it is derivable).
    """
    if not hidden:
        return set()
    index = {key: i for i, key in enumerate(hidden)}
    rows: list[list[Fraction]] = []
    for constraint in constraints:
        row = [Fraction(0)] * len(hidden)
        touched = False
        if constraint.total in index:
            row[index[constraint.total]] -= 1
            touched = True
        for part in constraint.parts:
            if part in index:
                row[index[part]] += 1
                touched = True
        if touched:
            rows.append(row)
    # Reduced row echelon form.
    pivots: list[int] = []
    r = 0
    n = len(hidden)
    for col in range(n):
        pivot = next((i for i in range(r, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        lead = rows[r][col]
        rows[r] = [x / lead for x in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][col] != 0:
                factor = rows[i][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[r], strict=True)]
        pivots.append(col)
        r += 1
        if r == len(rows):
            break
    free = [c for c in range(n) if c not in set(pivots)]
    movable: set[int] = set(free)
    for i, col in enumerate(pivots):
        if any(rows[i][f] != 0 for f in free):
            movable.add(col)
    return {hidden[c] for c in movable}


def protect(
    values: dict[Key, int], constraints: Iterable[Constraint], *, exact: bool = True
) -> dict[Key, str]:
    """Flags for every cell: "" (publish), "<5" (small count) or "x" (complementary).

    First, cheaply, every relation holding a hidden cell gets at least two. When the relations
    form a tree (facilities add up to countries, countries to the network: each cell is the
    total of at most one relation and a part of at most one), that is enough: a change to a
    hidden cell can always be passed on through another hidden cell of each relation until it
    reaches a cell in only one relation, so no hidden cell is determined. Tables with crossing
    relations (facilities × routes) need `exact`: a rational-arithmetic check per connected
    group of hidden cells, hiding more until none is determined.
    """
    constraints = [c for c in constraints if c.parts]
    flags: dict[Key, str] = {key: (SMALL if is_small(v) else "") for key, v in values.items()}
    lines: dict[Key, list[Constraint]] = {}
    for constraint in constraints:
        for key in (constraint.total, *constraint.parts):
            lines.setdefault(key, []).append(constraint)
    _at_least_two(flags, values, constraints, lines)
    if not exact:
        return flags
    while True:
        exposed = []
        for group_cells, group_constraints in _groups(flags, constraints, lines):
            movable = _nullspace_support(group_cells, group_constraints, values)
            exposed.extend(key for key in group_cells if key not in movable)
        if not exposed:
            return flags
        # Hide one more cell in a relation of an exposed cell: the smallest positive published
        # value (least information lost), then zeros, preferring parts to totals. When every
        # cell around the exposed ones is hidden already, look at any relation with a hidden cell.
        related = [c for key in exposed for c in lines.get(key, [])]
        candidates = _candidates(related, flags, values)
        if not candidates:
            hidden_set = {key for key, flag in flags.items() if flag}
            related = [c for c in constraints if hidden_set & {c.total, *c.parts}]
            candidates = _candidates(related, flags, values)
        if not candidates:
            return flags
        flags[min(candidates)[-1]] = COMPLEMENTARY
        _at_least_two(flags, values, constraints, lines)


def _at_least_two(flags: dict, values: dict, constraints: list[Constraint], lines: dict) -> None:
    pending = list(constraints)
    while pending:
        constraint = pending.pop()
        cells = (constraint.total, *constraint.parts)
        if sum(1 for cell in cells if flags[cell]) != 1:
            continue
        candidates = _candidates([constraint], flags, values)
        if not candidates:
            continue
        chosen = min(candidates)[-1]
        flags[chosen] = COMPLEMENTARY
        pending.extend(lines.get(chosen, []))


def _groups(flags: dict, constraints: list[Constraint], lines: dict):
    """Connected groups of hidden cells (linked by shared relations), with their relations."""
    seen: set = set()
    for start in [key for key, flag in flags.items() if flag]:
        if start in seen:
            continue
        cells, group_constraints, stack = [], {}, [start]
        seen.add(start)
        while stack:
            key = stack.pop()
            cells.append(key)
            for constraint in lines.get(key, []):
                group_constraints[id(constraint)] = constraint
                for other in (constraint.total, *constraint.parts):
                    if flags[other] and other not in seen:
                        seen.add(other)
                        stack.append(other)
        yield cells, list(group_constraints.values())


def _candidates(related: list[Constraint], flags: dict, values: dict) -> list[tuple]:
    found = []
    for constraint in related:
        for cell in (*constraint.parts, constraint.total):
            if not flags[cell]:
                value = values[cell]
                found.append((value == 0, cell == constraint.total, value, str(cell), cell))
    return found


def table_constraints(n_rows: int, n_cols: int) -> list[Constraint]:
    """Relations of a table with a total column (index n_cols) and a total row (index n_rows)."""
    constraints = []
    for i in range(n_rows + 1):
        constraints.append(Constraint((i, n_cols), tuple((i, j) for j in range(n_cols))))
    for j in range(n_cols + 1):
        constraints.append(Constraint((n_rows, j), tuple((i, j) for i in range(n_rows))))
    return constraints


def protect_table(cells: Sequence[Sequence[int]]) -> tuple[list[list[int]], list[list[str]]]:
    """A table with its row and column totals added, and the flag of every cell."""
    n_rows, n_cols = len(cells), len(cells[0]) if cells else 0
    full = [list(row) + [sum(row)] for row in cells]
    full.append([sum(full[i][j] for i in range(n_rows)) for j in range(n_cols + 1)])
    values = {(i, j): full[i][j] for i in range(n_rows + 1) for j in range(n_cols + 1)}
    flags = protect(values, table_constraints(n_rows, n_cols))
    grid = [[flags[(i, j)] for j in range(n_cols + 1)] for i in range(n_rows + 1)]
    return full, grid


def render(value: int, flag: str) -> str:
    return flag or str(value)
