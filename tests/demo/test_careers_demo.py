"""The demo careers: the index at /<lang>/careers/ and twelve profiles in six languages, with ESCO's own URIs."""

import pytest
from bs4 import BeautifulSoup

from careers.choices import ESCO_OCCUPATION_URI
from careers.demo.content import career_specs
from careers.models import CareerIndexPage, CareerPage
from home.partners import PARTNER_COUNTRY_CODES
from tests.utils import LANGUAGE_CODES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_twelve_careers_in_every_language(client, code):
    index = CareerIndexPage.objects.live().get(locale__language_code=code)
    assert index.url == f"/{code}/careers/"
    careers = CareerPage.objects.child_of(index).live()
    assert careers.count() == 12
    response = client.get(index.url)
    assert response.status_code == 200
    assert len(BeautifulSoup(response.content, "html.parser").select(".result")) == 12


def test_the_careers_are_translated_and_cover_the_major_groups():
    english = {page.key: page.title for page in CareerPage.objects.filter(locale__language_code="en")}
    greek = {page.key: page.title for page in CareerPage.objects.filter(locale__language_code="el")}
    assert set(greek) == set(english)
    assert all(greek[key] != english[key] for key in english)
    groups = {page.isco_code[0] for page in CareerPage.objects.filter(locale__language_code="en")}
    assert groups == set("123456789")


def test_the_esco_uris_are_real_ones_each_once():
    uris = [spec["esco_uri"] for spec in career_specs()]
    assert len(set(uris)) == len(uris) == 12
    assert all(ESCO_OCCUPATION_URI.fullmatch(uri) for uri in uris)
    assert not any("00000000-0000" in uri for uri in uris)  # the tests' made-up identifiers


def test_each_profile_links_every_partner_country():
    career = CareerPage.objects.get(locale__language_code="es", key="cook")
    assert [partner.country_code for partner, _links in career.links_by_country()] == PARTNER_COUNTRY_CODES


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_navigation_links_the_careers(client, code):
    page = BeautifulSoup(client.get(f"/{code}/").content, "html.parser")
    assert f"/{code}/careers/" in [a["href"] for a in page.select("nav a[href]")]
