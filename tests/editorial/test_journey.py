"""The translation journey in the admin: translate into one's language, send for review, publish, keep up to date."""

import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import ContentPage, NavigationMenu
from tests.editorial.base import OTHER_LANGUAGES, EditorialTestCase

DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


class TranslationJourneyTests(EditorialTestCase):
    def start_translation(self, code):
        """The editor asks for a translation of the untranslated English page into their language."""
        self.login(self.editors[code])
        url = reverse("wagtail_localize:submit_page_translation", args=[self.untranslated.pk])
        form = self.client.get(url)
        self.assertContains(form, f'value="{self.locales[code].pk}"')
        for other in OTHER_LANGUAGES:
            if other != code:
                self.assertNotContains(form, f'value="{self.locales[other].pk}"')
        response = self.client.post(url, {"locales": [self.locales[code].pk]})
        page = self.untranslated.get_translation(self.locales[code])
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        self.assertRedirects(response, edit_url, fetch_redirect_response=False)
        translation = Translation.objects.get(
            source__object_id=self.untranslated.translation_key, target_locale=self.locales[code]
        )
        return page, translation

    def translate_every_string(self, translation, prefix):
        for segment in translation.source.stringsegment_set.all():
            response = self.client.put(
                reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
                f"value={prefix}+{segment.pk}",
                content_type="application/x-www-form-urlencoded",
            )
            self.assertIn(response.status_code, (200, 201))

    def test_every_country_translates_sends_for_review_and_its_moderator_publishes(self):
        for code in OTHER_LANGUAGES:
            with self.subTest(code=code):
                page, translation = self.start_translation(code)
                self.assertFalse(page.live)  # a new translation is a draft
                editor_view = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
                self.assertContains(editor_view, "editorial-submit-for-review")
                self.assertNotContains(editor_view, "&quot;canPublish&quot;: true")
                # Not for review while English strings remain: approval would publish them.
                self.client.post(
                    reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "editorial-submit-for-review"}
                )
                self.assertFalse(Page.objects.get(pk=page.pk).workflow_in_progress)
                self.translate_every_string(translation, f"Tradotto-{code}")

                # The editor may not publish the translation directly.
                self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
                page.refresh_from_db()
                self.assertFalse(page.live)

                response = self.client.post(
                    reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "editorial-submit-for-review"}
                )
                self.assertRedirects(
                    response, reverse("wagtailadmin_pages:edit", args=[page.pk]), fetch_redirect_response=False
                )
                page.refresh_from_db()
                self.assertTrue(page.workflow_in_progress)
                self.assertTrue(page.get_latest_revision().as_object().title.startswith(f"Tradotto-{code}"))

                # Another country's moderator cannot approve it; the country's own moderator can.
                state = page.current_workflow_state
                task_state = state.current_task_state
                approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
                other = "es" if code != "es" else "it"
                self.login(self.moderators[other])
                self.client.post(approve, {"comment": ""})
                page.refresh_from_db()
                self.assertFalse(page.live)

                self.login(self.moderators[code])
                dashboard = self.client.get(reverse("wagtailadmin_home"))
                self.assertContains(dashboard, page.get_admin_display_title())
                self.client.post(approve, {"comment": "Good"})
                page = Page.objects.get(pk=page.pk)
                self.assertTrue(page.live)
                self.assertTrue(page.title.startswith(f"Tradotto-{code}"))
                self.assertEqual(WorkflowState.objects.get(pk=state.pk).status, WorkflowState.STATUS_APPROVED)

    def test_english_edit_makes_translations_out_of_date_and_the_editor_brings_the_new_text_in(self):
        english = ContentPage.objects.get(pk=self.sections["en"].pk)
        translation = self.page_translations["el"]
        english.subtitle = "A new English subtitle"
        english.save_revision().publish()

        self.login(self.editors["el"])
        status = self.client.get(reverse("editorial_translation_status") + "?language=el&state=out_of_date")
        self.assertContains(status, self.sections["el"].title)
        editor_view = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.sections["el"].pk]))
        self.assertContains(editor_view, reverse("editorial_update_from_source", args=[translation.pk]))
        self.assertNotContains(editor_view, "editorial-submit-for-review")  # the new text first

        response = self.client.post(reverse("editorial_update_from_source", args=[translation.pk]))
        self.assertRedirects(
            response, reverse("wagtailadmin_pages:edit", args=[self.sections["el"].pk]), fetch_redirect_response=False
        )
        source = TranslationSource.objects.get(pk=translation.source_id)
        self.assertIn("A new English subtitle", source.content_json)
        total, done = Translation.objects.get(pk=translation.pk).get_progress()
        self.assertEqual(total - done, 1)  # the one new string waits for its translation
        # Still out of date until the new text is translated and published.
        status = self.client.get(reverse("editorial_translation_status") + "?language=el&state=out_of_date")
        self.assertContains(status, self.sections["el"].title)

    def test_moderator_publishes_directly_only_a_complete_translation(self):
        page, translation = self.start_translation("es")
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        self.login(self.moderators["es"])
        self.client.post(edit, {"action": "publish"})
        self.assertFalse(Page.objects.get(pk=page.pk).live)  # English strings would have gone live
        self.translate_every_string(translation, "Traducido")
        self.client.post(edit, {"action": "publish"})
        page = Page.objects.get(pk=page.pk)
        self.assertTrue(page.live)
        self.assertTrue(page.title.startswith("Traducido"))

    def test_each_language_shows_its_own_document(self):
        """The translation editor lets a country swap the chosen document for one of its own (an override)."""
        greek_page = self.document_sections["el"]
        translation = Translation.objects.get(
            source__object_id=self.document_sections["en"].translation_key, target_locale=self.locales["el"]
        )
        segment = translation.source.overridablesegment_set.get(context__path__endswith=".document")
        greek_document = self.documents["el"]
        self.login(self.editors["el"])
        response = self.client.put(
            reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk]),
            f"value={greek_document.pk}",
            content_type="application/x-www-form-urlencoded",
        )
        self.assertIn(response.status_code, (200, 201))
        self.login(self.moderators["el"])
        self.client.post(reverse("wagtailadmin_pages:edit", args=[greek_page.pk]), {"action": "publish"})
        self.client.logout()
        self.assertContains(self.client.get("/el/documents/"), greek_document.url)
        english = self.client.get("/en/documents/")
        self.assertNotContains(english, greek_document.url)
        self.assertContains(english, "leader-topic-outline")

    def test_po_round_trip(self):
        page, translation = self.start_translation("tr")
        response = self.client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
        self.assertEqual(response["Content-Type"], "text/x-gettext-translation")
        po = polib.pofile(response.content.decode())
        self.assertTrue(len(po) > 0)
        for entry in po:
            entry.msgstr = f"TR {entry.msgid}"
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = self.client.post(
            reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
            {"file": SimpleUploadedFile("tr.po", str(po).encode(), "text/x-gettext-translation"), "next": edit_url},
        )
        self.assertRedirects(response, edit_url, fetch_redirect_response=False)
        self.assertEqual(Translation.objects.get(pk=translation.pk).get_progress(), (len(po), len(po)))
        self.assertTrue(StringTranslation.objects.filter(locale=self.locales["tr"], data="TR Not translated yet"))

    @override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
    def test_machine_translation_in_own_language(self):
        page, translation = self.start_translation("ro")
        self.client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
        total, done = Translation.objects.get(pk=translation.pk).get_progress()
        self.assertEqual(done, total)

    def test_editor_edits_own_languages_navigation_only(self):
        self.login(self.editors["it"])
        own = NavigationMenu.objects.get(locale=self.locales["it"])
        edit = reverse(NavigationMenu.snippet_viewset.get_url_name("edit"), args=[own.pk])
        self.assertEqual(self.client.get(edit).status_code, 200)  # wagtail-localize's translation editor
        translation = Translation.objects.get(source__object_id=own.translation_key, target_locale=self.locales["it"])
        segment = translation.source.stringsegment_set.first()
        response = self.client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            "value=Casa",
            content_type="application/x-www-form-urlencoded",
        )
        self.assertEqual(response.status_code, 200)

    def test_translate_form_explains_when_nothing_is_left_to_translate(self):
        self.login(self.editors["it"])
        response = self.client.get(
            reverse("wagtail_localize:submit_page_translation", args=[self.sections["en"].pk]), follow=True
        )
        self.assertContains(response, "already translated into every language you work in")

    def test_converting_a_translation_to_an_alias_publishes_so_it_is_for_moderators(self):
        page = self.sections["tr"]
        url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
        self.login(self.editors["tr"])
        self.assertRedirects(self.client.post(url), reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertIsNone(Page.objects.get(pk=page.pk).alias_of_id)
        self.login(self.moderators["tr"])
        self.client.post(url)
        self.assertEqual(Page.objects.get(pk=page.pk).alias_of_id, self.sections["en"].pk)

    def test_sync_of_every_language_is_for_coordinators(self):
        source = self.page_translations["it"].source
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        self.login(self.editors["it"])
        self.assertRedirects(self.client.get(url), reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.login(self.coordinator)
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_coordinator_translates_into_every_language(self):
        self.login(self.coordinator)
        url = reverse("wagtail_localize:submit_page_translation", args=[self.untranslated.pk])
        self.client.post(url, {"locales": [self.locales[code].pk for code in OTHER_LANGUAGES]})
        self.assertEqual(
            set(
                Page.objects.filter(translation_key=self.untranslated.translation_key).values_list(
                    "locale__language_code", flat=True
                )
            ),
            {"en", *OTHER_LANGUAGES},
        )


class ReviewRoundTripTests(EditorialTestCase):
    def test_moderator_asks_for_changes_and_the_editor_sends_the_translation_again(self):
        page = self.sections["el"]
        translation = self.page_translations["el"]
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        self.login(self.editors["el"])
        self.client.post(edit, {"action": "editorial-submit-for-review"})
        state = Page.objects.get(pk=page.pk).current_workflow_state
        task_state = state.current_task_state

        self.login(self.moderators["el"])
        reject = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
        self.client.post(reject, {"comment": "Please check the title"})
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)

        self.login(self.editors["el"])
        self.assertContains(self.client.get(edit), "editorial-submit-for-review")
        segment = translation.source.stringsegment_set.order_by("order").first()
        self.client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            "value=Corrected",
            content_type="application/x-www-form-urlencoded",
        )
        self.client.post(edit, {"action": "editorial-submit-for-review"})
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(WorkflowState.objects.filter(object_id=str(page.pk)).count(), 1)
