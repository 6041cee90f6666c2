"""Being written (issue #12): every view answers 404 until then."""

from django.http import Http404


def calendar(request, **kwargs):
    raise Http404


def session(request, **kwargs):
    raise Http404
