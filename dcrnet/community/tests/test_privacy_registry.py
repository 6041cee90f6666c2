"""RELIABILITY 52: every concrete field of every installed model (our apps and the third-party
ones, simple_history's Historical* models and many-to-many tables included) is classified in
some app's privacy.FIELDS (third-party: community.privacy.THIRD_PARTY_FIELDS); a classified
field that no longer exists fails too."""

from __future__ import annotations

import pytest
from django.apps import apps

from dcrnet.community.privacy import LEVELS, THIRD_PARTY_FIELDS, privacy_modules, registry


def installed_fields() -> dict[str, set[str]]:
    return {
        model._meta.label_lower: {field.name for field in model._meta.concrete_fields}
        for model in apps.get_models(include_auto_created=True)
    }


def app_labels() -> list[str]:
    return sorted({label.split(".")[0] for label in installed_fields()})


@pytest.mark.parametrize("app_label", app_labels())
def test_every_field_is_classified(app_label):
    classified = registry()
    missing = [
        f"{label}.{name}"
        for label, names in sorted(installed_fields().items())
        if label.startswith(f"{app_label}.")
        for name in sorted(names - set(classified.get(label, {})))
    ]
    assert missing == [], "unclassified fields (add them to the app's privacy.FIELDS):\n" + (
        "\n".join(missing)
    )


def test_no_classified_field_is_stale():
    fields = installed_fields()
    stale = [
        f"{label}.{name}"
        for label, names in sorted(registry().items())
        for name in sorted(names)
        if name not in fields.get(label, set())
    ]
    assert stale == [], "classified but no longer a field:\n" + "\n".join(stale)


def test_levels_are_the_four_known_ones():
    wrong = [
        f"{label}.{name}: {level}"
        for label, names in registry().items()
        for name, level in names.items()
        if level not in LEVELS
    ]
    assert wrong == []


def test_each_app_classifies_only_its_own_models():
    for app_label, module in privacy_modules().items():
        foreign = [label for label in module.FIELDS if not label.startswith(f"{app_label}.")]
        assert foreign == [], app_label
    ours = {config.label for config in apps.get_app_configs() if config.name.startswith("dcrnet.")}
    assert not [label for label in THIRD_PARTY_FIELDS if label.split(".")[0] in ours]


def test_every_app_with_models_has_a_privacy_module_with_export_and_erase():
    modules = privacy_modules()
    for config in apps.get_app_configs():
        if not config.name.startswith("dcrnet.") or not list(config.get_models()):
            continue
        module = modules.get(config.label)
        assert module is not None, f"{config.name}.privacy is missing"
        assert callable(getattr(module, "export", None)), config.label
        assert callable(getattr(module, "erase", None)), config.label


def test_the_perspective_is_special_and_credentials_secret():
    classified = registry()
    assert classified["community.profile"]["perspective"] == "special"
    assert classified["community.user"]["password"] == "secret"
    assert classified["mfa.authenticator"]["data"] == "secret"
    assert classified["sessions.session"]["session_data"] == "secret"


def test_an_unclassified_field_would_fail(monkeypatch):
    """The check itself: drop one classification and the field is reported by name."""
    import dcrnet.community.privacy as community_privacy

    fields = {**community_privacy.FIELDS}
    fields["community.profile"] = {
        k: v for k, v in fields["community.profile"].items() if k != "real_name"
    }
    monkeypatch.setattr(community_privacy, "FIELDS", fields)
    with pytest.raises(AssertionError, match=r"community\.profile\.real_name"):
        test_every_field_is_classified("community")
