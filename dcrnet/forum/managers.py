"""Access rules of the forum as QuerySet methods: pages, the API and downloads all use them.

- a category: public-readable ones for anyone, all for members and moderators;
- a thread: in a category one may read, and with at least one visible post (a thread whose
  opening post waits for a moderator is seen by its author and moderators only);
- a post: visible posts of those threads; held posts for their author and moderators, hidden
  posts for moderators.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from . import access


class CategoryQuerySet(models.QuerySet):
    def visible_to(self, user):
        if access.can_read_forum(user):
            return self.all()
        return self.filter(public_readable=True)


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user):
        if access.is_moderator(user):
            return self.all()
        if access.can_read_forum(user):
            return self.filter(Q(post_count__gt=0) | Q(author=user))
        return self.filter(category__public_readable=True, post_count__gt=0)


class PostQuerySet(models.QuerySet):
    def visible_to(self, user):
        if access.is_moderator(user):
            return self.all()
        if access.can_read_forum(user):
            threads = Q(thread__post_count__gt=0) | Q(thread__author=user)
            return self.filter(threads).filter(Q(status="visible") | Q(status="held", author=user))
        return self.filter(
            thread__category__public_readable=True, thread__post_count__gt=0, status="visible"
        )
