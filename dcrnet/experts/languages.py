"""The languages an expert or a request can name: ISO 639-1 codes of languages spoken in the
network's countries and by the people its services meet (more than the site's own languages).

Names come from Django's language table, translated into the page's language."""

from __future__ import annotations

from django.conf import global_settings
from django.utils.translation import get_language_info, gettext

# Django's table names Norwegian Bokmål "Norwegian Bokmal", a msgid no catalogue holds: the name in
# its list of languages ("Norwegian Bokmål") is the one its catalogues translate.
NAMES = dict(global_settings.LANGUAGES)

CODES = (
    "en", "fr", "de", "nl", "es", "it", "pt", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "sq",
    "mk", "bg", "ro", "hu", "el", "tr", "da", "sv", "nb", "fi", "et", "lv", "lt", "uk", "ru",
    "ka", "hy", "ar", "fa", "he", "ur", "hi", "bn", "lb", "ga", "ca", "eu", "gl", "vi",
)  # fmt: skip


def name(code: str) -> str:
    if code in NAMES:
        return gettext(NAMES[code])
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def choices() -> list[tuple[str, str]]:
    """(code, name) sorted by the name in the active language."""
    return sorted(((code, name(code)) for code in CODES), key=lambda pair: pair[1].casefold())


def names(codes) -> list[str]:
    return [name(code) for code in codes or []]
