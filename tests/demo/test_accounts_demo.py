"""The demo's partner accounts: each reads the admin in its country's language, in groups named in that language."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.utils import LANGUAGE_CODES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", LANGUAGE_CODES)
@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_partner_accounts_read_the_admin_in_their_language(role, code):
    user = get_user_model().objects.get(username=f"{role}-{code}")
    assert UserProfile.get_for_user(user).get_preferred_language() == code
    client = Client()
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert f'<html lang="{code}"' in response.content.decode()
    if code == "el":  # from locale-admin/, where Wagtail's Greek catalogue left it in English
        assert "Αναζήτηση σε όλες τις σελίδες…" in response.content.decode()


def test_the_coordinator_reads_it_in_english():
    coordinator = get_user_model().objects.get(username="coordinator")
    assert UserProfile.get_for_user(coordinator).get_preferred_language() == "en"


def test_greek_and_turkish_accounts_are_in_groups_named_in_their_language():
    User = get_user_model()
    assert list(User.objects.get(username="editor-el").groups.values_list("name", flat=True)) == ["Συντάκτες (Ελλάδα)"]
    assert list(User.objects.get(username="moderator-tr").groups.values_list("name", flat=True)) == [
        "Moderatörler (Türkiye)"
    ]
