"""The guide's pages: the index, a step with everything that helps with it, and the printable
guide; readable by anyone, a constant number of queries, safe Markdown, the English fallback."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dcrnet.guide.models import Example, Step
from testing.xss import XSS, unsafe_markup

from .conftest import make_document, make_expert, make_reference, make_step

pytestmark = pytest.mark.django_db


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_index_lists_the_steps_in_order_with_their_summaries(client, steps):
    body = html(client.get("/guide/"))
    positions = [body.index(f"Step {s.slug} title") for s in steps]
    assert positions == sorted(positions)
    for step in steps:
        assert f'href="/guide/{step.slug}/"' in body
        assert f"Summary of {step.slug}." in body
    assert 'href="/guide/print/"' in body


def test_a_step_shows_its_guidance_and_sources_as_safe_markdown(client, steps):
    body = html(client.get(reverse("guide:step", kwargs={"slug": "legal-route"})))
    assert "<strong>legal-route</strong>" in body
    assert 'href="https://example.org/legal-route"' in body
    assert 'href="https://example.org/source/legal-route"' in body


def test_a_step_shows_published_documents_only(client, helped_step):
    body = html(client.get(helped_step.get_absolute_url()))
    assert "Document published-doc" in body
    assert 'href="https://example.org/documents/published-doc"' in body
    assert "Document draft-doc" not in body
    assert f'href="{reverse("documents:detail", args=["published-doc"])}"' in body


def test_a_step_links_its_evidence_to_the_reference_page(client, helped_step):
    reference = helped_step.references.get()
    body = html(client.get(helped_step.get_absolute_url()))
    assert f'href="{reverse("evidence:reference", args=[reference.pk])}"' in body
    assert "A study of coalitions" in body


def test_a_step_shows_available_experts_with_languages_and_countries(
    client, helped_step, django_user_model
):
    make_expert(django_user_model, "resting-expert", helped_step.expertise, active=False)
    body = html(client.get(helped_step.get_absolute_url()))
    assert "helper-one" in body
    assert "English, French" in body
    assert "France" in body and "Germany" in body
    assert "resting-expert" not in body
    assert f'href="{reverse("experts:expert", args=["helper-one"])}"' in body


def test_member_pages_of_experts_are_linked_for_members_only(client, helped_step, member):
    member_page = reverse("members:member", kwargs={"handle": "helper-one"})
    assert f'href="{member_page}"' not in html(client.get(helped_step.get_absolute_url()))
    client.force_login(member)
    assert f'href="{member_page}"' in html(client.get(helped_step.get_absolute_url()))


def test_a_step_links_to_a_help_request_about_its_topic(client, helped_step):
    body = html(client.get(helped_step.get_absolute_url()))
    ask = reverse("experts:ask")
    assert f'href="{ask}?topic={helped_step.expertise.slug}"' in body


def test_a_demonstration_expert_is_marked_as_such(client, steps, django_user_model):
    make_expert(django_user_model, "demo-someone", steps[0].expertise, is_demo=True)
    body = html(client.get(steps[0].get_absolute_url()))
    assert "demo-someone" in body and "Demonstration profile" in body


def test_a_step_shows_examples_with_the_facility_and_source(client, helped_step, facility):
    body = html(client.get(helped_step.get_absolute_url()))
    assert f'href="{facility.get_absolute_url()}"' in body
    assert "This facility built a coalition." in body
    assert 'href="https://example.org/report"' in body


@pytest.mark.parametrize("path", ["step", "print"])
def test_an_unpublished_facility_is_not_named_as_an_example(client, helped_step, facility, path):
    type(facility).objects.filter(pk=facility.pk).update(published=False)
    url = helped_step.get_absolute_url() if path == "step" else reverse("guide:print")
    body = html(client.get(url))
    assert facility.name not in body
    assert "This facility built a coalition." not in body


def test_an_expert_without_a_handle_is_left_out_not_a_server_error(
    client, helped_step, django_user_model
):
    expert = make_expert(django_user_model, "soon-nameless", helped_step.expertise)
    django_user_model.objects.filter(pk=expert.user_id).update(handle="")
    body = html(client.get(helped_step.get_absolute_url()))
    assert "helper-one" in body


def test_steps_link_to_the_previous_and_next_step(client, steps):
    first = html(client.get(steps[0].get_absolute_url()))
    assert 'rel="prev"' not in first and 'href="/guide/coalition-and-stakeholders/"' in first
    middle = html(client.get(steps[1].get_absolute_url()))
    assert re.search(r'href="/guide/needs-assessment/" rel="prev"', middle)
    assert re.search(r'href="/guide/legal-route/" rel="next"', middle)
    last = html(client.get(steps[2].get_absolute_url()))
    assert 'rel="next"' not in last


@pytest.mark.parametrize(
    "path",
    [
        "/guide/no-such-step/",
        "/guide/" + "a" * 5000 + "/",
        "/guide/%E2%80%AE/",
        "/guide/print/extra/",
    ],
)
def test_unknown_steps_are_not_found(client, steps, path):
    assert client.get(path).status_code == 404


def test_the_print_slug_is_reserved():
    step = Step(number=20, slug="print", title_en="x", summary_en="x", body_en="x")
    with pytest.raises(ValidationError) as error:
        step.full_clean()
    assert "slug" in error.value.message_dict


def test_the_printable_guide_holds_every_step_with_absolute_links(client, helped_step, settings):
    settings.SITE_URL = "https://dcr.example"
    body = html(client.get("/guide/print/"))
    for step in Step.objects.all():
        assert f'id="step-{step.slug}"' in body
        assert f"Guidance for <strong>{step.slug}</strong>" in body
        assert f"https://dcr.example/guide/{step.slug}/" in body
    assert body.count('class="guide-print-step"') == 3
    reference = helped_step.references.get()
    assert f'href="https://dcr.example{reverse("evidence:reference", args=[reference.pk])}"' in body
    assert "guide/guide.css" in body
    assert "Document draft-doc" not in body and "Document published-doc" in body


@pytest.mark.parametrize("path", ["/guide/", "/guide/coalition-and-stakeholders/", "/guide/print/"])
@pytest.mark.parametrize("who", [None, "non_member", "member", "editor", "staff"])
def test_the_guide_is_readable_by_everyone(request, helped_step, path, who):
    client = Client()
    if who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_the_guide_is_read_only(client, helped_step, method):
    for path in ("/guide/", helped_step.get_absolute_url(), "/guide/print/"):
        assert getattr(client, method)(path).status_code in (403, 405)


def test_hostile_markdown_is_rendered_harmless(client, steps, facility):
    step = steps[0]
    step.body_en = "\n\n".join(XSS)
    step.sources = "\n".join(XSS)
    step.save()
    Example.objects.create(
        step=step, facility=facility, note_en="\n\n".join(XSS), source="<script>x</script>"
    )
    for path in (step.get_absolute_url(), "/guide/print/"):
        body = html(client.get(path))
        assert unsafe_markup(body) == [], path


def test_a_step_without_a_translation_shows_english_with_the_note(client, steps):
    step = steps[0]
    body = html(client.get(f"/fr{step.get_absolute_url()}"))
    assert 'class="untranslated"' in body
    assert 'lang="en"' in body and "Step needs-assessment title" in body
    index = html(client.get("/fr/guide/"))
    assert 'class="untranslated"' in index


def test_a_translated_step_shows_no_note(client, steps):
    step = steps[0]
    step.title_fr, step.summary_fr, step.body_fr = "Titre", "Résumé.", "Texte **traduit**."
    step.save()
    body = html(client.get(f"/fr{step.get_absolute_url()}"))
    assert "Titre" in body and "<strong>traduit</strong>" in body
    main = body[body.index("<main") :]
    assert 'class="untranslated"' not in main.split("Documents")[0]


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


def test_pages_cost_a_constant_number_of_queries(
    client, helped_step, facility, make_facility, django_user_model, django_assert_max_num_queries
):
    paths = ["/guide/", helped_step.get_absolute_url(), "/guide/print/"]
    before = {path: _queries(client, path) for path in paths}
    for n in range(5):
        make_step(10 + n, f"more-{n}")
        helped_step.documents.add(make_document(f"more-{n}"))
        helped_step.references.add(make_reference(f"More {n}"))
        make_expert(django_user_model, f"more-expert-{n}", helped_step.expertise)
        Example.objects.create(
            step=helped_step,
            facility=make_facility(f"xx-more-{n}", name=f"More {n}"),
            note_en="n",
            source="s",
        )
    after = {path: _queries(client, path) for path in paths}
    assert after == before
    for path, count in before.items():
        with django_assert_max_num_queries(count):
            client.get(path)
