"""The home page's introduction is read through Page.objects.home(), the one read of it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dcrnet.pages.models import HOME_SLUG, Page

pytestmark = pytest.mark.django_db


def test_home_is_the_published_introduction_or_none():
    assert Page.objects.home() is None
    Page.objects.create(slug="about", title="About", body="About us.")
    assert Page.objects.home() is None  # another page is never the introduction
    intro = Page.objects.create(slug=HOME_SLUG, title="Welcome", body="The **network**.")
    assert Page.objects.home() == intro
    Page.objects.filter(pk=intro.pk).update(published=False)
    assert Page.objects.home() is None


def test_the_home_view_shows_the_introduction_from_the_queryset(client):
    Page.objects.create(slug=HOME_SLUG, title="Welcome", body="The *intro* text.")
    body = client.get(reverse("home")).content.decode()
    assert "<em>intro</em>" in body
    Page.objects.filter(slug=HOME_SLUG).update(published=False)
    assert "<em>intro</em>" not in client.get(reverse("home")).content.decode()
    assert Page.objects.get(slug=HOME_SLUG).get_absolute_url() == reverse("home")
