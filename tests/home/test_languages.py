"""No English where another language is promised: lang= on text in another language, dates as each language writes
them, the switcher keeping a list's filters, and the notice on arriving at the nearest translated page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from cms_framework.factories import (
    FrameworkAreaPageFactory,
    FrameworkPageFactory,
    PilotActionIndexPageFactory,
    PilotActionPageFactory,
)
from home import i18n
from home.factories import HomePageFactory, LocaleFactory, copy_translation, translate
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.trees import copy_of, make_root, shared
from tests.utils import LANGUAGE_CODES


def language_tree():
    """An English home with a framework (area SA), the pilot-action index with one pilot action (October 2016 to
    June 2017, its report in the root collection) and the Matrix with one resource (languages it and en, link
    checked on 30 June 2017); all in six languages, but the framework and its area only in Italian, and the
    resource, used by the pilot action, translated through wagtail-localize (the others are copies)."""
    locales = {code: LocaleFactory(language_code=code) for code in LANGUAGE_CODES}
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=locales["en"], title="Portal home", slug="portal")
    make_root(home)
    framework = FrameworkPageFactory(parent=home, title="Sample framework", slug="framework")
    area = FrameworkAreaPageFactory(parent=framework, code="SA", title="Self-awareness", slug="sa")
    pilot_index = PilotActionIndexPageFactory(parent=home)
    Document = get_document_model()
    report = Document(title="Pilot report: Careers week")
    report.file.save("report.txt", ContentFile(b"report"), save=False)
    report.save()
    pilot = PilotActionPageFactory(
        parent=pilot_index,
        title="Careers week",
        slug="careers-week",
        start_date=datetime.date(2016, 10, 1),
        end_date=datetime.date(2017, 6, 30),
        report=report,
    )
    pilot.areas.set([area])
    pilot.save()
    matrix = ResourceIndexPageFactory(parent=home)
    resource = ResourcePageFactory(
        parent=matrix,
        title="Strengths cards",
        slug="strengths-cards",
        category="tools",
        languages=["it", "en"],
        provider="LE.A.DE.R partner, Italy",
        link_checked=datetime.date(2017, 6, 30),
        areas=[area],
    )
    resource.pilot_actions.set([pilot])
    resource.save()
    pages = {"en": {"home": home, "pilot_index": pilot_index, "pilot": pilot, "matrix": matrix, "resource": resource}}
    pages["en"].update(framework=framework, area=area)
    for code in LANGUAGE_CODES[1:]:
        locale = locales[code]
        pages[code] = {name: copy_translation(pages["en"][name], locale) for name in ("home", "pilot_index", "matrix")}
        pages[code]["pilot"] = copy_translation(pilot, locale)
        if code == "it":
            pages[code]["framework"] = copy_translation(framework, locale)
            pages[code]["area"] = copy_translation(area, locale)
        pages[code]["resource"] = translate(resource, locale)
    return {"pages": pages, "report": report, "locales": locales}


built = shared(language_tree)


@pytest.fixture
def tree(built, db):
    return copy_of(built)


def soup(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return BeautifulSoup(response.content, "html.parser")


def fact(page, term):
    """The <dd> of a fact list's <dt> (`term` in English, as the page's language translates it)."""
    with translation.override(page.html["lang"]):
        term = translation.gettext(term)
    return next(dt for dt in page.select(".facts dt") if dt.get_text(strip=True) == term).find_next_sibling("dd")


# Dates ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "checked", "period"),
    [
        ("en", "June 30, 2017", "October 2016 – June 2017"),
        ("it", "30 giugno 2017", "ottobre 2016 – giugno 2017"),
        ("ro", "30 iunie 2017", "octombrie 2016 – iunie 2017"),
        ("es", "30 de junio de 2017", "octubre de 2016 – junio de 2017"),
        ("el", "30 Ιουνίου 2017", "Οκτώβριος 2016 – Ιούνιος 2017"),
        ("tr", "30 Haziran 2017", "Ekim 2016 – Haziran 2017"),
    ],
    ids=LANGUAGE_CODES,
)
def test_dates_are_written_as_each_language_writes_them(tree, client, code, checked, period):
    """Lower-case months in Italian, Romanian and Spanish; the Greek genitive in a date, the nominative alone."""
    resource = soup(client, f"/{code}/teaching-resources/strengths-cards/")
    assert checked in [time.get_text(strip=True) for time in resource.select(".facts time")]
    assert resource.select_one(".facts time")["datetime"] == "2017-06-30"
    pilot = soup(client, f"/{code}/pilot-actions/careers-week/")
    assert period in [dd.get_text(strip=True) for dd in pilot.select(".facts dd")]


# lang= on text in another language ------------------------------------------------------------------------------


def report_link(client, code):
    return soup(client, f"/{code}/pilot-actions/careers-week/").select_one(".document__link")


def test_an_english_pilot_report_is_marked_english_on_other_languages_pages(tree, client):
    assert report_link(client, "en").get("lang") is None
    for code in LANGUAGE_CODES[1:]:
        link = report_link(client, code)
        assert link.get_text(strip=True) == "Pilot report: Careers week"
        assert link["lang"] == "en"


@pytest.mark.parametrize("nested", [False, True], ids=["country-collection", "sub-collection"])
def test_a_report_in_a_partners_collection_is_in_that_partners_language(tree, client, nested):
    italy = Collection.get_first_root_node().add_child(name="Italy")
    tree["report"].collection = italy.add_child(name="Pilot reports") if nested else italy
    tree["report"].save()
    assert report_link(client, "it").get("lang") is None
    assert report_link(client, "en")["lang"] == "it"
    assert report_link(client, "el")["lang"] == "it"


def test_a_provider_carries_the_language_it_was_written_in(tree, client):
    """The provider is synchronised: written once on the English source, it stays English on every translation."""
    assert fact(soup(client, "/en/teaching-resources/strengths-cards/"), "Provider").get("lang") is None
    italian = fact(soup(client, "/it/teaching-resources/strengths-cards/"), "Provider")
    assert italian.get_text(strip=True) == "LE.A.DE.R partner, Italy"
    assert italian["lang"] == "en"


def test_a_resource_imported_straight_into_a_language_is_its_own_source(tree, client):
    resource = ResourcePageFactory(
        parent=tree["pages"]["ro"]["matrix"], slug="direct", locale=tree["locales"]["ro"], provider="Universitatea"
    )
    assert i18n.source_language(resource) == "ro"
    assert fact(soup(client, "/ro/teaching-resources/direct/"), "Provider").get("lang") is None


def test_chosen_pages_shown_in_their_own_language_are_marked(tree, client):
    """The area is translated into Italian only: elsewhere the English area is shown, marked English."""
    italian = soup(client, "/it/teaching-resources/strengths-cards/")
    area = italian.select_one(f'a[href="{tree["pages"]["it"]["area"].url}"]')
    assert area.get("lang") is None
    romanian = soup(client, "/ro/pilot-actions/careers-week/")
    area = romanian.select_one('a[href="/en/framework/sa/"]')
    assert area["lang"] == "en"
    assert area.get_text(strip=True) == "SA Self-awareness"


@pytest.mark.parametrize("code", ["en", "el"])
def test_resource_language_names_carry_the_language_they_name(tree, client, code):
    """Named in their own language (as in the switcher), so marked with it whatever the page's language."""
    expected = [("it", "Italiano"), ("en", "English")]
    page = soup(client, f"/{code}/teaching-resources/strengths-cards/")
    names = page.select(".facts dd span[lang]")
    assert [(span["lang"], span.get_text()) for span in names] == expected
    listed = soup(client, f"/{code}/teaching-resources/").select(".result__meta span[lang]")
    assert [(span["lang"], span.get_text()) for span in listed] == expected
    if code == "en":  # the framework's pages of the tree are English
        for path in ("/en/framework/sa/", "/en/pilot-actions/careers-week/"):
            listed = soup(client, path).select("#resources-heading ~ ul span[lang]")
            assert [(span["lang"], span.get_text()) for span in listed] == expected, path


