"""The demo command: the full outline in six languages, made through wagtail-localize (running it twice:
tests/demo_reload)."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, ReferenceIndex
from wagtail_localize.models import Translation, TranslationSource

from home.models import ContentPage, Footer, HomePage, NavigationMenu
from tests.utils import DEMO_PATHS, LANGUAGE_CODES, SECTION_SLUGS, TRUST_SLUGS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_outline_exists_in_every_language_with_shared_slugs(code):
    home = HomePage.objects.live().get(locale__language_code=code)
    assert list(ContentPage.objects.child_of(home).live().in_menu().values_list("slug", flat=True)) == SECTION_SLUGS


def test_translations_are_linked_to_their_english_source():
    english_pages = ContentPage.objects.filter(locale__language_code="en")
    assert english_pages.count() == len(SECTION_SLUGS) + len(TRUST_SLUGS)
    for english in english_pages:
        source = TranslationSource.objects.get(object_id=english.translation_key)
        translations = Translation.objects.filter(source=source, enabled=True)
        targets = set(translations.values_list("target_locale__language_code", flat=True))
        assert targets == set(LANGUAGE_CODES[1:])
        for code in LANGUAGE_CODES[1:]:
            translated = english.get_translation(Locale.objects.get(language_code=code))
            assert translated.slug == english.slug
            assert translated.title != english.title
            assert str(translated.body) != str(english.body)


@pytest.mark.parametrize("code", LANGUAGE_CODES[1:])
def test_pages_are_real_translations_not_copies(code):
    english = {page.slug: page.title for page in ContentPage.objects.filter(locale__language_code="en")}
    translated = ContentPage.objects.filter(locale__language_code=code)
    assert translated.count() == len(english)
    for page in translated:
        assert page.title != english[page.slug], page.slug


def test_snippets_exist_in_every_language():
    for model in (NavigationMenu, Footer):
        assert set(model.objects.values_list("locale__language_code", flat=True)) == set(LANGUAGE_CODES)


def test_image_alt_text_is_translated():
    alts = {
        page.locale.language_code: next(b.value["alt_text"] for b in page.body if b.block_type == "image")
        for page in ContentPage.objects.filter(slug="introduction").select_related("locale")
    }
    assert len(set(alts.values())) == len(LANGUAGE_CODES)


def test_sitemap_lists_every_demo_page_in_every_language(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    listed = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", response.text)]
    assert sorted(listed) == sorted(DEMO_PATHS)


def test_demo_superuser():
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert user.check_password("leader-demo")


def test_references_are_indexed_for_the_admin():
    """The demo indexes references once at the end: the admin's usage of each page and image must be there."""
    image = next(
        b.value["image"]
        for b in ContentPage.objects.get(locale__language_code="el", slug="introduction").body
        if b.block_type == "image"
    )
    using_image = {reference.object_id for reference in ReferenceIndex.get_references_to(image)}
    introductions = ContentPage.objects.filter(slug="introduction").values_list("pk", flat=True)
    assert {str(pk) for pk in introductions} <= using_image
    # Translations keep the source's choices: every language's navigation links name the English framework page.
    framework = HomePage.objects.get(locale__language_code="en").get_children().get(slug="framework")
    navigations = {str(pk) for pk in NavigationMenu.objects.values_list("pk", flat=True)}
    assert navigations <= {reference.object_id for reference in ReferenceIndex.get_references_to(framework)}
