"""The demo's trust pages (accessibility statement, privacy, legal notice, contact) in six languages, the footer that
links them with the funding acknowledgement, the sample content banner, and page titles without "(sample)" or
numerals."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from home.demo import content
from home.models import ContentPage, Footer, PortalSettings
from learners.models import PrivacyNoticePage
from tests.utils import LANGUAGE_CODES, OUTLINE_SLUGS, TRUST_SLUGS

pytestmark = pytest.mark.django_db

FUNDING = {
    "en": "Co-funded by the Erasmus+ Programme of the European Union",
    "it": "Cofinanziato dal programma Erasmus+ dell’Unione europea",
    "ro": "Cofinanțat prin programul Erasmus+ al Uniunii Europene",
    "es": "Cofinanciado por el programa Erasmus+ de la Unión Europea",
    "el": "Συγχρηματοδοτείται από το πρόγραμμα Erasmus+ της Ευρωπαϊκής Ένωσης",
    "tr": "Avrupa Birliği Erasmus+ Programı tarafından ortak finanse edilmiştir",
}
# What the demo's titles must no longer say: sample markers in each language, and a numeral before a dash.
SAMPLE_MARK = re.compile(r"\((?:sample|esempio|exemplu|ejemplo|δείγμα|örnek)\)", re.IGNORECASE)
NUMERAL = re.compile(r"^[IVXLC]+\s+[–-]\s")


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_trust_pages_exist_live_in_every_language_out_of_the_outline(code):
    pages = ContentPage.objects.live().filter(locale__language_code=code, slug__in=TRUST_SLUGS, depth=3)
    assert sorted(pages.values_list("slug", flat=True)) == sorted(TRUST_SLUGS)
    assert not pages.filter(show_in_menus=True).exists()


@pytest.mark.parametrize("code", LANGUAGE_CODES[1:])
def test_trust_pages_are_translations_of_the_english_ones(code):
    for slug in TRUST_SLUGS:
        english = ContentPage.objects.get(locale__language_code="en", slug=slug)
        translated = ContentPage.objects.get(locale__language_code=code, slug=slug)
        assert translated.translation_key == english.translation_key
        assert translated.title != english.title
        assert str(translated.body) != str(english.body)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_footer_links_the_trust_pages_with_the_funding_acknowledgement(client, code):
    footer = soup(client.get(f"/{code}/")).select_one("footer.site-footer")
    hrefs = [a["href"] for a in footer.select("nav a")]
    for slug in TRUST_SLUGS:
        assert f"/{code}/{slug}/" in hrefs
    assert footer.select_one(".site-footer__funding-statement").get_text(strip=True) == FUNDING[code]
    assert footer.select_one("img.site-footer__emblem")["alt"]
    disclaimer = footer.select_one(".site-footer__disclaimer").get_text(strip=True)
    assert len(disclaimer) > 150
    if code != "en":
        assert disclaimer != content.DISCLAIMER


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_trust_page_answers_in_its_language(client, code):
    for slug in TRUST_SLUGS:
        page = soup(client.get(f"/{code}/{slug}/"))
        assert page.html["lang"] == code
        assert page.select_one("h1").get_text(strip=True)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_privacy_page_links_the_learners_privacy_notice_of_its_language(client, code):
    notice = PrivacyNoticePage.objects.live().get(locale__language_code=code)
    page = soup(client.get(f"/{code}/privacy/"))
    assert notice.url in [a["href"] for a in page.select("main a")]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_accessibility_statement_follows_the_model_and_links_the_enforcement_bodies(client, code):
    page = soup(client.get(f"/{code}/accessibility/"))
    assert len(page.select("main h2")) >= 5  # compliance, non-accessible content, preparation, feedback, enforcement
    assert content.EC_ACCESSIBILITY_URL in [a["href"] for a in page.select("main a")]
    assert "2016/2102" in page.get_text()
    assert re.search(r"WCAG\)? 2\.1", page.get_text())


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_placeholders_for_the_partners_are_marked_in_every_language(client, code):
    for slug in ["accessibility", "privacy", "legal-notice", "contact"]:
        text = soup(client.get(f"/{code}/{slug}/")).select_one("main").get_text()
        assert re.search(r"\[[^\]]+:", text), slug


def test_the_demo_switches_the_sample_banner_on(client):
    assert PortalSettings.load().show_phase_banner
    for code in LANGUAGE_CODES:
        assert len(soup(client.get(f"/{code}/")).select(".phase-banner")) == 1


def test_no_demo_page_title_says_sample_or_carries_a_numeral():
    titles = list(Page.objects.filter(depth__gt=1).values_list("locale__language_code", "title"))
    assert len(titles) > 100
    assert [title for _code, title in titles if SAMPLE_MARK.search(title)] == []
    assert [title for _code, title in titles if NUMERAL.match(title)] == []


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_outline_is_numbered_from_one_to_seven(client, code):
    page = soup(client.get(f"/{code}/"))
    numerals = [item.get_text(strip=True) for item in page.select(".outline__item .card__numeral")]
    assert numerals == ["I", "II", "III", "IV", "V", "VI", "VII"]
    hrefs = [a["href"] for a in page.select(".outline__item .card__title a")]
    assert hrefs == [f"/{code}/{slug}/" for slug in OUTLINE_SLUGS]


def test_every_language_has_a_footer_with_funding_texts():
    for footer in Footer.objects.select_related("locale"):
        assert footer.funding_statement == FUNDING[footer.locale.language_code]
