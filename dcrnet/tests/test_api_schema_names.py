"""Ninja names an OpenAPI component after its schema class: two classes of one name would share one
component, and the document would describe one endpoint with the other's body (it once described
the monthly report's PUT with the early-warning report)."""

from collections import defaultdict

from django.urls import resolve
from ninja import Schema


def schema_classes():
    seen, stack = set(), [Schema]
    while stack:
        for sub in stack.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
    return seen


def test_no_two_api_schemas_share_a_name():
    resolve("/api/v1/openapi.json")  # imports every router
    by_name = defaultdict(list)
    for cls in schema_classes():
        if cls.__module__.startswith("dcrnet.") and ".tests." not in cls.__module__:
            by_name[cls.__name__].append(cls.__module__)
    assert {name: modules for name, modules in by_name.items() if len(modules) > 1} == {}