def test_the_matrix_language_filter_names_each_language_in_its_own(tree, client):
    options = soup(client, "/tr/teaching-resources/").select("select[name=language] option")
    assert options[0].get("lang") is None  # "All", in the page's language
    assert [(option["lang"], option.get_text()) for option in options[1:4]] == [
        ("en", "English"),
        ("it", "Italiano"),
        ("ro", "Română"),
    ]
    assert all(option["lang"] == option["value"] for option in options[1:])


def test_lang_attribute_is_empty_when_the_languages_agree(tree):
    with translation.override("it"):
        assert i18n.lang_attribute("it") == ""
        assert i18n.lang_attribute("en") == ' lang="en"'
        assert i18n.lang_attribute(None) == ""
        assert i18n.lang_attribute(tree["pages"]["it"]["pilot"]) == ""
        assert i18n.lang_attribute(tree["pages"]["en"]["pilot"]) == ' lang="en"'


# The switcher on a filtered list --------------------------------------------------------------------------------


def switcher(page):
    return {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}


def test_the_switcher_keeps_a_lists_valid_filters_and_page(tree, client):
    page = soup(client, "/en/teaching-resources/?category=tools&area=SA&language=it&page=1&format=&utm=x")
    expected = "?area=SA&category=tools&language=it&page=1"
    assert switcher(page) == {code: f"/{code}/teaching-resources/{expected}" for code in LANGUAGE_CODES}
    # hreflang alternates name the list itself, as the canonical URL does.
    alternates = {link["href"] for link in page.select('link[rel="alternate"]')}
    assert alternates == {f"http://testserver/{code}/teaching-resources/" for code in [*LANGUAGE_CODES, "en"]}


