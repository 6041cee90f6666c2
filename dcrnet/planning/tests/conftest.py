"""The planning cast: a project with a lead and a team member, an expert invited to its first
step, guide steps with their expertise tags."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from dcrnet.community.models import ExpertiseTag, Role
from dcrnet.guide.models import Step

PASSWORD = "a long test passphrase"
STEPS = [
    (1, "needs-assessment", "Needs assessment"),
    (2, "coalition", "Coalition and stakeholders"),
    (3, "legal-route", "Legal route"),
]


def person(email: str, handle: str, *roles: str):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(email=email, password=PASSWORD, handle=handle)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_expert(user, *tags):
    from dcrnet.experts.models import Expert

    expert = Expert.objects.create(user=user, bio="Ran a DCR for ten years.", languages=["en"])
    expert.expertise.set(tags)
    return expert


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path, monkeypatch):
    """Files of a test go to its own folder: the field's storage was built at import time."""
    from django.core.files.storage import FileSystemStorage

    from dcrnet.planning.models import Attachment

    settings.MEDIA_ROOT = tmp_path / "media"
    field = Attachment._meta.get_field("file")
    monkeypatch.setattr(
        field, "storage", FileSystemStorage(location=tmp_path / "media" / "private")
    )


@pytest.fixture
def steps(db):
    made = []
    for number, slug, title in STEPS:
        tag, _created = ExpertiseTag.objects.get_or_create(slug=slug, defaults={"name": title})
        made.append(
            Step.objects.create(
                number=number,
                slug=slug,
                title=title,
                summary=f"{title}: a summary.",
                body="Guidance.",
                expertise=tag,
            )
        )
    return made


@pytest.fixture
def lead(db):
    return person("lead@example.org", "lead", Role.MEMBER)


@pytest.fixture
def teammate(db):
    return person("teammate@example.org", "teammate", Role.MEMBER)


@pytest.fixture
def expert_user(db, steps):
    user = person("expert@example.org", "expert", Role.MEMBER)
    make_expert(user, steps[0].expertise)
    return user


@pytest.fixture
def project(steps, lead, teammate):
    from dcrnet.planning import services
    from dcrnet.planning.models import TeamMember

    made = services.open_project(
        lead, name="Room in Ghent", city="Ghent", country="BE", summary="A first room."
    )
    TeamMember.objects.create(project=made, user=teammate)
    return made


@pytest.fixture
def invited(project, expert_user, lead, django_capture_on_commit_callbacks):
    """The expert invited to the project's first step."""
    from dcrnet.planning import services

    work = project.steps.get(step__number=1)
    with django_capture_on_commit_callbacks(execute=False):
        services.invite_expert(lead, work.pk, expert_user.expert.pk)
    return expert_user


@pytest.fixture
def other_project(steps):
    """Another team's project: nobody of the cast is in it."""
    from dcrnet.planning import services

    other_lead = person("otherlead@example.org", "otherlead", Role.MEMBER)
    return services.open_project(other_lead, name="Room in Porto", city="Porto", country="PT")
