"""What a European public-service reader looks for: the footer's trust links and funding acknowledgement with the EU
emblem in every language, the sample content banner editors switch on and off, and the outline's numerals."""

import math
import re
import runpy
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from home.factories import ContentPageFactory, PortalSettingsFactory, copy_translation, links
from home.models import PortalSettings
from tests.trees import copy_of, shared, site_tree
from tests.utils import LANGUAGE_CODES, OUTLINE_SLUGS

TRUST_SLUGS = ["accessibility", "privacy", "legal-notice", "contact"]
EMBLEM = Path(settings.BASE_DIR) / "static" / "img" / "eu-emblem.svg"
FLAG_ALT = {
    "en": "Flag of the European Union",
    "it": "Bandiera dell’Unione europea",
    "ro": "Drapelul Uniunii Europene",
    "es": "Bandera de la Unión Europea",
    "el": "Σημαία της Ευρωπαϊκής Ένωσης",
    "tr": "Avrupa Birliği bayrağı",
}


def trust_site():
    """The outline in six languages, with the four trust pages out of the outline and a footer linking them and
    carrying the funding statement and disclaimer (each language's copy with its own texts)."""
    tree = site_tree()
    home = tree.homes["en"]
    pages = [
        ContentPageFactory(parent=home, slug=slug, title=slug.replace("-", " ").title(), show_in_menus=False)
        for slug in TRUST_SLUGS
    ]
    footer = tree.footers["en"]
    footer.links = links(*pages)
    footer.funding_statement = "Co-funded by the Erasmus+ Programme of the European Union"
    footer.disclaimer = "The European Commission support for the production of this publication …"
    footer.save()
    for code in LANGUAGE_CODES[1:]:
        for page in pages:
            copy_translation(page, tree.locales[code])
        tree.footers[code].delete()
        tree.footers[code] = copy_translation(footer, tree.locales[code])
    return tree


built_site = shared(trust_site)


@pytest.fixture
def site(built_site, db):
    return copy_of(built_site)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_footer_links_the_trust_pages_in_the_readers_language(site, client, code):
    footer = soup(client.get(f"/{code}/")).select_one("footer.site-footer")
    hrefs = [a["href"] for a in footer.select("nav a")]
    assert hrefs == [f"/{code}/{slug}/" for slug in TRUST_SLUGS]
    texts = [a.get_text(strip=True) for a in footer.select("nav a")]
    assert all(text.endswith(f"[{code}]") for text in texts) == (code != "en")


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_funding_statement_and_disclaimer_beside_the_emblem_in_each_language(site, client, code):
    funding = soup(client.get(f"/{code}/introduction/")).select_one(".site-footer__funding")
    emblem = funding.select_one("img.site-footer__emblem")
    assert emblem["src"].endswith("img/eu-emblem.svg")
    assert emblem["alt"] == FLAG_ALT[code]
    statement = funding.select_one(".site-footer__funding-statement").get_text(strip=True)
    disclaimer = funding.select_one(".site-footer__disclaimer").get_text(strip=True)
    assert statement.startswith("Co-funded by the Erasmus+ Programme")
    assert disclaimer.startswith("The European Commission support")
    suffix = f"[{code}]"
    assert statement.endswith(suffix) == disclaimer.endswith(suffix) == (code != "en")


def test_emblem_alt_text_is_in_every_catalogue():
    for code in LANGUAGE_CODES:
        with translation.override(code):
            assert translation.gettext("Flag of the European Union") == FLAG_ALT[code]


def test_no_funding_statement_means_no_emblem_and_no_disclaimer(site, client):
    footer = site.footers["it"]
    footer.funding_statement = ""
    footer.save()
    page = soup(client.get("/it/"))
    assert page.select_one(".site-footer__funding") is None
    assert page.select_one(".site-footer__disclaimer") is None
    assert soup(client.get("/es/")).select_one(".site-footer__funding") is not None


def test_the_banner_is_off_until_an_editor_switches_it_on(site, client):
    assert soup(client.get("/en/")).select(".phase-banner") == []
    assert not PortalSettings.objects.exists(), "reading a page must not create the settings row"


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_banner_shows_once_at_the_top_of_every_page_in_the_readers_language(site, client, code):
    PortalSettingsFactory(show_phase_banner=True)
    for path in [f"/{code}/", *(f"/{code}/{slug}/" for slug in OUTLINE_SLUGS), f"/{code}/no-such-page/"]:
        response = client.get(path)
        page = BeautifulSoup(response.content, "html.parser")
        banners = page.select(".phase-banner")
        assert len(banners) == 1, path
        # Right after the skip link, before the header: the first thing read after "skip to content".
        body_children = [child for child in page.body.children if getattr(child, "name", None)]
        assert body_children[0]["class"] == ["skip-link"]
        assert body_children[1] is banners[0]
        with translation.override(code):
            assert translation.gettext("Sample content") in banners[0].get_text()
            assert banners[0]["aria-label"] == translation.gettext("About this portal")


