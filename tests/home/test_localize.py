"""One rule for chosen objects: their translation in the reader's language, else themselves while live, else nothing."""

import pytest
from wagtail.models import Page

from cms_framework.factories import CompetenceFactory, FrameworkAreaPageFactory, FrameworkPageFactory
from home.factories import ContentPageFactory, HomePageFactory, LocaleFactory, translate
from home.i18n import localize, localize_each
from tests.utils import on_commit_executed

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    english, italian = LocaleFactory(language_code="en"), LocaleFactory(language_code="it")
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=english, slug="portal")
    translated = ContentPageFactory(parent=home, locale=english, title="Translated", slug="translated")
    untranslated = ContentPageFactory(parent=home, locale=english, title="Only English", slug="only-english")
    with on_commit_executed():
        translate(home, italian)
        italian_page = translate(translated, italian)
    return {
        "home": home,
        "italian": italian,
        "translated": translated,
        "untranslated": untranslated,
        "italian_page": italian_page,
    }


def test_a_translated_page_is_shown_in_the_readers_language(tree):
    assert localize([tree["translated"]], "it") == [tree["italian_page"]]


def test_an_untranslated_live_page_stays_in_its_own_language(tree):
    assert localize([tree["untranslated"], tree["translated"]], "it") == [tree["untranslated"], tree["italian_page"]]


def test_a_page_that_is_not_live_is_left_out_unless_its_translation_is_live(tree):
    tree["untranslated"].unpublish()
    tree["translated"].unpublish()
    chosen = [Page.objects.get(pk=tree["untranslated"].pk), Page.objects.get(pk=tree["translated"].pk)]
    assert [page.pk for page in localize(chosen, "it")] == [tree["italian_page"].pk]
    assert [None if page is None else page.pk for page in localize_each([p.pk for p in chosen], "it")] == [
        None,
        tree["italian_page"].pk,
    ]


def test_page_ids_keep_their_order_and_cost_one_query(tree, django_assert_num_queries):
    ids = [tree["untranslated"].pk, tree["translated"].pk, tree["untranslated"].pk]
    with django_assert_num_queries(1):
        pages = localize(ids, "it")
    assert [page.pk for page in pages] == [tree["untranslated"].pk, tree["italian_page"].pk, tree["untranslated"].pk]


def test_objects_that_are_not_pages_follow_the_same_rule(tree):
    framework = FrameworkPageFactory(parent=tree["home"], locale=tree["home"].locale)
    area = FrameworkAreaPageFactory(parent=framework, locale=tree["home"].locale, code="A1")
    translated = CompetenceFactory(area=area, code="A1.1", title="Knowing oneself")
    with on_commit_executed():
        translate(framework, tree["italian"])
        italian_area = translate(area, tree["italian"])
    only_english = CompetenceFactory(area=area, code="A1.2", title="Only in English")  # added after the translation
    italian = italian_area.competences.get(code="A1.1")
    assert italian.translation_key == translated.translation_key
    assert localize([translated, only_english], "it") == [italian, only_english]
