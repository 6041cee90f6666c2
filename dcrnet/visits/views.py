"""Being written (issue #12): every view answers 404 until then."""

from django.http import Http404


def hosts(request, **kwargs):
    raise Http404


def mine(request, **kwargs):
    raise Http404


def ask(request, **kwargs):
    raise Http404


def host_edit(request, **kwargs):
    raise Http404


def visit(request, **kwargs):
    raise Http404


def answer(request, **kwargs):
    raise Http404


def respond(request, **kwargs):
    raise Http404


def withdraw(request, **kwargs):
    raise Http404


def publicity(request, **kwargs):
    raise Http404
