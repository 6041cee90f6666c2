"""The permission cast on every forum URL (HTML) and IDOR: anonymous, non_member, applicant,
member, moderator, editor, staff, against a members-only category and a public-readable one."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from dcrnet.forum.models import Post, PostStatus, Reaction, Subscription

from .factories import add_post, make_category, make_thread

pytestmark = pytest.mark.django_db

CAST = ["anonymous", "non_member", "applicant", "member", "moderator", "editor", "staff"]
READERS = {"member", "moderator", "staff"}


@pytest.fixture
def applicant(django_user_model):
    from dcrnet.organisations.models import Membership

    user = django_user_model.objects.create_user(
        email="applicant@example.org", password="a long test passphrase", handle="applicant"
    )
    Membership.objects.create(user=user, statement="Please")
    return user


@pytest.fixture
def owner(django_user_model):
    """Another member, who wrote the posts under test."""
    from django.contrib.auth.models import Group

    from dcrnet.community.models import Role

    user = django_user_model.objects.create_user(
        email="owner@example.org", password="a long test passphrase", handle="owner"
    )
    user.groups.add(Group.objects.get_or_create(name=Role.MEMBER)[0])
    return user


@pytest.fixture
def world(owner, settings):
    settings.FORUM_HOLD_FIRST_POSTS = 0
    private = make_category("running")
    public = make_category("advocacy", public=True)
    thread = make_thread(private, owner, posts=2, title="Members only thread")
    open_thread = make_thread(public, owner, title="Public thread")
    return {"private": private, "public": public, "thread": thread, "open_thread": open_thread}


def _who(request, role):
    return None if role == "anonymous" else request.getfixturevalue(role)


def _is_login(response) -> bool:
    return response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("role", CAST)
def test_members_only_pages(role, client, world, request):
    user = _who(request, role)
    if user is not None:
        client.force_login(user)
    thread, private = world["thread"], world["private"]
    post = thread.posts.get(number=1)
    reads = {
        reverse("forum:category", args=[private.slug]): 200,
        reverse("forum:thread", args=[thread.pk]): 200,
        reverse("forum:post", args=[post.pk]): 302,
        reverse("forum:history", args=[post.pk]): 200,
        reverse("forum:new_thread", args=[private.slug]): 200,
        reverse("forum:reply", args=[thread.pk]): 200,
    }
    for url, status in reads.items():
        response = client.get(url)
        if role == "anonymous":
            assert _is_login(response), url
        elif role in READERS:
            assert response.status_code == status, url
        else:
            assert response.status_code == 404, url
    posts = {
        reverse("forum:react", args=[post.pk]): {"kind": "thanks"},
        reverse("forum:subscribe_thread", args=[thread.pk]): {},
        reverse("forum:subscribe_category", args=[private.slug]): {},
        reverse("forum:reply", args=[thread.pk]): {"body": "A reply"},
        reverse("forum:new_thread", args=[private.slug]): {"title": "T", "body": "B"},
    }
    for url, data in posts.items():
        response = client.post(url, data)
        if role == "anonymous":
            assert _is_login(response), url
        elif role in READERS:
            assert response.status_code == 302 and not _is_login(response), url
        else:
            assert response.status_code == 404, url
    written = Post.objects.filter(author=user).count() if user else 0
    assert written == (2 if role in READERS else 0)
    # The index lists the members-only category to readers only.
    index = client.get(reverse("forum:index"))
    assert index.status_code == 200
    assert (b"Running" in index.content) == (role in READERS)
    assert b"Advocacy" in index.content


@pytest.mark.parametrize("role", CAST)
def test_public_category_is_read_by_anyone_but_posted_in_by_members(role, client, world, request):
    user = _who(request, role)
    if user is not None:
        client.force_login(user)
    public, thread = world["public"], world["open_thread"]
    assert client.get(reverse("forum:category", args=[public.slug])).status_code == 200
    page = client.get(reverse("forum:thread", args=[thread.pk]))
    assert page.status_code == 200 and b"Post 1 of Public thread" in page.content
    response = client.post(reverse("forum:reply", args=[thread.pk]), {"body": "hello"})
    if role == "anonymous":
        assert _is_login(response)
    elif role in READERS:
        assert response.status_code == 302
    else:
        assert response.status_code == 403
        assert b"Only members of the network can post" in response.content
    assert (b'id="reply"' in page.content) == (role in READERS)


@pytest.mark.parametrize("role", CAST)
def test_edit_and_subscriptions_of_someone_else(role, client, world, request):
    """IDOR: nobody but the author edits a post (moderators neither, here); nobody removes
    another member's subscription."""
    user = _who(request, role)
    if user is not None:
        client.force_login(user)
    post = world["open_thread"].posts.get()
    url = reverse("forum:edit", args=[post.pk])
    get, sent = client.get(url), client.post(url, {"body": "defaced"})
    if role == "anonymous":
        assert _is_login(get) and _is_login(sent)
    else:
        assert get.status_code == 404 and sent.status_code == 404
    post.refresh_from_db()
    assert post.body != "defaced"
    owner = get_user_model().objects.get(handle="owner")
    subscription = Subscription.objects.create(user=owner, thread=world["open_thread"])
    response = client.post(reverse("forum:subscriptions"), {"subscription": subscription.pk})
    assert _is_login(response) if role == "anonymous" else response.status_code == 404
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    listing = client.get(reverse("forum:subscriptions"))
    if role != "anonymous":
        assert b"Public thread" not in listing.content


def test_hidden_and_held_posts_of_others(client, world, member, owner, moderator):
    thread = world["open_thread"]
    hidden = add_post(thread, owner, "hidden words", status=PostStatus.HIDDEN)
    held = add_post(thread, owner, "held words", status=PostStatus.HELD)
    client.force_login(member)
    page = client.get(reverse("forum:thread", args=[thread.pk]))
    assert b"hidden words" not in page.content and b"held words" not in page.content
    for post in (hidden, held):
        assert client.get(reverse("forum:post", args=[post.pk])).status_code == 404
        assert client.get(reverse("forum:history", args=[post.pk])).status_code == 404
        assert (
            client.post(reverse("forum:react", args=[post.pk]), {"kind": "thanks"}).status_code
            == 404
        )
    assert not Reaction.objects.exists()
    # The author sees their held post with the note; moderators see both.
    client.force_login(owner)
    page = client.get(reverse("forum:thread", args=[thread.pk]))
    assert b"held words" in page.content and b"hidden words" not in page.content
    client.force_login(moderator)
    page = client.get(reverse("forum:thread", args=[thread.pk]))
    assert b"held words" in page.content and b"hidden words" in page.content
    # Anonymous: a hidden post of a public thread is a 404, not a sign-in.
    client.logout()
    assert client.get(reverse("forum:post", args=[hidden.pk])).status_code == 404


def test_thread_whose_only_post_is_held_is_hidden_from_others(client, world, owner, member):
    thread = make_thread(world["public"], owner, title="Waiting", status=PostStatus.HELD)
    client.force_login(member)
    assert client.get(reverse("forum:thread", args=[thread.pk])).status_code == 404
    assert b"Waiting" not in client.get(reverse("forum:category", args=["advocacy"])).content
    client.force_login(owner)
    assert client.get(reverse("forum:thread", args=[thread.pk])).status_code == 200
