"""The site in French, German, Dutch and Spanish, in Chromium: the header's switcher keeps the
page, the first visit follows the browser's language once, the directory filters and the charts
speak the language, the account, organisation and forum pages of a member are in the language
(and the switcher keeps a member's thread), so are the trainings', visits', advocacy, policy
and news pages of the demo's accounts (and the switcher keeps a session), axe-core finds
nothing (its lang rules included) and no request leaves the site. Expected texts come from the
catalogues, never written here in another language."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.utils import formats, translation
from django.utils.translation import gettext, trans_real
from django.utils.translation.trans_real import DjangoTranslation
from playwright.sync_api import expect

from dcrnet.community.models import ExpertiseTag
from dcrnet.directory.forms import FacilityFilterForm
from dcrnet.directory.models import Facility, Route
from dcrnet.directory.tests.sample_site import load_site
from testing.browser import axe_passes, axe_violations

pytestmark = pytest.mark.browser

LANGUAGES = ["fr", "de", "nl", "es"]
LANG_RULES = {"html-has-lang", "html-lang-valid", "valid-lang"}
ROWS = "#results tbody tr"
SWITCHER = "form.language"
# Everything the charts draw on their canvas (axis labels, tick values), kept for the test.
RECORD_CANVAS_TEXT = """
(() => {
  const drawn = (window.drawnTexts = []);
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
    drawn.push(String(text));
    return fillText.call(this, text, ...rest);
  };
})();
"""


def prefixed(language: str, path: str) -> str:
    return path if language == "en" else f"/{language}{path}"


def translated(language: str, message: str, *, domain: str = "django") -> str:
    """`message` as the catalogue gives it in `language`; it must be there (not English)."""
    if domain == "django":
        with translation.override(language):
            text = gettext(message)
    else:
        text = DjangoTranslation(language, domain=domain).gettext(message)
    assert text != message, f"the {language} catalogue ({domain}) does not translate {message!r}"
    return text


def catalogued(language: str, message: str) -> str:
    """`message` as the `language` catalogue translates it, which may be the same word ("Newsroom"
    in German): the catalogue must hold it, translated."""
    text = trans_real.translation(language)._catalog.get(message)
    assert text, f"the {language} catalogue has no translation of {message!r}"
    return text


def spaced(text: str) -> str:
    """Thin, narrow and no-break spaces as plain ones: "10\u202f000" and "10\xa0000" match."""
    return re.sub(r"[\s\u00a0\u202f]", " ", text)


@pytest.fixture
def site(make_facility):
    return load_site(make_facility, demo=False)


def check_page(page, live_server, language: str, *, axe: bool = True, rules=LANG_RULES) -> None:
    """The page is in `language`, it asked only the site, and axe-core finds nothing (axe needs
    JavaScript: a page without it is checked with `axe=False`, and again in a page with it) and
    its `rules` ran and passed."""
    expect(page.locator("html")).to_have_attribute("lang", language)
    site = urlsplit(live_server.url)
    assert page.requests, "the page made no request at all"
    elsewhere = [
        url
        for url in page.requests
        if urlsplit(url).scheme not in {"data", "blob"}
        and (urlsplit(url).scheme, urlsplit(url).netloc) != (site.scheme, site.netloc)
    ]
    assert elsewhere == []
    if axe:
        assert axe_violations(page) == []
        assert axe_passes(page, rules) == rules


def switch(page, language: str, current: str) -> None:
    """Choose `language` in the header's switcher, on a page in `current`, and submit it."""
    switcher = page.locator(SWITCHER)
    button = "Change language" if current == "en" else translated(current, "Change language")
    switcher.get_by_role("combobox").select_option(language)
    with page.expect_navigation():
        switcher.get_by_role("button", name=button, exact=True).click()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_switcher_keeps_the_page_without_javascript(
    new_browser_page, live_server, site, language
):
    page = new_browser_page(java_script_enabled=False)
    english = f"{site.list}?country=DE&status=open"
    there = prefixed(language, english)
    shown = {f.name for f in Facility.objects.public().filtered(country="DE", status="open")}
    assert shown, "the sample needs an open facility in Germany"
    page.goto(english)
    check_page(page, live_server, "en", axe=False)

    switch(page, language, "en")

    assert page.url == live_server.url + there
    expect(page.locator("h1")).to_have_text(
        translated(language, "Directory of drug consumption rooms")
    )
    expect(page.locator(ROWS)).to_have_count(len(shown))
    assert set(page.locator(f"{ROWS} td:first-child a").all_inner_texts()) == shown
    check_page(page, live_server, language, axe=False)

    switch(page, "en", language)

    assert page.url == live_server.url + english
    expect(page.locator("h1")).to_have_text("Directory of drug consumption rooms")
    check_page(page, live_server, "en", axe=False)
    with_javascript = new_browser_page()
    for url, shown_in in ((english, "en"), (there, language)):
        with_javascript.goto(url)
        check_page(with_javascript, live_server, shown_in)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_visit_follows_the_browser_then_the_visitors_choice(
    new_browser_page, live_server, site, language
):
    page = new_browser_page(locale=language)  # Accept-Language: the language

    page.goto(site.facility)

    assert page.url == live_server.url + prefixed(language, site.facility)
    check_page(page, live_server, language)

    switch(page, "en", language)
    assert page.url == live_server.url + site.facility

    later = page.context.new_page()  # the next visit, in the same browser
    later.goto(site.countries)
    assert later.url == live_server.url + site.countries
    expect(later.locator("html")).to_have_attribute("lang", "en")
    later.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_directory_filters_in_the_language(browser_page, live_server, site, language):
    page = browser_page
    fields = FacilityFilterForm.base_fields.values()
    with translation.override(language):
        labels = [str(field.label) for field in fields]
        everyone = Facility.objects.public().count()
        german = Facility.objects.public().filtered(country="DE")
        expected = {f.get_absolute_url(): f.get_status_display() for f in german}
    assert labels != [str(field.label) for field in fields], "the form's labels in English"
    assert 0 < len(expected) < everyone, "the sample needs facilities in and out of Germany"
    page.goto(prefixed(language, site.list))
    page.wait_for_function("() => window.htmx !== undefined")
    expect(page.locator("form.filters label")).to_have_text(labels)
    expect(page.locator(ROWS)).to_have_count(everyone)

    page.select_option("#id_country", "DE")

    expect(page).to_have_url(re.compile(rf"/{language}/facilities/\?(.*&)?country=DE(&|$)"))
    expect(page.locator(ROWS)).to_have_count(len(expected))
    links = page.locator(f"{ROWS} td:first-child a").evaluate_all("as => as.map(a => a.pathname)")
    assert set(links) == set(expected)
    statuses = page.locator(f"{ROWS} td:nth-child(4) .status").all_inner_texts()
    assert statuses == [expected[link] for link in links]
    check_page(page, live_server, language)


