"""Absolute links name the portal's public address: `configure_site` writes WAGTAILADMIN_BASE_URL's host and port
into the default Site, and the sitemap, the Matrix's JSON download and the admin API link to it; allauth's e-mails
use the request's host (the reverse proxy passes it on) and the production protocol."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail.models import Site

from home.sites import public_address
from learners.factories import LearnerFactory
from tests.trees import copy_of, framework_tree, shared

PUBLIC = "https://portal.example.org"

built_tree = shared(framework_tree, resources=2)


@pytest.fixture
def tree(built_tree, db):
    tree = copy_of(built_tree)
    with override_settings(WAGTAILADMIN_BASE_URL=PUBLIC):
        out = StringIO()
        call_command("configure_site", stdout=out)
    assert out.getvalue().strip() == f"The default site is {PUBLIC}/"
    return tree


def test_public_address_of_the_base_url():
    assert public_address("https://portal.example.org") == ("portal.example.org", 443)
    assert public_address("http://127.0.0.1:8000/") == ("127.0.0.1", 8000)
    assert public_address("http://portal.example.org") == ("portal.example.org", 80)
    with pytest.raises(ImproperlyConfigured):
        public_address("portal.example.org")


def test_the_default_site_takes_the_public_address(tree):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("portal.example.org", 443, PUBLIC)


def test_the_sitemap_links_to_the_public_address(tree):
    response = Client().get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    assert len(locations) >= 10
    assert all(location.startswith(f"{PUBLIC}/en/") for location in locations), locations


def test_the_matrix_json_download_links_to_the_public_address(tree):
    response = Client().get(tree.matrix.url, {"format": "json"}, HTTP_HOST="127.0.0.1:8000")
    resources = response.json()["resources"]
    assert len(resources) == 2
    assert all(row["page_url"].startswith(f"{PUBLIC}/en/") for row in resources)


def test_the_admin_api_links_to_the_public_address(tree):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "long-password-1"))
    response = client.get(f"/admin/api/main/pages/{tree.framework.pk}/", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert response.json()["meta"]["html_url"] == f"{PUBLIC}/en/framework/"


@override_settings(ACCOUNT_DEFAULT_HTTP_PROTOCOL="https")
def test_an_accounts_email_links_to_the_host_the_reader_used(tree):
    learner = LearnerFactory()
    response = Client().post(
        "/en/accounts/password/reset/", {"email": learner.email}, HTTP_HOST="portal.example.org", secure=True
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    links = re.findall(r"https?://[^\s\"<>]+", message.body)
    assert links and all(link.startswith(f"{PUBLIC}/en/accounts/password/reset/key/") for link in links), links
