"""Demo data: sourced yearly figures, and a synthetic history marked as such everywhere."""

from __future__ import annotations

import io

import pytest

from dcrnet.monitoring import demo
from dcrnet.monitoring.models import MonthlyValue, SeriesPoint, YearlyValue
from dcrnet.monitoring.services import cross_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_facilities(make_facility):
    insite = make_facility(
        "ca-vancouver-insite", country="CA", name="Insite", routes={"injecting": 13}
    )
    abrigado = make_facility("lu-abrigado", routes={"injecting": 10, "smoking": 5})
    return insite, abrigado


def test_it_loads_the_published_figures_with_sources_and_is_idempotent(demo_facilities):
    out = io.StringIO()
    first = demo.load(stdout=out)
    second = demo.load()
    assert first["yearly"] == 5 and first["translated"] == 21  # 20 indicators and the release
    assert second == {"translated": 0, "yearly": 0, "synthetic": 0}
    visits = YearlyValue.objects.get(
        facility__public_id="ca-vancouver-insite", indicator__code="visits"
    )
    assert visits.value == 175464 and visits.source_url == "https://en.wikipedia.org/wiki/Insite"
    abrigado = YearlyValue.objects.get(facility__public_id="lu-abrigado")
    assert abrigado.display == "more than 59,000"
    assert "synthetic demonstration data" in out.getvalue()


def test_the_generated_history_is_synthetic_and_passes_every_cross_check(demo_facilities):
    demo.load()
    assert MonthlyValue.objects.exists()
    assert not MonthlyValue.objects.filter(synthetic=False).exists()
    by_month: dict = {}
    for v in MonthlyValue.objects.select_related("indicator"):
        name = v.indicator.code + (f":{v.breakdown}" if v.breakdown else "")
        by_month.setdefault((v.facility_id, v.month), {})[name] = v.value
    for (_facility, month), cells in by_month.items():
        assert cross_check(cells, month) == []
    assert not SeriesPoint.objects.filter(synthetic=False).exists()


def test_synthetic_data_is_marked_on_pages_and_downloads(client, demo_facilities):
    demo.load()
    html = client.get("/data/facilities/ca-vancouver-insite/").content.decode()
    assert "synthetic demonstration data" in html.lower()
    assert "more than 59,000" in client.get("/data/").content.decode()
    rows = client.get("/data/monthly.json?facility=lu-abrigado").json()["rows"]
    assert rows and all(r["synthetic"] is True for r in rows)
    series = client.get("/api/v1/series/network?indicator=visits").json()
    assert series["synthetic"] is True and "Synthetic" in series["synthetic_note"]
    text = b"".join(client.get("/data/monthly.csv").streaming_content).decode()
    assert text.count(",True\r\n") == len(text.splitlines()) - 3


def test_it_never_overwrites_a_real_value(demo_facilities):
    from dcrnet.monitoring import services

    insite = demo_facilities[0]
    month = demo._months(demo.timezone.localdate().replace(day=1) - demo.dt.timedelta(days=1), 1)[0]
    services.save_month(insite, month, {"visits": 12345})
    demo.load()
    real = MonthlyValue.objects.get(facility=insite, month=month, indicator__code="visits")
    assert (real.value, real.synthetic) == (12345, False)
