"""Two imports of one file at the same moment: each facility once, no error (both databases)."""

from __future__ import annotations

import pytest

from dcrnet.directory.imports import Report, apply, parse
from dcrnet.directory.models import Country, Facility, StatusChange
from dcrnet.directory.tests.test_imports import as_file, item


@pytest.mark.usefixtures("shared_database")
def test_two_imports_of_one_file_at_once_write_each_facility_once(in_parallel):
    data = as_file(
        item(),
        item(name="Synthetic Room Two", country="FR"),
        item(name="Synthetic Room Three", country="NL", city="Testdam"),
    )
    records = parse(data, "json")
    results = in_parallel(apply, [(records,), (records,)])
    assert all(isinstance(result, Report) for result in results), results
    assert sorted(len(result.created) for result in results) == [0, 3]
    assert sorted(len(result.unchanged) for result in results) == [0, 3]
    assert Facility.objects.count() == 3
    assert StatusChange.objects.count() == 3
    assert sorted(Country.objects.values_list("code", flat=True)) == ["DE", "FR", "NL"]
