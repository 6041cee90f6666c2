"""RELIABILITY 55: a member's handle page, their posts (forum pages) and the API show neither
their email address nor their real name, nor a hash of the address, unless they opted in."""

from __future__ import annotations

import hashlib

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from dcrnet.community.models import Profile, Role, User

pytestmark = pytest.mark.django_db

EMAIL = "hidden.writer@example.org"
REAL_NAME = "Octavia Brimblecombe"
HANDLE = "quiet-harbour"


def forbidden() -> list[str]:
    address = EMAIL.encode()
    return [
        EMAIL,
        "hidden.writer",
        REAL_NAME,
        "Brimblecombe",
        hashlib.md5(address).hexdigest(),  # noqa: S324 - Gravatar's hash, looked for
        hashlib.sha256(address).hexdigest(),
    ]


@pytest.fixture
def writer():
    user = User.objects.create_user(email=EMAIL, password="a long test passphrase", handle=HANDLE)
    user.groups.add(Group.objects.get_or_create(name=Role.MEMBER)[0])
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    Profile.objects.create(user=user, real_name=REAL_NAME)
    return user


@pytest.fixture
def urls(writer):
    from dcrnet.forum.models import Category, Post, Thread

    public = Category.objects.create(name="Advocacy", slug="advocacy", public_readable=True)
    thread = Thread.objects.create(
        category=public,
        title="Talking to the city council",
        author=writer,
        last_post_at=timezone.now(),
        post_count=1,
    )
    post = Post.objects.create(thread=thread, number=1, author=writer, body="We met them twice.")
    return [
        f"/members/{HANDLE}/",
        "/forum/",
        "/forum/advocacy/",
        f"/forum/t/{thread.pk}/",
        f"/forum/p/{post.pk}/history/",
        "/api/v1/forum/categories",
        "/api/v1/forum/categories/advocacy/threads",
        f"/api/v1/forum/threads/{thread.pk}/posts",
    ]


def bodies(viewer, urls) -> dict[str, str]:
    client = Client()
    client.force_login(viewer)
    found = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, (url, response.status_code)
        found[url] = response.content.decode()
    return found


def test_nothing_but_the_handle_unless_opted_in(writer, member, urls):
    pages = bodies(member, urls)
    assert HANDLE in pages[f"/members/{HANDLE}/"]
    assert any(HANDLE in body for url, body in pages.items() if url.startswith("/forum/t/"))
    leaks = [(url, value) for url, body in pages.items() for value in forbidden() if value in body]
    assert leaks == []


def test_moderators_see_no_more_than_members(writer, moderator, urls):
    pages = bodies(moderator, urls)
    leaks = [(url, value) for url, body in pages.items() for value in forbidden() if value in body]
    assert leaks == []


def test_opting_in_shows_them_on_the_handle_page(writer, member, urls):
    Profile.objects.filter(user=writer).update(show_real_name=True, show_email=True)
    page = bodies(member, [f"/members/{HANDLE}/"])[f"/members/{HANDLE}/"]
    assert REAL_NAME in page and EMAIL in page