def test_the_switcher_drops_invalid_filter_values(tree, client):
    page = soup(client, "/it/pilot-actions/?country=IT&setting=nowhere&area=SA", status=400)
    assert switcher(page)["el"] == "/el/pilot-actions/?country=IT&area=SA"
    page = soup(client, "/en/teaching-resources/?category=poems&page=0&q=cards", status=400)
    assert switcher(page)["tr"] == "/tr/teaching-resources/?q=cards"


def test_the_switcher_drops_the_query_on_other_pages(tree, client):
    page = soup(client, "/en/pilot-actions/careers-week/?country=IT&page=2")
    assert switcher(page)["it"] == "/it/pilot-actions/careers-week/"


def test_a_download_format_is_not_kept(tree):
    request = RequestFactory().get("/en/teaching-resources/", {"format": "csv", "country": "IT"})
    assert i18n.kept_query(request, tree["pages"]["en"]["matrix"]) == "country=IT"


# Arriving on the nearest translated page ------------------------------------------------------------------------


NOTICES = {
    "ro": "Această pagină nu este încă disponibilă în limba română; te afli pe cea mai apropiată pagină care este "
    "disponibilă.",
    "el": "Αυτή η σελίδα δεν είναι ακόμη διαθέσιμη στα ελληνικά· βρίσκεστε στην πλησιέστερη σελίδα που είναι "
    "διαθέσιμη.",
    "tr": "Bu sayfa henüz Türkçe olarak mevcut değil; mevcut olan en yakın sayfadasınız.",
}


def notice(page):
    found = page.select_one(".arrival-notice")
    return found and (found["role"], found.get_text(strip=True))


@pytest.mark.parametrize("code", NOTICES)
def test_a_reader_sent_to_the_nearest_page_is_told_so_in_their_language(tree, client, code):
    area = tree["pages"]["it"]["area"]  # the page read: the framework is not translated into the other languages
    link = switcher(soup(client, "/it/framework/sa/"))[code]
    assert link == f"/{code}/?from={area.pk}"
    response = client.get(link)
    arrived = BeautifulSoup(response.content, "html.parser")
    assert notice(arrived) == ("status", NOTICES[code])
    # The page stays cacheable for everyone, and its canonical URL has no marker.
    assert "Cookie" not in response.headers.get("Vary", "")
    assert "private" not in response.headers.get("Cache-Control", "")
    assert arrived.select_one('link[rel="canonical"]')["href"].endswith(f"://localhost/{code}/")
    assert notice(soup(client, f"/{code}/")) is None


def test_links_built_from_the_query_do_not_carry_the_marker_on(tree, client):
    resource = tree["pages"]["en"]["resource"]
    resource.get_translation(tree["locales"]["tr"]).unpublish()
    ResourcePageFactory(parent=tree["pages"]["tr"]["matrix"], locale=tree["locales"]["tr"], category="tools")
    link = switcher(soup(client, "/en/teaching-resources/strengths-cards/"))["tr"]
    assert link == f"/tr/teaching-resources/?from={resource.pk}"
    page = soup(client, f"/tr/teaching-resources/?from={resource.pk}&category=tools")
    assert notice(page) == ("status", NOTICES["tr"])
    downloads = [a["href"] for a in page.select(".downloads li a")]
    assert downloads and all("from" not in href and "category=tools" in href for href in downloads)
    assert all("from" not in href for href in switcher(page).values())


@pytest.mark.parametrize(
    "marker",
    ["abc", "99999999", "-1", "1" * 20, "page"],
    ids=["not-a-number", "no-such-page", "negative", "too-long", "a-page-translated-here"],
)
def test_a_marker_that_does_not_tell_the_truth_shows_nothing(tree, client, marker):
    if marker == "page":
        marker = str(tree["pages"]["en"]["pilot"].pk)  # translated into Romanian: the reader could have had it
    assert notice(soup(client, f"/ro/?from={marker}")) is None


def test_a_marker_on_a_page_that_is_not_an_ancestor_shows_nothing(tree, client):
    area = tree["pages"]["en"]["area"]
    assert notice(soup(client, f"/ro/pilot-actions/?from={area.pk}")) is None
