"""The forum in Chromium: a person applies, is approved, posts (held, then approved) and hears of a
reply by email; a moderator hides a post; every forum page is axe-clean (the thread page at phone
width too); the thread page works with JavaScript turned off."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from dcrnet.community.models import Role
from dcrnet.community.tests.conftest import totp_code
from dcrnet.forum import moderation, notifications, services
from dcrnet.forum.models import Category, Post, PostStatus, Thread
from dcrnet.forum.tests.factories import add_post, make_category, make_thread
from dcrnet.tests.conftest import PASSWORD
from dcrnet.tests.phone import page_width, phone_page, unreachable_scroll_boxes
from testing.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def make_person(django_user_model, handle: str, *roles: str):
    from allauth.account.models import EmailAddress

    email = f"{handle}@example.org"
    user = django_user_model.objects.create_user(email=email, password=PASSWORD, handle=handle)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def with_handle(user, handle: str):
    user.handle = handle
    user.save(update_fields=["handle"])
    return user


def signed_in(new_browser_page, live_server, user, **options):
    """A page whose context holds a session of `user` (no sign-in pages to load)."""
    client = Client()
    client.force_login(user)
    page = new_browser_page(**options)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def sign_in(page, user, *, totp: bool = False) -> None:
    """Through the sign-in form, and the second-factor page with the code of the moment."""
    page.goto("/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")  # not the header's language switcher
    if totp:
        page.wait_for_url("**/accounts/2fa/authenticate/")
        page.fill("#id_code", totp_code(user))
        page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/" not in url)


def mail_to(address: str, subject_part: str, timeout: float = 5.0) -> list:
    """The messages to `address` whose subject contains `subject_part` (waits a little: the
    live server sends after its commit, before it answers, but never hurts to be patient)."""
    deadline = time.monotonic() + timeout
    while True:
        found = [m for m in mail.outbox if address in m.to and subject_part in m.subject]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


# --- apply → approval → first post (held) → approval → a reply → an email --------------------


def test_apply_approval_first_post_and_a_reply_notification(
    new_browser_page, live_server, django_user_model, staff, settings, mailoutbox
):
    settings.FORUM_HOLD_FIRST_POSTS = 1  # the default: a new member's first post is held
    newcomer = make_person(django_user_model, "nightshift")
    peer = make_person(django_user_model, "peer", Role.MEMBER)
    with_handle(staff, "staffer")
    category = make_category("running", name="Running a DCR")  # members only
    assert not category.public_readable
    make_thread(category, peer, title="Welcome")  # peer's earlier post: their reply is not held

    applicant = new_browser_page()
    sign_in(applicant, newcomer)
    applicant.goto("/forum/running/")  # not a member yet: the category is not theirs to read
    assert "/forum/running/" in applicant.url
    expect(applicant.get_by_role("heading", name="Running a DCR")).to_have_count(0)
    applicant.goto("/members/join/")
    applicant.get_by_label("Statement").fill("I coordinate the night shift at a DCR.")
    applicant.get_by_role("button", name="Send the application").click()
    applicant.wait_for_url("**/members/applications/mine/")
    expect(applicant.locator("main")).to_contain_text("Thank you: your application was sent.")

    desk = new_browser_page()
    sign_in(desk, staff, totp=True)  # staff must use their second factor
    desk.goto("/members/applications/")
    card = desk.locator("article").filter(has_text="nightshift")
    card.get_by_label("Approve").check()
    card.get_by_role("button", name="Record the decision").click()
    desk.wait_for_url("**/members/applications/")
    expect(desk.locator("main")).to_contain_text("No application is waiting for a decision.")
    newcomer.refresh_from_db()
    assert newcomer.has_role(Role.MEMBER)

    applicant.goto("/forum/running/new/")
    applicant.get_by_label("Title").fill("Night shifts: how do you staff them?")
    applicant.get_by_label("Your message (Markdown)").fill("We are **three** on most nights.")
    applicant.get_by_role("button", name="Publish").click()
    applicant.wait_for_url(re.compile(r"/forum/t/\d+/"))
    thread = Thread.objects.get(title="Night shifts: how do you staff them?")
    assert thread.posts.get().status == PostStatus.HELD
    expect(applicant.locator("#p1")).to_contain_text("Waiting for a moderator")
    expect(applicant.locator("#p1 strong")).to_have_text("three")

    desk.goto("/forum/moderation/")
    held = desk.locator("article.forum-held").filter(has_text=thread.title)
    held.get_by_role("button", name="Approve post 1").click()
    desk.wait_for_url("**/forum/moderation/")
    expect(desk.locator("main")).to_contain_text("No post is waiting for approval.")
    assert thread.posts.get().status == PostStatus.VISIBLE

    replier = signed_in(new_browser_page, live_server, peer)
    replier.goto(f"/forum/t/{thread.pk}/")
    expect(replier.locator("#p1")).not_to_contain_text("Waiting for a moderator")
    replier.locator("#reply").get_by_label("Your message (Markdown)").fill("Four, with a nurse.")
    replier.get_by_role("button", name="Post the reply").click()
    replier.wait_for_url(re.compile(rf"/forum/t/{thread.pk}/#p2$"))
    expect(replier.locator("#p2")).to_contain_text("Four, with a nurse.")
    assert thread.posts.get(number=2).status == PostStatus.VISIBLE

    # The author was subscribed to their thread when they started it: one email, once.
    emails = mail_to(newcomer.email, thread.title)
    assert len(emails) == 1, [(m.to, m.subject) for m in mail.outbox]
    body = emails[0].body
    assert "Four, with a nurse." in body
    assert "peer" in body and peer.email not in body  # the author by handle, never by address
    assert not mail_to(peer.email, thread.title, timeout=0)  # never the reply's own author

    # Its one-click unsubscribe link works without signing in.
    link = re.search(r"https?://\S+/forum/email/unsubscribe/\S+/", body)
    assert link, body
    visitor = new_browser_page()
    visitor.goto(urlsplit(link[0]).path)
    assert axe_violations(visitor) == []
    visitor.locator("main button[type=submit]").click()
    visitor.wait_for_load_state()
    assert not newcomer.forum_subscriptions.filter(thread=thread).exists()


# --- a moderator hides a post ------------------------------------------------------------------


def test_a_moderator_hides_a_post_and_members_see_the_notice(
    new_browser_page, live_server, member, moderator, non_member, settings
):
    settings.FORUM_HOLD_FIRST_POSTS = 0
    with_handle(member, "ana")
    with_handle(moderator, "mod")
    author = with_handle(non_member, "loud")
    author.groups.add(Group.objects.get_or_create(name=Role.MEMBER)[0])
    thread = services.create_thread(member, make_category(), "Neighbours", "They complain.")
    services.reply(author, thread, "Something nobody should read here.")
    post = thread.posts.get(number=2)

    desk = signed_in(new_browser_page, live_server, moderator)
    desk.goto(f"/forum/t/{thread.pk}/")
    desk.locator("#p2 summary").click()  # "Hide post 2"
    tools = desk.locator("#p2")
    tools.get_by_label("Reason for hiding (kept in the moderation log)").fill("Personal attack")
    tools.get_by_role("button", name="Hide the post").click()
    desk.wait_for_url(re.compile(rf"/forum/t/{thread.pk}/#p2$"))
    expect(desk.locator("#p2")).to_contain_text("Hidden by a moderator: only moderators see")
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN

    reader = signed_in(new_browser_page, live_server, member)
    reader.goto(f"/forum/t/{thread.pk}/")
    expect(reader.locator("#p2")).to_have_text(re.compile("This post was hidden by a moderator."))
    expect(reader.locator("main")).not_to_contain_text("Something nobody should read here.")
    expect(reader.locator("main")).not_to_contain_text("loud")
    expect(reader.locator("#p1")).to_contain_text("They complain.")

    desk.goto("/forum/moderation/log/")
    expect(desk.locator("main")).to_contain_text("Personal attack")


# --- axe-core on every forum page ----------------------------------------------------------------


@pytest.fixture
def forum(django_user_model, member, moderator, settings):
    """A members-only and a public category, a thread with an edited post, a reply by the
    moderator, a held post and a reported post, and the moderator subscribed to a category."""
    settings.FORUM_HOLD_FIRST_POSTS = 0
    with_handle(member, "ana")
    with_handle(moderator, "mod")
    running = make_category("running", name="Running a DCR")
    make_category("policy", name="Advocacy and policy", public=True)
    thread = services.create_thread(member, running, "Naloxone on site", "Do you *all* stock it?")
    opening = thread.posts.get(number=1)
    services.edit_post(member, opening, "Do you **all** stock naloxone?")
    reply = services.reply(moderator, thread, "We do, with [a guide](https://example.org/).")
    services.edit_post(moderator, reply, "We do, with [a guide](https://example.org/guide).")
    newcomer = make_person(django_user_model, "newcomer", Role.MEMBER)
    add_post(thread, newcomer, "My first post, waiting.", status=PostStatus.HELD)
    moderation.report_post(moderator, opening, "danger", "Is this advice safe?")
    moderation.warn(moderator, newcomer.pk, "Please stay on topic.")
    services.toggle_reaction(member, reply, "thanks")
    services.toggle_subscription(moderator, category=running)
    return {"thread": thread, "opening": opening, "reply": reply, "newcomer": newcomer}


def test_every_forum_page_has_no_accessibility_violations(
    new_browser_page, live_server, forum, moderator, member
):
    thread, opening, reply = forum["thread"], forum["opening"], forum["reply"]
    token_path = urlsplit(notifications.unsubscribe_url(member.pk, "thread", thread.pk)).path
    pages = {
        moderator: [
            "/forum/",
            "/forum/running/",
            f"/forum/t/{thread.pk}/",
            "/forum/running/new/",
            f"/forum/t/{thread.pk}/reply/?quote={opening.pk}",
            f"/forum/p/{reply.pk}/edit/",
            f"/forum/p/{reply.pk}/history/",
            "/forum/subscriptions/",
            "/forum/moderation/",
            "/forum/moderation/log/",
            f"/forum/moderation/members/{forum['newcomer'].handle}/",
            f"/forum/moderation/report/{opening.pk}/",
            f"/forum/moderation/t/{thread.pk}/move/",
        ],
        member: [
            f"/forum/t/{thread.pk}/",  # a member's view: reactions, quote, report links
            f"/forum/p/{opening.pk}/history/",
            f"/forum/moderation/report/{reply.pk}/",
        ],
        None: [token_path, "/forum/policy/"],  # signed out: the unsubscribe page, a public one
    }
    found = {}
    for user, urls in pages.items():
        page = (
            new_browser_page() if user is None else signed_in(new_browser_page, live_server, user)
        )
        for url in urls:
            response = page.goto(url)
            assert response.status == 200, url
            violations = axe_violations(page)
            if violations:
                found[f"{user and user.handle}: {url}"] = violations
    assert found == {}


def test_the_thread_page_fits_a_phone_and_is_accessible(
    new_browser_page, live_server, forum, moderator
):
    page = phone_page(lambda **o: signed_in(new_browser_page, live_server, moderator, **o))
    page.goto(f"/forum/t/{forum['thread'].pk}/")
    expect(page.locator("article.forum-post")).to_have_count(3)  # the held one included
    width, inner = page_width(page)
    assert width <= inner, f"the thread page is {width} px wide on a {inner} px screen"
    assert unreachable_scroll_boxes(page) == []
    assert axe_violations(page) == []


# --- without JavaScript ---------------------------------------------------------------------------


def test_the_thread_page_works_without_javascript(
    new_browser_page, live_server, member, non_member, settings
):
    settings.FORUM_HOLD_FIRST_POSTS = 0  # the held path is the first test's
    with_handle(member, "ana")
    other = with_handle(non_member, "bea")
    other.groups.add(Group.objects.get_or_create(name=Role.MEMBER)[0])
    thread = services.create_thread(other, make_category(), "Smoking rooms", "How do you vent?")
    url = f"/forum/t/{thread.pk}/"

    page = signed_in(new_browser_page, live_server, member, java_script_enabled=False)
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Smoking rooms")
    expect(page.locator("#p1")).to_contain_text("How do you vent?")

    thanks = page.locator("#p1").get_by_role("button", name=re.compile("^Thanks"))
    expect(thanks).to_have_attribute("aria-pressed", "false")
    thanks.click()  # a plain form post and a redirect back, not htmx
    page.wait_for_url(re.compile(rf"{url}#p1$"))
    thanks = page.locator("#p1").get_by_role("button", name=re.compile("^Thanks"))
    expect(thanks).to_have_attribute("aria-pressed", "true")
    expect(thanks.locator(".count")).to_have_text("1")

    page.get_by_role("button", name="Subscribe to this thread").click()
    page.wait_for_url(re.compile(rf"{url}$"))
    expect(page.get_by_role("button", name="Unsubscribe from this thread")).to_be_visible()
    assert member.forum_subscriptions.filter(thread=thread).exists()

    page.locator("#reply").get_by_label("Your message (Markdown)").fill("A fan *and* a window.")
    page.get_by_role("button", name="Post the reply").click()
    page.wait_for_url(re.compile(rf"{url}#p2$"))
    expect(page.locator("#p2")).to_contain_text("A fan and a window.")
    expect(page.locator("#p2 em")).to_have_text("and")
    assert Post.objects.get(thread=thread, number=2).status == PostStatus.VISIBLE
    assert Category.objects.get().post_count == 2
