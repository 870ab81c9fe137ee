"""The demo command is safe to run again: a second run changes nothing, and makes a superuser only when asked.

Not on the six-language demo of tests/demo (loading it twice would double the longest part of the suite): on the
demo in English and Greek, loaded twice inside this test's transaction. The command handles every language with
the same loop, so a second language covers the re-run of the translations; tests/demo checks the six languages.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from home.models import Footer, NavigationMenu
from tests.utils import load_demo

TWO_LANGUAGES = [("en", "English"), ("el", "Ελληνικά")]


@override_settings(LANGUAGES=TWO_LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=TWO_LANGUAGES)
def test_loading_again_changes_nothing_and_makes_a_superuser_only_when_asked(db):
    User = get_user_model()
    first = load_demo(superuser=True)
    assert "Demo superuser created" in first
    # Only English and Greek pages, every English page translated (the editorial setup makes all six locales).
    pages = Page.objects.filter(depth__gt=1)
    assert set(pages.values_list("locale__language_code", flat=True)) == {"en", "el"}
    assert pages.filter(locale__language_code="el").count() == pages.filter(locale__language_code="en").count()
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
    assert counts() == before
    assert "Demo superuser created" not in output
    assert not User.objects.filter(username="admin").exists()
