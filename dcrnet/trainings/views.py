"""Being written (issue #12): every view answers 404 until then."""

from django.http import Http404


def catalogue(request, **kwargs):
    raise Http404


def sessions(request, **kwargs):
    raise Http404


def past(request, **kwargs):
    raise Http404


def mine(request, **kwargs):
    raise Http404


def session(request, **kwargs):
    raise Http404


def register(request, **kwargs):
    raise Http404


def cancel(request, **kwargs):
    raise Http404


def certificate(request, **kwargs):
    raise Http404


def participants(request, **kwargs):
    raise Http404


def participants_csv(request, **kwargs):
    raise Http404


def attendance(request, **kwargs):
    raise Http404


def message(request, **kwargs):
    raise Http404


def questions(request, **kwargs):
    raise Http404


def edit(request, **kwargs):
    raise Http404


def cancel_session(request, **kwargs):
    raise Http404


def training(request, **kwargs):
    raise Http404