def open_chart(page, url: str, chart: str) -> None:
    page.context.add_init_script(RECORD_CANVAS_TEXT)
    page.goto(url)
    page.locator(f"{chart} canvas").first.wait_for()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_country_chart_speaks_the_language(browser_page, live_server, site, language):
    page = browser_page
    open_chart(page, prefixed(language, "/countries/DE/"), "#country-chart")

    drawn = page.evaluate("() => window.drawnTexts")
    assert translated(language, "Open facilities") in drawn  # the y axis, on the canvas
    download = translated(language, "Download PNG", domain="djangojs")
    expect(page.locator("#country-chart + button")).to_have_text(download)
    catalogue = re.compile(rf"/static/jsi18n/{language}/djangojs(\.[0-9a-f]+)?\.js$")
    assert any(catalogue.search(urlsplit(url).path) for url in page.requests), page.requests
    check_page(page, live_server, language)


@pytest.fixture
def monthly_data(site):
    """Supervised consumptions by route in two facilities, in the tens of thousands."""
    from dcrnet.monitoring import services
    from dcrnet.monitoring.indicators import seed
    from dcrnet.monitoring.models import DictionaryRelease, Indicator

    seed(DictionaryRelease, Indicator)  # the live server's database is flushed between tests
    for public_id, scale in (("lu-abrigado", 1), ("de-frankfurt-eastside", 2)):
        facility = Facility.objects.get(public_id=public_id)
        for month, step in ((dt.date(2025, 1, 1), 0), (dt.date(2025, 2, 1), 1000)):
            values = {
                services.cell_name("supervised_consumptions", "injecting"): 9000 * scale + step,
                services.cell_name("supervised_consumptions", "smoking"): 6000 * scale + step,
            }
            services.save_month(facility, month, values)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_chart_labels_its_series_and_numbers_in_the_language(
    browser_page, live_server, monthly_data, language
):
    page = browser_page
    url = prefixed(language, "/data/?indicator=supervised_consumptions")
    open_chart(page, url, "#chart-supervised_consumptions")

    legend = page.locator("#chart-supervised_consumptions .u-legend .u-series .u-label")
    with translation.override(language):
        series = {str(Route.INJECTING.label), str(Route.SMOKING.label), gettext("Total")}
    assert series != {str(Route.INJECTING.label), str(Route.SMOKING.label), "Total"}
    expect(legend.filter(has_text=re.compile(r"\S"))).to_have_count(len(series))
    assert set(legend.all_inner_texts()) - {""} == series
    # Tick values on the y axis (0 to about 50,000), grouped as the page groups its own numbers
    # (the locale's formats, which the tables beside the charts use through intcomma).
    drawn = {spaced(text) for text in page.evaluate("() => window.drawnTexts")}
    steps = range(10_000, 60_001, 10_000)
    with translation.override(language):
        ticks = {spaced(formats.number_format(n, force_grouping=True)) for n in steps}
    english = {f"{n:,}" for n in steps}
    assert drawn & ticks, f"the axis draws {sorted(drawn)}; the page writes {sorted(ticks)}"
    assert not drawn & english
    download = translated(language, "Download PNG", domain="djangojs")
    expect(page.locator("#chart-supervised_consumptions + button")).to_have_text(download)
    check_page(page, live_server, language)


