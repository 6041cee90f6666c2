"""One click: a status change or a policy event becomes an article (published when what it tells
is public, else a draft), once, by editors only: in the site, in the admin, and at once."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.test import Client

from dcrnet.community.models import Role
from dcrnet.directory.models import StatusChange
from dcrnet.directory.services import record_status
from dcrnet.news import services
from dcrnet.news.models import Article, ArticleStatus
from dcrnet.policy.tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def thistle(make_facility):
    return make_facility(
        "gb-glasgow-thistle",
        country="GB",
        city="Glasgow",
        name="The Thistle",
        since=dt.date(2025, 1, 13),
    )


def opening(facility) -> StatusChange:
    return facility.status_changes.get(status="open")


@pytest.fixture
def editor2(django_user_model):
    from conftest import _user

    return _user(django_user_model, "editor2@example.org", Role.EDITOR, mfa=True, is_staff=True)


def test_a_status_change_becomes_a_published_article_with_its_source(thistle, editor):
    change = opening(thistle)
    article, created = services.publish_status_change(change, by=editor)
    assert created and article.status == ArticleStatus.PUBLISHED and article.is_public
    assert article.title_en == "The Thistle opened in Glasgow"
    assert article.summary_en == (
        "The Thistle, a drug consumption room in Glasgow (United Kingdom), opened on"
        " 13 January 2025."
    )
    assert [(s.title, s.url) for s in article.sources.all()] == [("test", "")]
    assert list(article.facilities.all()) == [thistle]
    assert list(article.countries.all()) == [thistle.country]
    assert article.author == editor and article.status_change == change
    assert article.slug == "gb-glasgow-thistle-open-2025-01-13"


def test_the_same_change_twice_makes_one_article(thistle, editor, staff):
    change = opening(thistle)
    first, made = services.publish_status_change(change, by=editor)
    again, made_again = services.publish_status_change(change, by=staff)
    assert made and not made_again and first == again
    assert Article.objects.count() == 1


def test_a_change_of_an_unpublished_facility_makes_a_draft(make_facility, editor):
    hidden = make_facility("gb-hidden", country="GB", published=False)
    article, _made = services.publish_status_change(opening(hidden), by=editor)
    assert article.status == ArticleStatus.DRAFT and not article.is_public


def test_a_closure_reads_as_a_closure(thistle, editor):
    record_status(thistle, "closed", dt.date(2025, 6, 1), source="City of Glasgow")
    change = thistle.status_changes.get(status="closed")
    article, _made = services.publish_status_change(change, by=editor)
    assert article.title_en == "The Thistle closed in Glasgow"


def test_a_policy_event_becomes_an_article_in_its_languages(editor):
    event = make_event("DK", dt.date(2012, 6, 1), title="Law passed", summary="In *June*.")
    event.title_fr = "Adoption d'une loi"
    event.save()
    article, created = services.publish_event(event, by=editor)
    assert created and article.is_public
    assert (article.title_en, article.title_fr) == ("Law passed", "Adoption d'une loi")
    assert not article.title_de  # German falls back to English, marked as not yet translated
    assert article.summary_en == "In June." and article.body_en == "In *June*."
    assert [(s.title, s.url) for s in article.sources.all()] == [
        ("INDCR country page: Denmark", "http://www.example.org/denmark")
    ]
    assert article.countries.get().code == "DK"
    assert services.publish_event(event, by=editor) == (article, False)
    hidden = make_event("NO", title="Unpublished", published=False)
    assert services.publish_event(hidden, by=editor)[0].status == ArticleStatus.DRAFT


@pytest.mark.parametrize("who", ["member", "non_member", "reporter", "moderator"])
def test_only_editors_publish(request, thistle, who):
    user = request.getfixturevalue(who)
    with pytest.raises(services.NotAnEditor):
        services.publish_status_change(opening(thistle), by=user)
    with pytest.raises(services.NotAnEditor):
        services.publish_event(make_event(), by=user)
    assert not Article.objects.exists()


def test_the_site_buttons_are_for_editors(client, thistle, member, editor):
    change, event = opening(thistle), make_event()
    paths = [f"/news/publish/status-change/{change.pk}/", f"/news/publish/event/{event.pk}/"]
    for path in [*paths, "/news/newsroom/"]:
        response = client.post(path) if "publish" in path else client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(member)
    assert client.get("/news/newsroom/").status_code == 403
    assert [client.post(path).status_code for path in paths] == [403, 403]
    assert not Article.objects.exists()
    client.force_login(editor)
    newsroom = client.get("/news/newsroom/").content.decode()
    assert f'action="{paths[0]}"' in newsroom and f'action="{paths[1]}"' in newsroom
    response = client.post(paths[0], follow=True)
    assert response.redirect_chain[-1][0] == "/news/gb-glasgow-thistle-open-2025-01-13/"
    assert "Published as news." in response.content.decode()
    again = client.post(paths[0], follow=True).content.decode()
    assert "already published as news" in again and Article.objects.count() == 1
    assert client.get(paths[0]).status_code == 405
    assert client.post("/news/publish/event/424242/").status_code == 404
    assert client.post("/news/publish/event/99999999999999999999/").status_code == 404
    assert f'action="{paths[0]}"' not in client.get("/news/newsroom/").content.decode()


def test_the_admin_actions_publish_once(client, thistle, editor):
    change, event = opening(thistle), make_event()
    client.force_login(editor)
    changelist = "/admin/news/statuschangenews/"
    page = client.get(changelist)
    assert page.status_code == 200 and "Publish as news" in page.content.decode()
    for _ in range(2):
        response = client.post(
            changelist, {"action": "publish_status_changes", "_selected_action": [change.pk]}
        )
        assert response.status_code == 302
    assert Article.objects.filter(status_change=change).count() == 1
    events = "/admin/policy/event/"
    assert "Publish as news" in client.get(events).content.decode()
    client.post(events, {"action": "publish_events", "_selected_action": [event.pk]})
    assert Article.objects.filter(policy_event=event).count() == 1


def test_the_status_change_list_in_the_admin_is_read_only(client, thistle, editor):
    client.force_login(editor)
    change = opening(thistle)
    assert client.get("/admin/news/statuschangenews/add/").status_code == 403
    page = client.get(f"/admin/news/statuschangenews/{change.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.post(f"/admin/news/statuschangenews/{change.pk}/delete/").status_code == 403


def outcome(result) -> str:
    if isinstance(result, Exception):
        return f"error: {result!r}"
    return "made" if result[1] else "found"


def test_two_editors_clicking_at_once_get_one_article(
    thistle, editor, editor2, shared_database, in_parallel
):
    change = opening(thistle)

    def publish(user):
        return services.publish_status_change(change, by=user)

    results = in_parallel(publish, [(editor,), (editor2,)])
    assert Counter(map(outcome, results)) == {"made": 1, "found": 1}
    assert results[0][0].pk == results[1][0].pk
    assert Article.objects.filter(status_change=change).count() == 1


def test_two_editors_posting_at_once_get_one_article_and_a_message(
    thistle, editor, editor2, shared_database, in_parallel
):
    change = opening(thistle)

    def post(user):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        return client.post(f"/news/publish/status-change/{change.pk}/", follow=True)

    responses = in_parallel(post, [(editor,), (editor2,)])
    assert [r.status_code for r in responses] == [200, 200]
    pages = [r.content.decode() for r in responses]
    assert sum("Published as news." in page for page in pages) == 1
    assert sum("already published as news" in page for page in pages) == 1
    assert Article.objects.count() == 1


def test_a_long_facility_name_and_city_still_fit_the_title(make_facility, editor):
    """A name of 200 characters and a city of 120 make a title longer than its column (300):
    a database error on PostgreSQL. The title is cut, with an ellipsis, in every language."""
    long = make_facility("lu-long", name="N" * 200, city="C" * 120)
    article, made = services.publish_status_change(opening(long), by=editor)
    article.refresh_from_db()
    limit = Article._meta.get_field("title").max_length
    titles = [getattr(article, f"title_{code}") or "" for code in services.LANGUAGES]
    assert made and all(len(title) <= limit for title in titles)
    assert article.title_en.startswith("N" * 200) and article.title_en.endswith("…")