def test_switching_the_banner_off_hides_it(site, client):
    portal_settings = PortalSettingsFactory(show_phase_banner=True)
    assert len(soup(client.get("/el/")).select(".phase-banner")) == 1
    portal_settings.show_phase_banner = False
    portal_settings.save()
    assert soup(client.get("/el/")).select(".phase-banner") == []


def test_editors_switch_the_banner_in_the_admin_settings(site, admin_client, client):
    url = admin_client.get(reverse("wagtailsettings:edit", args=["home", "portalsettings"]), follow=True).request[
        "PATH_INFO"
    ]
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"show_phase_banner": "on", "data_licence": "CC-BY-4.0"})
    assert response.status_code == 302
    assert PortalSettings.load().show_phase_banner
    assert len(soup(client.get("/tr/")).select(".phase-banner")) == 1
    admin_client.post(url, {"data_licence": "CC-BY-4.0"})
    assert not PortalSettings.load().show_phase_banner


def test_the_banner_costs_the_same_queries_on_or_off_and_no_session(site, client):
    client.get("/ro/introduction/")  # warm the caches of the site and the locales
    with CaptureQueriesContext(connection) as off:
        client.get("/ro/introduction/")
    PortalSettingsFactory(show_phase_banner=True)
    client.get("/ro/introduction/")
    with CaptureQueriesContext(connection) as on:
        response = client.get("/ro/introduction/")
    assert len(on) == len(off)
    assert [query["sql"] for query in on] == [query["sql"] for query in off]
    assert "Cookie" not in response.headers.get("Vary", "")
    assert "sessionid" not in response.cookies


def outline_numerals(response):
    return [
        (item.select_one(".card__numeral").get_text(strip=True), item.select_one(".card__title a")["href"])
        for item in soup(response).select(".outline__item")
    ]


@pytest.mark.parametrize("code", ["en", "el"])
def test_every_section_of_the_outline_gets_the_numeral_of_its_place(site, client, code):
    numerals = outline_numerals(client.get(f"/{code}/"))
    assert numerals == list(
        zip(["I", "II", "III", "IV", "V", "VI", "VII"], [f"/{code}/{slug}/" for slug in OUTLINE_SLUGS], strict=True)
    )


def test_hiding_a_section_keeps_the_numerals_consecutive(site, client):
    framework = site.sections["en"]["framework"]
    framework.show_in_menus = False
    framework.save_revision().publish()
    numerals = outline_numerals(client.get("/en/"))
    assert [numeral for numeral, _href in numerals] == ["I", "II", "III", "IV", "V", "VI"]
    assert "/en/framework/" not in [href for _numeral, href in numerals]


def test_trust_pages_stay_out_of_the_outline(site, client):
    hrefs = [href for _numeral, href in outline_numerals(client.get("/en/"))]
    assert not {f"/en/{slug}/" for slug in TRUST_SLUGS} & set(hrefs)


@pytest.mark.parametrize(
    ("number", "numeral"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (2026, "MMXXVI")]
)
def test_roman_numerals(number, numeral):
    from home.templatetags.portal_tags import roman

    assert roman(number) == numeral


def test_the_emblem_is_a_3_by_2_rectangle_with_twelve_stars_on_a_circle():
    svg = ET.parse(EMBLEM).getroot()  # noqa: S314 (our own static file, not input)
    namespace = {"svg": "http://www.w3.org/2000/svg"}
    _x, _y, width, height = (float(value) for value in svg.get("viewBox").split())
    assert width / height == 1.5
    assert svg.find("svg:title", namespace).text == "European Union emblem"
    rect = svg.find("svg:rect", namespace)
    assert (float(rect.get("width")), float(rect.get("height"))) == (width, height)
    stars = svg.findall("svg:g/svg:polygon", namespace)
    assert len(stars) == 12
    assert svg.find("svg:g", namespace).get("fill") == "#fc0"
    for star in stars:
        points = [tuple(map(float, pair.split(","))) for pair in star.get("points").split()]
        assert len(points) == 10  # five points, five inner corners
        centre = (sum(x for x, _ in points) / 10, sum(y for _, y in points) / 10)
        # Each star's centre lies on the circle of a third of the height around the middle of the flag.
        assert math.dist(centre, (width / 2, height / 2)) == pytest.approx(height / 3, abs=0.05)
        # Its points lie on a circle of an eighteenth of the height, the first one straight up.
        outer = points[0::2]
        assert all(math.dist(point, centre) == pytest.approx(height / 18, abs=0.05) for point in outer)
        assert points[0][0] == pytest.approx(centre[0], abs=0.01) and points[0][1] < centre[1]


def test_the_emblem_file_is_what_its_script_draws():
    script = runpy.run_path(str(Path(settings.BASE_DIR) / "scripts" / "eu_emblem.py"))
    assert script["emblem_svg"]() == EMBLEM.read_text(encoding="utf-8")


def test_emblem_file_has_no_script_or_external_reference():
    text = EMBLEM.read_text(encoding="utf-8")
    assert "<script" not in text
    assert not re.search(r"(?:href|src)=", text)