class Content(str):
    """A heading that is the page's content (a name, a title), not an interface string."""


@pytest.fixture
def people_pages(site, member):
    """A member (ana) of an approved organisation, a members' category with ana's thread, and a
    public category: the pages of accounts, organisations and the forum, path → heading (a msgid,
    or content in a Content wrapper: the same in every language)."""
    from dcrnet.forum.tests.factories import make_category, make_thread
    from dcrnet.organisations.models import Membership, Status
    from dcrnet.organisations.tests.conftest import make_organisation

    member.handle = "ana"
    member.save(update_fields=["handle"])
    organisation = make_organisation("Abrigado Operator", country="LU")
    organisation.facilities.add(Facility.objects.get(public_id="lu-abrigado"))
    Membership.objects.create(
        user=member, organisation=organisation, status=Status.APPROVED, listed=True
    )
    running = make_category("running", name="Running a DCR")
    thread = make_thread(running, member, title="Night shifts", posts=2)
    make_category("advocacy", name="Advocacy", public=True)
    return member, {
        "/organisations/": "Organisations of the network",
        f"/organisations/{organisation.slug}/": Content("Abrigado Operator"),
        "/organisations/apply/": "Apply for an organisation",
        "/members/applications/mine/": "Your applications",
        "/members/ana/": Content("ana"),
        "/account/": "Your account and your data",
        "/account/profile/": "Your profile",
        "/forum/": "Members' forum",
        "/forum/subscriptions/": "Your forum subscriptions",
        "/forum/running/": Content("Running a DCR"),
        "/forum/running/new/": "Start a thread",
        f"/forum/t/{thread.pk}/": Content("Night shifts"),
    }


