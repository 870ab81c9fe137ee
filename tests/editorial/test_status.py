"""The translation status report and its dashboard panel: counts per language, the pages behind them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext, override
from pytest_django.asserts import assertContains, assertNotContains
from wagtail.models import Locale, Page

from editorial.status import language_statuses
from home.models import ContentPage
from tests.editorial.conftest import OTHER_LANGUAGES


def counts(code):
    status = language_statuses([Locale.objects.get(language_code=code)])[0]
    return {state: status.count(state) for state in status.rows}


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_counts_per_language(world, code):
    # The world's English pages are translated everywhere; of the two English pages added on top (the untranslated
    # one, and the one translated from Italian), the one translated from Italian exists in Italian.
    translated_everywhere = Page.objects.filter(locale=world.locales["en"], depth__gte=2).count() - 2
    language_counts = counts(code)
    expected = (translated_everywhere + 1, 1) if code == "it" else (translated_everywhere, 2)
    assert (language_counts["translated"], language_counts["untranslated"]) == expected
    assert language_counts["in_review"] + language_counts["out_of_date"] == 0


def test_english_change_makes_every_translation_out_of_date(world):
    english = ContentPage.objects.get(pk=world.sections["en"].pk)
    english.summary = "Changed"
    english.save_revision().publish()
    for code in OTHER_LANGUAGES:
        assert counts(code)["out_of_date"] == 1, code


def test_report_lists_own_language_first_and_links_every_number(client, world):
    client.force_login(world.editors["el"])
    response = client.get(reverse("editorial_translation_status"))
    assert response.status_code == 200
    html = response.content.decode()
    rows = re.findall(r'<tr data-language="(\w+)">', html)
    assert rows == ["el", "it", "ro", "es", "tr"]
    for state in ("translated", "untranslated", "in_review", "out_of_date"):
        assert f"?language=el&amp;state={state}" in html


def test_untranslated_pages_offer_translation_into_own_language_only(client, world):
    client.force_login(world.editors["el"])
    own = client.get(reverse("editorial_translation_status") + "?language=el&state=untranslated")
    submit = reverse("wagtail_localize:submit_page_translation", args=[world.untranslated.pk])
    assertContains(own, f"{submit}?select_locale=el")
    assertContains(own, 'href="/en/not-translated-yet/"')  # the English page to read
    other = client.get(reverse("editorial_translation_status") + "?language=es&state=untranslated")
    assertContains(other, world.untranslated.title)
    assertNotContains(other, submit)


def test_report_queries_do_not_grow_with_languages_or_pages(client, world):
    client.force_login(world.coordinator)
    url = reverse("editorial_translation_status") + "?language=it&state=translated"
    client.get(url)
    before = query_count(client, url)
    for index in range(5):
        page = ContentPage(title=f"More {index}", slug=f"more-{index}", locale=world.locales["en"])
        world.homes["en"].add_child(instance=page)
    assert query_count(client, url) == before


def test_dashboard_panel_shows_own_languages(client, world):
    client.force_login(world.editors["tr"])
    response = client.get(reverse("wagtailadmin_home"))
    assertContains(response, "editorial-translation-status")
    assertContains(response, reverse("editorial_translation_status") + "?language=tr&amp;state=untranslated")
    assertContains(response, reverse("editorial_translation_status") + "?language=tr&amp;state=not_sent")
    assertNotContains(response, "?language=es&amp;state=")


@pytest.mark.parametrize(
    "query",
    ["?language=xx&state=untranslated", "?language=ro&state=%27%3B", "?state=", "?language=" + "r" * 500],
    ids=["unknown-language", "quote-in-state", "empty-state", "long-language"],
)
def test_odd_parameters_show_the_table_only(client, world, query):
    client.force_login(world.editors["ro"])
    response = client.get(reverse("editorial_translation_status") + query)
    assert response.status_code == 200
    assertNotContains(response, 'id="pages"')


def test_fully_translated_draft_not_sent_for_review_has_its_own_state(client, world):
    from tests.editorial.test_journey import start_translation, translate_every_string

    page, translation = start_translation(client, world, "el")
    assert counts("el")["not_sent"] == 0  # a new draft with English strings in it is untranslated
    before = counts("el")["untranslated"]
    translate_every_string(client, translation, "Μεταφρασμένο")
    language_counts = counts("el")
    assert (language_counts["not_sent"], language_counts["untranslated"]) == (1, before - 1)
    assert counts("it")["not_sent"] == 0  # another language's draft is not this one's
    report = client.get(reverse("editorial_translation_status") + "?language=el&state=not_sent")
    with override("el"):  # the Greek editor reads the admin in Greek
        assertContains(report, gettext("Translated, not sent for review"))
    assertContains(report, reverse("wagtailadmin_pages:edit", args=[page.pk]))

    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "editorial-submit-for-review"})
    language_counts = counts("el")
    assert (language_counts["not_sent"], language_counts["in_review"]) == (0, 1)


def test_report_queries_do_not_grow_with_translated_drafts(client, world):
    from tests.editorial.test_journey import start_translation, translate_every_string

    client.force_login(world.coordinator)
    url = reverse("editorial_translation_status") + "?language=el&state=translated"  # the same rows listed throughout
    page, translation = start_translation(client, world, "el")
    client.force_login(world.coordinator)
    client.get(url)
    before = query_count(client, url)
    translate_every_string(client, translation, "Μεταφρασμένο")
    for code in ("it", "ro", "tr"):
        client.force_login(world.editors[code])
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[world.untranslated.pk]),
            {"locales": [world.locales[code].pk]},
        )
    client.force_login(world.coordinator)
    client.get(url)  # the first request of a session costs more
    assert query_count(client, url) == before
    assert counts("el")["not_sent"] == 1
