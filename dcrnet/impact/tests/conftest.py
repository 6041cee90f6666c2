import pytest

from dcrnet.impact import seed


@pytest.fixture
def impact_registry(db):
    """The seeded registry: every parameter of the default set and the Baltimore 2017 preset,
    with the references they cite (created from the facts' bibliography when missing).
    Returns {"parameters": [...], "presets": [...]}."""
    return seed.load()
