"""What an issue holds: the month's highlight (of a published facility), the news published that
month (no draft, nothing scheduled later), the evidence added that month, the training sessions
coming up (none cancelled or past); in the reader's language; in a constant number of queries;
the editors' Markdown turned into plain text and into HTML with absolute links."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings

from dcrnet.directory.models import Highlight
from dcrnet.evidence.models import Person, Reference
from dcrnet.news.models import ArticleStatus
from dcrnet.news.tests.factories import make_article
from dcrnet.newsletter import notifications, selectors
from dcrnet.newsletter.tests.conftest import make_issue
from dcrnet.trainings.models import SessionStatus
from dcrnet.trainings.tests.factories import make_session, make_training

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)
SITE = settings.SITE_URL


def at(moment):
    return time_machine.travel(moment, tick=False)


def reference(title: str, added: dt.datetime, author: str = "Kimber") -> Reference:
    with at(added):
        ref = Reference.objects.create(title=title, year=2026, container_title="Int J Drug Policy")
    Person.objects.create(reference=ref, family=author, given="J")
    return ref


@pytest.fixture
def month(make_facility):
    """November 2026, as it happened (and what must stay out of its issue)."""
    facility = make_facility("lu-abrigado", name="Abrigado")
    hidden = make_facility("xx-hidden", name="Hidden room", published=False)
    Highlight.objects.create(
        month=dt.date(2026, 11, 1),
        facility=facility,
        title_en="Twenty years of Abrigado",
        title_fr="Vingt ans d'Abrigado",
        text_en="Opened in **2005**. See [the map](/map/).",
    )
    Highlight.objects.create(month=dt.date(2026, 10, 1), facility=hidden, text_en="Hidden.")
    make_article(
        "in-november", title="A room opens", published_at=dt.datetime(2026, 11, 10, tzinfo=dt.UTC)
    )
    make_article(
        "in-october",
        title="October news",
        published_at=dt.datetime(2026, 10, 31, 23, tzinfo=dt.UTC),
    )
    make_article("a-draft", title="A draft", status=ArticleStatus.DRAFT, published_at=None)
    make_article("later", title="Scheduled", published_at=dt.datetime(2026, 12, 20, tzinfo=dt.UTC))
    reference("Supervised injection and overdose", dt.datetime(2026, 11, 15, tzinfo=dt.UTC))
    reference("An older study", dt.datetime(2026, 10, 15, tzinfo=dt.UTC))
    make_session(start=NOW + dt.timedelta(days=20))
    make_session(start=NOW + dt.timedelta(days=25), status=SessionStatus.CANCELLED)
    make_session(start=NOW - dt.timedelta(days=3))
    hidden_training = make_training("unpublished", title="Unpublished training", published=False)
    make_session(hidden_training, start=NOW + dt.timedelta(days=21))


def text_of(issue, language="en") -> tuple[str, str, str]:
    with at(NOW):
        digest = selectors.compose(issue, language)
        return notifications.render(digest, f"{SITE}/newsletter/unsubscribe/t/")


def test_the_issue_holds_what_the_month_brought_and_nothing_else(month):
    subject, text, html = text_of(make_issue())
    assert subject == "DCR Network newsletter, November 2026"
    for wanted in (
        "Twenty years of Abrigado (Abrigado, Luxembourg)",
        "Opened in 2005. See the map <" + SITE + "/map/>.",
        f"{SITE}/highlights/2026/11/",
        "* A room opens",
        f"{SITE}/news/in-november/",
        "* Kimber J (2026). Supervised injection and overdose. Int J Drug Policy",
        "* Running a drug consumption room: ",
        "(Europe/Berlin)",
        f"{SITE}/newsletter/unsubscribe/t/",
    ):
        assert wanted in text, wanted
    for unwanted in (
        "October news",
        "A draft",
        "Scheduled",
        "An older study",
        "Hidden",
        "Unpublished",
    ):
        assert unwanted not in text and unwanted not in html, unwanted
    assert text.count("* Running a drug consumption room") == 1  # not the cancelled, not the past
    assert "<strong>2005</strong>" in html and f'href="{SITE}/map/"' in html


def test_it_reads_in_the_readers_language(month):
    issue = make_issue(title_en="November at the network", title_fr="Novembre au réseau")
    subject, text, html = text_of(issue, "fr")
    assert subject == "Novembre au réseau"
    assert "Vingt ans d'Abrigado" in text
    assert f"{SITE}/fr/news/in-november/" in text and '<html lang="fr">' in html
    assert f"{SITE}/news/" not in text


def test_an_empty_month_still_makes_a_readable_issue(db):
    subject, text, _html = text_of(make_issue(month=dt.date(2020, 1, 1)))
    assert subject == "DCR Network newsletter, January 2020"
    assert "Welcome to the November issue." in text and "Unsubscribe with one click" in text


def test_composing_takes_the_same_queries_for_one_item_or_many(
    month, django_assert_max_num_queries
):
    for n in range(12):
        make_article(
            f"more-{n}", title=f"More {n}", published_at=dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
        )
        reference(f"Study {n}", dt.datetime(2026, 11, 16, tzinfo=dt.UTC), author=f"A{n}")
        make_session(start=NOW + dt.timedelta(days=30 + n))
    issue = make_issue()
    with django_assert_max_num_queries(12):
        _subject, text, _html = text_of(issue)
    assert text.count("\n* ") == 3 * selectors.LIMIT  # the first 10 of each kind
    assert "All 13 articles of the month:" in text
    assert "13 references were added this month." in text


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("Plain **bold** and _em_.", "Plain bold and em."),
        (
            "[Guide](/guide/) and [x](https://example.org/a?b=1&c=2)",
            f"Guide <{SITE}/guide/> and x <https://example.org/a?b=1&c=2>",
        ),
        ("- one\n- two", "* one\n* two"),
        ("# Title\n\nPara", "Title\n\nPara"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("a < b & c", "a < b & c"),
        ("![img](https://tracker.example.net/p.gif)", ""),
        ("[//evil](//evil.example/x)", "//evil <//evil.example/x>"),
    ],
)
def test_markdown_becomes_plain_text(markdown, text):
    assert notifications.markdown_text(markdown) == text


def test_markdown_html_has_absolute_links_and_no_images():
    html = str(
        notifications.markdown_html("[g](/guide/) ![i](https://t.example/p.gif) [x](//e.example/)")
    )
    assert f'href="{SITE}/guide/"' in html
    assert "<img" not in html
    assert 'href="//e.example/"' in html  # not made into one of ours
