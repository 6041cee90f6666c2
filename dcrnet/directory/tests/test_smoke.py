import pytest


@pytest.mark.django_db
def test_it_lists_a_facility(client, facility):
    response = client.get("/facilities/")
    assert response.status_code == 200
    assert b"Abrigado" in response.content


@pytest.mark.django_db
def test_editor_without_totp_is_sent_to_enrolment(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(email="e@example.org", password="x" * 20)
    user.groups.add(Group.objects.create(name="editor"))
    client.force_login(user)
    response = client.get("/facilities/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate" in response["Location"]


@pytest.mark.django_db
def test_editor_with_totp_gets_pages(client, editor):
    client.force_login(editor)
    assert client.get("/facilities/").status_code == 200