def with_session(page, live_server, user):
    """The page's browser holds a session of `user` (no sign-in pages to load)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_account_organisation_and_forum_pages_speak_the_language(
    browser_page, live_server, people_pages, language
):
    member, pages = people_pages
    page = with_session(browser_page, live_server, member)
    for path, heading in pages.items():
        page.goto(prefixed(language, path))
        assert page.url == live_server.url + prefixed(language, path), f"{path} → {page.url}"
        shown = heading if isinstance(heading, Content) else translated(language, heading)
        expect(page.locator("h1")).to_have_text(shown)
        check_page(page, live_server, language)

    # The switcher keeps a member's page (a thread) to English and back, still signed in.
    thread = next(path for path in pages if path.startswith("/forum/t/"))
    page.goto(prefixed(language, thread))
    switch(page, "en", language)
    assert page.url == live_server.url + thread
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Night shifts")
    switch(page, language, "en")
    assert page.url == live_server.url + prefixed(language, thread)
    expect(page.locator("h1")).to_have_text("Night shifts")
    check_page(page, live_server, language)


@pytest.fixture
def knowledge_pages(db):
    """The knowledge exchange's public pages from the demo's own data: the expertise tags and
    topics in five languages, the documents (links to their sources) and the guide's first two
    steps in five languages (without their examples, whose facilities this test has not loaded).
    Path → heading per language (a msgid, or the step's title in that language)."""
    from dcrnet.demo import knowledge
    from dcrnet.demo.data.guide import STEPS
    from dcrnet.demo.loader import Tally
    from dcrnet.guide.models import Step

    tally = Tally()
    for load in (knowledge.load_expertise, knowledge.load_topics, knowledge.load_documents):
        load(tally)
    for row in STEPS[:2]:
        texts = {
            f"{field}_{code}": text[field].strip()
            for code, text in row["text"].items()
            for field in ("title", "summary", "body")
        }
        Step.objects.create(
            number=row["number"],
            slug=row["slug"],
            sources=row["sources"],
            expertise_id=ExpertiseTag.objects.get(slug=row["slug"]).pk,
            **texts,
        )
    step = STEPS[1]
    titles = {code: Content(text["title"]) for code, text in step["text"].items()}
    assert len(set(titles.values())) == 5, "the step's title must differ in every language"
    return {
        "/guide/": "Guide to opening a DCR",
        f"/guide/{step['slug']}/": titles,
        "/documents/": "Best-practice documents",
        "/help/ask/": "Ask for help",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_documents_and_help_form_speak_the_language(
    browser_page, live_server, knowledge_pages, language
):
    page = browser_page
    for path, heading in knowledge_pages.items():
        page.goto(prefixed(language, path))
        assert page.url == live_server.url + prefixed(language, path), f"{path} → {page.url}"
        shown = heading[language] if isinstance(heading, dict) else translated(language, heading)
        expect(page.locator("h1")).to_have_text(shown)
        check_page(page, live_server, language)

    # The help form's labels are the catalogue's, and a form sent empty answers in the language.
    page.goto(prefixed(language, "/help/ask/"))
    expect(page.locator("label[for=id_text]")).to_contain_text(
        translated(language, "What do you need?")
    )
    with page.expect_navigation():
        page.get_by_role("button", name=translated(language, "Send my request")).click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    required = translated(language, "This field is required.")
    expect(page.get_by_text(required, exact=True).first).to_be_visible()
    check_page(page, live_server, language)


class Filled(str):
    """A heading that is a msgid with placeholders, filled in with the page's content."""

    def __new__(cls, message: str, **values):
        heading = super().__new__(cls, message)
        heading.values = values
        return heading


@pytest.fixture
def network_demo(transactional_db, settings):
    """The demo with its accounts (DEBUG on while it loads, as `make demo` does): the training
    catalogue, the demonstration sessions of the demo organiser (the member confirmed in one,
    attended another), the demonstration host with the demo host contact and its visits, the
    seeded initiatives and policy events; plus a news article the demo editor publishes from a
    policy event with one click."""
    from io import StringIO

    from django.core.management import call_command

    from dcrnet.community.models import User
    from dcrnet.demo.accounts import DEMO_DOMAIN
    from dcrnet.news import services as news
    from dcrnet.policy.models import Event

    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    settings.DEBUG = False
    event = Event.objects.filter(published=True).order_by("-date", "pk").first()
    editor = User.objects.get(email=f"editor@{DEMO_DOMAIN}")
    article, _created = news.publish_event(event, by=editor)
    return article


def network_pages(language: str, article) -> dict[str | None, dict[str, object]]:
    """Per demo account (None: signed out), path → heading of the trainings', visits',
    advocacy's, policy tracker's and news pages: a msgid, a Filled msgid, or Content in
    `language` (a training's, an initiative's, an event's or an article's title)."""
    from dcrnet.advocacy.models import Initiative
    from dcrnet.demo.accounts import DEMO_DOMAIN
    from dcrnet.demo.data.demonstration import HOST
    from dcrnet.demo.trainings import session_id
    from dcrnet.policy.models import Event
    from dcrnet.trainings.models import Session
    from dcrnet.visits.models import Visit, VisitStatus

    member, organiser, host_contact, editor, staff = (
        f"{who}@{DEMO_DOMAIN}" for who in ("member", "organiser", "host-contact", "editor", "staff")
    )
    on_site, hybrid, full, past = (
        Session.objects.select_related("training").get(public_id=session_id(key))
        for key in ("on-site", "hybrid", "full", "past")
    )
    visit = Visit.objects.select_related("host__facility").get(
        is_demo=True, requester__email=member, status=VisitStatus.REQUESTED
    )
    facility = visit.host.facility
    assert facility.public_id == HOST["facility"]
    initiative = Initiative.objects.get(slug="demonstration-dcrs-in-public-health")
    event = Event.objects.get(pk=article.policy_event_id)
    with translation.override(language):
        training = on_site.training
        titles = {
            "training": Content(training.title),
            "hybrid": Content(hybrid.training.title),
            "initiative": Content(initiative.title),
            "event": Content(event.title),
            "article": Content(article.title),
        }
        register = Filled("Register for “%(title)s”", title=training.title)
    return {
        None: {
            "/trainings/": "Trainings",
            training.get_absolute_url(): titles["training"],
            "/trainings/sessions/": "Upcoming training sessions",
            "/trainings/sessions/past/": "Past training sessions",
            "/visits/": "Exchange visits",
            "/advocacy/": "Advocacy",
            initiative.get_absolute_url(): titles["initiative"],
            "/policy/": "Policy tracker",
            event.get_absolute_url(): titles["event"],
            "/news/": "News",
            article.get_absolute_url(): titles["article"],
        },
        member: {
            hybrid.get_absolute_url(): titles["hybrid"],
            f"/trainings/sessions/{on_site.public_id}/register/": register,
            "/trainings/mine/": "Your trainings",
            f"/trainings/sessions/{past.public_id}/certificate/": "Certificate of attendance",
            visit.get_absolute_url(): Filled("Visit to %(name)s", name=facility.name),
            "/visits/mine/": "Your visits",
        },
        organiser: {
            f"/trainings/sessions/{full.public_id}/participants/": "Participants",
            f"/trainings/sessions/{past.public_id}/attendance/": "Attendance",
            f"/trainings/sessions/{on_site.public_id}/edit/": "Edit the session",
        },
        host_contact: {
            visit.get_absolute_url(): Filled("Visit to %(name)s", name=facility.name),
            f"/visits/host/{facility.public_id}/": Filled(
                "Terms for visits of %(name)s", name=facility.name
            ),
        },
        editor: {"/news/newsroom/": "Newsroom"},
        staff: {"/advocacy/review/": "Endorsements waiting for approval"},
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_training_visit_advocacy_policy_and_news_pages_speak_the_language(
    new_browser_page, live_server, network_demo, language
):
    """Each page, as the demo account that uses it, in the language: its heading is the
    catalogue's (or the content in that language; a demonstration's marker may follow it), and
    axe-core finds nothing. The switcher keeps a session's page (its address is the session's
    id) to English and back."""
    from dcrnet.community.models import User

    for email, pages in network_pages(language, network_demo).items():
        page = new_browser_page()
        if email is not None:
            with_session(page, live_server, User.objects.get(email=email))
        for path, heading in pages.items():
            page.goto(prefixed(language, path))
            assert page.url == live_server.url + prefixed(language, path), f"{path} → {page.url}"
            if isinstance(heading, Content):
                shown = heading
            elif isinstance(heading, Filled):
                shown = catalogued(language, heading) % heading.values
            else:
                shown = catalogued(language, heading)
            # A demonstration's heading ends with its marker ("Demonstration content").
            expect(page.locator("h1")).to_have_text(re.compile(rf"^{re.escape(shown)}(\s|$)"))
            # The certificate is a page of its own, for printing: without the site's header, it
            # has no switcher whose language names carry their `lang` (valid-lang's subject).
            standalone = path.endswith("/certificate/")
            rules = LANG_RULES - {"valid-lang"} if standalone else LANG_RULES
            check_page(page, live_server, language, rules=rules)
        page.close()

    # The switcher keeps a session's page, signed out, to English and back.
    from dcrnet.demo.trainings import session_id
    from dcrnet.trainings.models import Session

    session = Session.objects.select_related("training").get(public_id=session_id("on-site"))
    english = session.get_absolute_url()
    with translation.override(language):
        title = session.training.title
    assert title != session.training.title_en, "the demo's training needs its title translated"
    page = new_browser_page()
    page.goto(prefixed(language, english))
    switch(page, "en", language)
    assert page.url == live_server.url + english
    expect(page.locator("h1")).to_have_text(session.training.title_en)
    switch(page, language, "en")
    assert page.url == live_server.url + prefixed(language, english)
    expect(page.locator("h1")).to_have_text(title)
    check_page(page, live_server, language)
