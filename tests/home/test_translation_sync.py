"""Fields every translation shares with its source: hiding a section in English hides it in every language."""

import pytest
from wagtail.models import Page, Site
from wagtail_localize.models import Translation

from home.factories import ContentPageFactory, HomePageFactory, LocaleFactory, translate
from tests.utils import LANGUAGE_CODES, on_commit_executed

pytestmark = pytest.mark.django_db


def test_hiding_a_section_in_english_hides_it_in_every_language_once_synchronised(client):
    locales = {code: LocaleFactory(language_code=code) for code in LANGUAGE_CODES}
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=locales["en"], slug="portal")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    section = ContentPageFactory(parent=home, locale=locales["en"], title="Open platform", slug="open-platform")
    with on_commit_executed():
        for code in LANGUAGE_CODES[1:]:
            translate(home, locales[code])
            translate(section, locales[code])
    for code in LANGUAGE_CODES:
        assert f'href="/{code}/open-platform/"' in client.get(f"/{code}/").content.decode(), code

    section.show_in_menus = False
    section.save_revision().publish()
    # What the admin's "Sync translated pages" does: take the source's text in, then write every translation again.
    with on_commit_executed():
        for translation in Translation.objects.filter(source__object_id=section.translation_key):
            translation.source.update_from_db()
            translation.save_target(publish=True)

    for code in LANGUAGE_CODES:
        assert section.get_translation(locales[code]).show_in_menus is False, code
        assert f'href="/{code}/open-platform/"' not in client.get(f"/{code}/").content.decode(), code
