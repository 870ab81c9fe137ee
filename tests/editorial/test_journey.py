"""The translation journey in the admin: translate into one's language, send for review, publish, keep up to date."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import ContentPage, NavigationMenu
from tests.editorial.conftest import OTHER_LANGUAGES

DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def start_translation(client, world, code):
    """The editor asks for a translation of the untranslated English page into their language."""
    client.force_login(world.editors[code])
    url = reverse("wagtail_localize:submit_page_translation", args=[world.untranslated.pk])
    form = client.get(url)
    assertContains(form, f'value="{world.locales[code].pk}"')
    for other in OTHER_LANGUAGES:
        if other != code:
            assertNotContains(form, f'value="{world.locales[other].pk}"')
    response = client.post(url, {"locales": [world.locales[code].pk]})
    page = world.untranslated.get_translation(world.locales[code])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assertRedirects(response, edit_url, fetch_redirect_response=False)
    translation = Translation.objects.get(
        source__object_id=world.untranslated.translation_key, target_locale=world.locales[code]
    )
    return page, translation


def translate_every_string(client, translation, prefix):
    for segment in translation.source.stringsegment_set.all():
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            f"value={prefix}+{segment.pk}",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201)


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_country_translates_sends_for_review_and_its_moderator_publishes(client, world, code):
    page, translation = start_translation(client, world, code)
    assert not page.live  # a new translation is a draft
    editor_view = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assertContains(editor_view, "editorial-submit-for-review")
    assertNotContains(editor_view, "&quot;canPublish&quot;: true")
    # Not for review while English strings remain: approval would publish them.
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "editorial-submit-for-review"})
    assert not Page.objects.get(pk=page.pk).workflow_in_progress
    translate_every_string(client, translation, f"Tradotto-{code}")

    # The editor may not publish the translation directly.
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    page.refresh_from_db()
    assert not page.live

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "editorial-submit-for-review"}
    )
    assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[page.pk]), fetch_redirect_response=False)
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.get_latest_revision().as_object().title.startswith(f"Tradotto-{code}")

    # Another country's moderator cannot approve it; the country's own moderator can.
    state = page.current_workflow_state
    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    other = "es" if code != "es" else "it"
    client.force_login(world.moderators[other])
    client.post(approve, {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    client.force_login(world.moderators[code])
    dashboard = client.get(reverse("wagtailadmin_home"))
    assertContains(dashboard, page.get_admin_display_title())
    client.post(approve, {"comment": "Good"})
    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert page.title.startswith(f"Tradotto-{code}")
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED


def test_english_edit_makes_translations_out_of_date_and_the_editor_brings_the_new_text_in(client, world):
    english = ContentPage.objects.get(pk=world.sections["en"].pk)
    translation = world.page_translations["el"]
    greek = world.sections["el"]
    english.subtitle = "A new English subtitle"
    english.save_revision().publish()

    client.force_login(world.editors["el"])
    status = client.get(reverse("editorial_translation_status") + "?language=el&state=out_of_date")
    assertContains(status, greek.title)
    editor_view = client.get(reverse("wagtailadmin_pages:edit", args=[greek.pk]))
    assertContains(editor_view, reverse("editorial_update_from_source", args=[translation.pk]))
    assertNotContains(editor_view, "editorial-submit-for-review")  # the new text first

    response = client.post(reverse("editorial_update_from_source", args=[translation.pk]))
    assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[greek.pk]), fetch_redirect_response=False)
    source = TranslationSource.objects.get(pk=translation.source_id)
    assert "A new English subtitle" in source.content_json
    total, done = Translation.objects.get(pk=translation.pk).get_progress()
    assert total - done == 1  # the one new string waits for its translation
    # Still out of date until the new text is translated and published.
    status = client.get(reverse("editorial_translation_status") + "?language=el&state=out_of_date")
    assertContains(status, greek.title)


def test_moderator_publishes_directly_only_a_complete_translation(client, world):
    page, translation = start_translation(client, world, "es")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.force_login(world.moderators["es"])
    client.post(edit, {"action": "publish"})
    assert not Page.objects.get(pk=page.pk).live  # English strings would have gone live
    translate_every_string(client, translation, "Traducido")
    client.post(edit, {"action": "publish"})
    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert page.title.startswith("Traducido")


def test_each_language_shows_its_own_document(client, world):
    """The translation editor lets a country swap the chosen document for one of its own (an override)."""
    greek_page = world.document_sections["el"]
    translation = Translation.objects.get(
        source__object_id=world.document_sections["en"].translation_key, target_locale=world.locales["el"]
    )
    segment = translation.source.overridablesegment_set.get(context__path__endswith=".document")
    greek_document = world.documents["el"]
    client.force_login(world.editors["el"])
    response = client.put(
        reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk]),
        f"value={greek_document.pk}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)
    client.force_login(world.moderators["el"])
    client.post(reverse("wagtailadmin_pages:edit", args=[greek_page.pk]), {"action": "publish"})
    client.logout()
    assertContains(client.get("/el/documents/"), greek_document.url)
    english = client.get("/en/documents/")
    assertNotContains(english, greek_document.url)
    assertContains(english, "leader-topic-outline")  # the English page's own document


def test_po_round_trip(client, world):
    page, translation = start_translation(client, world, "tr")
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response["Content-Type"] == "text/x-gettext-translation"
    po = polib.pofile(response.content.decode())
    assert len(po) > 0
    for entry in po:
        entry.msgstr = f"TR {entry.msgid}"
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("tr.po", str(po).encode(), "text/x-gettext-translation"), "next": edit_url},
    )
    assertRedirects(response, edit_url, fetch_redirect_response=False)
    assert Translation.objects.get(pk=translation.pk).get_progress() == (len(po), len(po))
    assert StringTranslation.objects.filter(locale=world.locales["tr"], data="TR Not translated yet")


def test_machine_translation_in_own_language(client, world, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR
    page, translation = start_translation(client, world, "ro")
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    total, done = Translation.objects.get(pk=translation.pk).get_progress()
    assert done == total


def test_editor_edits_own_languages_navigation_only(client, world):
    client.force_login(world.editors["it"])
    own = NavigationMenu.objects.get(locale=world.locales["it"])
    edit = reverse(NavigationMenu.snippet_viewset.get_url_name("edit"), args=[own.pk])
    assert client.get(edit).status_code == 200  # wagtail-localize's translation editor
    translation = Translation.objects.get(source__object_id=own.translation_key, target_locale=world.locales["it"])
    segment = translation.source.stringsegment_set.first()
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=Casa",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200


def test_translate_form_explains_when_nothing_is_left_to_translate(client, world):
    client.force_login(world.editors["it"])
    response = client.get(
        reverse("wagtail_localize:submit_page_translation", args=[world.sections["en"].pk]), follow=True
    )
    with translation.override("it"):  # the editor reads the admin in Italian
        assertContains(response, gettext("This is already translated into every language you work in."))


def test_converting_a_translation_to_an_alias_publishes_so_it_is_for_moderators(client, world):
    page = world.sections["tr"]
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    client.force_login(world.editors["tr"])
    assertRedirects(client.post(url), reverse("wagtailadmin_home"), fetch_redirect_response=False)
    assert Page.objects.get(pk=page.pk).alias_of_id is None
    client.force_login(world.moderators["tr"])
    client.post(url)
    assert Page.objects.get(pk=page.pk).alias_of_id == world.sections["en"].pk


def test_sync_of_every_language_is_for_coordinators(client, world):
    source = world.page_translations["it"].source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    client.force_login(world.editors["it"])
    assertRedirects(client.get(url), reverse("wagtailadmin_home"), fetch_redirect_response=False)
    client.force_login(world.coordinator)
    assert client.get(url).status_code == 200


def test_coordinator_translates_into_every_language(client, world):
    client.force_login(world.coordinator)
    url = reverse("wagtail_localize:submit_page_translation", args=[world.untranslated.pk])
    client.post(url, {"locales": [world.locales[code].pk for code in OTHER_LANGUAGES]})
    languages = Page.objects.filter(translation_key=world.untranslated.translation_key).values_list(
        "locale__language_code", flat=True
    )
    assert set(languages) == {"en", *OTHER_LANGUAGES}


def test_moderator_asks_for_changes_and_the_editor_sends_the_translation_again(client, world):
    page = world.sections["el"]
    translation = world.page_translations["el"]
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.force_login(world.editors["el"])
    client.post(edit, {"action": "editorial-submit-for-review"})
    state = Page.objects.get(pk=page.pk).current_workflow_state
    task_state = state.current_task_state

    client.force_login(world.moderators["el"])
    reject = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    client.post(reject, {"comment": "Please check the title"})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(world.editors["el"])
    assertContains(client.get(edit), "editorial-submit-for-review")
    segment = translation.source.stringsegment_set.order_by("order").first()
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=Corrected",
        content_type="application/x-www-form-urlencoded",
    )
    client.post(edit, {"action": "editorial-submit-for-review"})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1
