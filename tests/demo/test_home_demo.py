"""The demo command: the full outline in six languages, made through wagtail-localize, safe to run twice."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import ContentPage, Footer, HomePage, NavigationMenu
from tests.utils import LANGUAGE_CODES, SECTION_SLUGS, load_demo


class LoadDemoTests(TestCase):
    """The demo is loaded once for the whole session (tests/conftest.py), as `load_demo --superuser`."""

    def test_outline_exists_in_every_language_with_shared_slugs(self):
        for code in LANGUAGE_CODES:
            with self.subTest(code=code):
                home = HomePage.objects.live().get(locale__language_code=code)
                slugs = list(ContentPage.objects.child_of(home).live().values_list("slug", flat=True))
                self.assertEqual(slugs, SECTION_SLUGS)

    def test_translations_are_linked_to_their_english_source(self):
        for english in ContentPage.objects.filter(locale__language_code="en"):
            source = TranslationSource.objects.get(object_id=english.translation_key)
            targets = set(
                Translation.objects.filter(source=source, enabled=True).values_list(
                    "target_locale__language_code", flat=True
                )
            )
            self.assertEqual(targets, set(LANGUAGE_CODES[1:]))
            for code in LANGUAGE_CODES[1:]:
                translated = english.get_translation(Locale.objects.get(language_code=code))
                self.assertEqual(translated.slug, english.slug)
                self.assertNotEqual(translated.title, english.title)
                self.assertNotEqual(str(translated.body), str(english.body))

    def test_snippets_exist_in_every_language(self):
        for model in (NavigationMenu, Footer):
            codes = set(model.objects.values_list("locale__language_code", flat=True))
            self.assertEqual(codes, set(LANGUAGE_CODES))

    def test_image_alt_text_is_translated(self):
        alts = {
            page.locale.language_code: next(b.value["alt_text"] for b in page.body if b.block_type == "image")
            for page in ContentPage.objects.filter(slug="introduction").select_related("locale")
        }
        self.assertEqual(len(set(alts.values())), len(LANGUAGE_CODES))

    def test_loading_again_changes_nothing_and_makes_a_superuser_only_when_asked(self):
        User = get_user_model()
        User.objects.filter(username="admin").delete()

        def counts():
            return (
                Page.objects.count(),
                NavigationMenu.objects.count(),
                Footer.objects.count(),
                StringTranslation.objects.count(),
                User.objects.count(),
                Group.objects.count(),
            )

        before = counts()
        output = load_demo(superuser=False)
        self.assertEqual(counts(), before)
        self.assertNotIn("Demo superuser created", output)
        self.assertFalse(User.objects.filter(username="admin").exists())

    def test_demo_superuser(self):
        user = get_user_model().objects.get(username="admin")
        self.assertTrue(user.is_superuser)
        self.assertTrue(user.check_password("leader-demo"))
