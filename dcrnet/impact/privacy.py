"""Privacy registry of the impact estimator: published figures and their sources, about no
person; who edited a parameter or preset is in its history (history_user, set to NULL when the
account is deleted). A calculation keeps nothing: its inputs live in the URL only."""

from __future__ import annotations

from dcrnet.community.privacy import PUBLIC, history, translated

from .models import Parameter, Preset, PresetValue

_PARAMETER = dict.fromkeys(
    ["id", "key", "group", "unit", "default", "low", "high", "distribution", "currency",
     "price_year", "source", "verified", "position"],
    PUBLIC,
)  # fmt: skip
_PRESET = dict.fromkeys(
    ["id", "slug", "source", "currency", "price_year", "options", "position"], PUBLIC
)
_VALUE = dict.fromkeys(["id", "preset", "parameter", "value", "note"], PUBLIC)

FIELDS: dict[str, dict[str, str]] = {
    "impact.parameter": {**_PARAMETER, **translated("label", "note")},
    "impact.historicalparameter": history(**_PARAMETER, label=PUBLIC, note=PUBLIC),
    "impact.preset": {**_PRESET, **translated("name", "description")},
    "impact.historicalpreset": history(**_PRESET, name=PUBLIC, description=PUBLIC),
    "impact.presetvalue": _VALUE,
    "impact.historicalpresetvalue": history(**_VALUE),
}


def export(user) -> dict[str, list[dict]]:
    return {}


def erase(user, *, keep_posts: bool) -> None:
    """Nothing of a person but the history's editor links, cut here."""
    for model in (Parameter, Preset, PresetValue):
        model.history.model.objects.filter(history_user_id=user.pk).update(history_user=None)
