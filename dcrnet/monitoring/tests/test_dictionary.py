"""The indicator dictionary is public: page, CSV and JSON."""

from __future__ import annotations

import csv
import io

import pytest

from dcrnet.monitoring.models import Indicator

pytestmark = pytest.mark.django_db


def test_about_twenty_indicators_are_seeded_with_definitions():
    indicators = list(Indicator.objects.current())
    assert len(indicators) == 20
    assert all(ind.definition and ind.counts and ind.does_not_count for ind in indicators)
    assert Indicator.objects.get(code="supervised_consumptions").breakdown == "route"
    assert Indicator.objects.get(code="referrals").breakdown_codes == [
        "treatment",
        "health",
        "social",
    ]


def test_the_dictionary_page_lists_every_indicator_with_its_peer_mapping(client):
    response = client.get("/data/dictionary/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "unique_clients" in html and "Version 1.0" in html
    assert "Unique clients (counted once per site per month)" in html


def test_the_dictionary_downloads_as_csv(client):
    response = client.get("/data/dictionary.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 20
    assert rows[0]["code"] == "days_open"


def test_the_dictionary_is_json_in_the_api(client):
    data = client.get("/api/v1/indicators").json()
    assert {row["code"] for row in data} >= {"visits", "overdoses", "referrals"}
    consumptions = next(r for r in data if r["code"] == "supervised_consumptions")
    assert consumptions["breakdown_values"] == ["injecting", "smoking", "snorting", "oral"]
