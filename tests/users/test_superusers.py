"""Only a superuser may make, change or remove a superuser, whichever admin view a coordinator tries."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from editorial.countries import COORDINATORS_GROUP

User = get_user_model()
PASSWORD = "a-long-enough-password-1"
NEW_PASSWORD = "another-long-password-2"


@pytest.fixture
def people(db):
    call_command("setup_editorial", stdout=StringIO())
    coordinator = User.objects.create_user("coord", "coord@example.org", PASSWORD)
    coordinator.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
    root = User.objects.create_superuser("root", "root@example.org", PASSWORD)
    plain = User.objects.create_user("plain", "plain@example.org", PASSWORD, first_name="P", last_name="L")
    return coordinator, root, plain


def signed_in(client, user):
    client.force_login(user)
    return client


def new_account(**extra):
    return {
        "username": "newcomer",
        "email": "newcomer@example.org",
        "first_name": "New",
        "last_name": "Comer",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        **extra,
    }


def edited(user, **extra):
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name or "First",
        "last_name": user.last_name or "Last",
        "is_active": "on",
        "password1": "",
        "password2": "",
        **extra,
    }


def test_a_coordinator_creating_an_account_cannot_make_it_a_superuser(client, people):
    coordinator, _root, _plain = people
    client = signed_in(client, coordinator)
    form = client.get(reverse("wagtailusers_users:add"))
    assert form.status_code == 200
    assert 'name="is_superuser"' not in form.content.decode()
    response = client.post(reverse("wagtailusers_users:add"), new_account(is_superuser="on"))
    assert response.status_code == 302
    created = User.objects.get(username="newcomer")
    assert not created.is_superuser


def test_a_coordinator_cannot_make_an_existing_account_a_superuser(client, people):
    coordinator, _root, plain = people
    client = signed_in(client, coordinator)
    response = client.post(reverse("wagtailusers_users:edit", args=[plain.pk]), edited(plain, is_superuser="on"))
    assert response.status_code == 302
    plain.refresh_from_db()
    assert not plain.is_superuser


def test_a_coordinator_can_neither_open_nor_change_a_superuser(client, people):
    coordinator, root, _plain = people
    client = signed_in(client, coordinator)
    url = reverse("wagtailusers_users:edit", args=[root.pk])
    assert client.get(url).status_code in (302, 403)
    response = client.post(
        url, edited(root, email="attacker@example.org", password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    )
    assert response.status_code in (302, 403)
    root.refresh_from_db()
    assert root.email == "root@example.org"
    assert root.check_password(PASSWORD)
    assert not client.login(username="root", password=NEW_PASSWORD)


def test_a_coordinator_cannot_delete_a_superuser(client, people):
    coordinator, root, _plain = people
    client = signed_in(client, coordinator)
    response = client.post(reverse("wagtailusers_users:delete", args=[root.pk]))
    assert response.status_code in (302, 403)
    assert User.objects.filter(pk=root.pk).exists()


# Deleting is not a coordinator's permission at all, and Wagtail never lets a non-superuser delete a superuser.
@pytest.mark.parametrize("action", ["set_active_state", "assign_role"])
def test_a_coordinator_cannot_act_on_a_superuser_in_bulk(client, people, action):
    coordinator, root, plain = people
    client = signed_in(client, coordinator)
    role = Group.objects.get(name=COORDINATORS_GROUP)
    data = {"set_active_state": {"mark_as_active": "False"}, "assign_role": {"role": role.pk}}[action]
    url = reverse("wagtail_bulk_action", args=[User._meta.app_label, User._meta.model_name, action])
    # The same request on an ordinary account does what it says (the form is right), on a superuser nothing.
    client.post(f"{url}?id={plain.pk}", data)
    plain.refresh_from_db()
    assert not plain.is_active or plain.groups.filter(pk=role.pk).exists()
    client.post(f"{url}?id={root.pk}", data)
    root.refresh_from_db()
    assert root.is_active
    assert not root.groups.exists()


def test_the_list_offers_a_coordinator_no_buttons_on_a_superuser(client, people):
    coordinator, root, plain = people
    client = signed_in(client, coordinator)
    page = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert reverse("wagtailusers_users:edit", args=[plain.pk]) in page
    assert reverse("wagtailusers_users:edit", args=[root.pk]) not in page


def test_a_superuser_still_makes_and_changes_superusers(client, people):
    _coordinator, root, plain = people
    client = signed_in(client, root)
    assert 'name="is_superuser"' in client.get(reverse("wagtailusers_users:add")).content.decode()
    client.post(reverse("wagtailusers_users:add"), new_account(is_superuser="on"))
    assert User.objects.get(username="newcomer").is_superuser
    client.post(reverse("wagtailusers_users:edit", args=[plain.pk]), edited(plain, is_superuser="on"))
    plain.refresh_from_db()
    assert plain.is_superuser
