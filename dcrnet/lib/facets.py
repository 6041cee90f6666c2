"""The facets of a filtered list (evidence, documents, training sessions): each filter with its
values, how many results each value gives, and whether it is chosen."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    params: dict[str, str | None] = field(default_factory=dict)
    url: str = ""
    lang: str = ""  # set when the label is in another language than the page (WCAG 3.1.2)


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)
