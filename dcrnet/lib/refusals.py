"""Refusals: the one way a service says "no" to a write, with a message for the person and the
HTTP status the page answers with. Apps subclass these for their own rules (AlreadyDecided …)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


class Refused(Exception):
    """A write the rules refuse, with a message for the person who asked."""

    status = 409
    default_message = _("This cannot be done.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class NotFound(Refused):
    """Nothing the person may act on: answered as 404, like something that is not there."""

    status = 404
    default_message = _("Not found.")


class NotAllowed(Refused):
    status = 403
    default_message = _("You may not do this.")


class Invalid(Refused):
    status = 400
    default_message = _("Please check what you entered.")
