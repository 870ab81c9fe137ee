"""Sending a translation for review from the translation editor: the server's check, the progress the panel
follows, and the editor's main action."""

import json
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext, override
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from editorial.progress import translation_progress
from tests.editorial.test_journey import start_translation, translate_every_string

SUBMIT = {"action": "editorial-submit-for-review"}


def read_in(code, message, **params):
    """A message as the editors of `code` read it: the demo's partners have their country's language in the admin."""
    with override(code):
        text = gettext(message)
    return text % params if params else text


def segments(translation):
    return list(translation.source.stringsegment_set.select_related("context").order_by("order"))


def save_string(client, translation, segment, value):
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        f"value={value}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def main_action(html):
    """The main action of our footer: the element marked data-editorial-main-action."""
    footer = html[html.index("data-editorial-footer") :]
    match = re.search(r"<(a|button)\b[^>]*data-editorial-main-action[^>]*>(.*?)</\1>", footer, re.S)
    assert match, "the footer has a main action"
    return re.sub(r"<svg.*?</svg>|\s+", " ", match.group(2), flags=re.S).strip()


def test_incomplete_translation_is_not_sent_and_the_message_says_what_is_missing(client, world):
    page, translation = start_translation(client, world, "el")
    strings = segments(translation)
    save_string(client, translation, strings[0], "Δεν έχει μεταφραστεί ακόμη")  # the title; the rest is left
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.post(edit, SUBMIT)

    assertRedirects(response, edit, fetch_redirect_response=False)  # the translator stays on the editor
    assert not Page.objects.get(pk=page.pk).workflow_in_progress
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    remaining = len(strings) - 1
    message = messages_of(response)[-1]
    assert message.startswith(read_in("el", "The page was not sent for review."))
    assert f" {remaining} " in message
    with override("el"):  # the fields are named as the Greek editor reads them
        progress = translation_progress(translation)
    assert progress.remaining == remaining
    assert progress.fields() in message
    assert read_in("el", "Title") + "," not in message  # the title was translated; only the missing fields are named


def untranslate(translation, segments_to_forget):
    """Take the target language's translations of some strings away, as new source text would."""
    for segment in segments_to_forget:
        StringTranslation.objects.filter(
            translation_of_id=segment.string_id, context_id=segment.context_id, locale_id=translation.target_locale_id
        ).delete()


def test_missing_fields_are_named_as_the_editor_heads_them(world):
    # The Greek "documents" page: title, subtitle, summary, and a document block with a title and a description.
    translation = Translation.objects.get(
        source__object_id=world.document_sections["en"].translation_key, target_locale=world.locales["el"]
    )
    strings = {segment.context.get_field_path(None): segment for segment in segments(translation)}
    assert translation_progress(translation).complete
    forgotten = ("subtitle", "body.document.title", "body.document.description")
    untranslate(translation, [strings[path] for path in forgotten])

    progress = translation_progress(translation)

    assert (progress.total, progress.done) == translation.get_progress() == (5, 2)
    assert dict(progress.missing) == {"Subtitle": 1, "Document (Title)": 1, "Document (Description)": 1}
    assert progress.missing_sentence() == (
        "3 strings are not translated yet: Subtitle, Document (Title), Document (Description)."
    )


def test_a_field_with_several_missing_strings_is_counted(world):
    translation = world.page_translations["el"]
    strings = segments(translation)
    untranslate(translation, strings)
    progress = translation_progress(translation)
    assert progress.fields() == "Title, Subtitle, Summary"
    progress.missing["Summary"] += 1  # as a list block's items would
    assert progress.fields() == "Title, Subtitle, Summary ×2"


def test_complete_translation_starts_the_review(client, world):
    page, translation = start_translation(client, world, "tr")
    translate_every_string(client, translation, "Çevrildi")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.post(edit, SUBMIT)

    assertRedirects(response, edit, fetch_redirect_response=False)
    page = Page.objects.get(pk=page.pk)
    assert page.workflow_in_progress
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    sent = read_in("tr", "'%(title)s' in %(language)s has been sent for review.").rsplit("%(language)s", 1)[-1]
    assert messages_of(response)[-1].endswith(sent)


def test_incomplete_translation_is_not_published_either(client, world):
    page, translation = start_translation(client, world, "es")
    client.force_login(world.moderators["es"])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    assert not Page.objects.get(pk=page.pk).live
    message = messages_of(response)[-1]
    assert message.startswith(read_in("es", "The page was not published."))
    with override("es"):
        assert translation_progress(translation).fields() in message


def test_progress_view_follows_each_saved_string(client, world):
    page, translation = start_translation(client, world, "ro")
    url = reverse("editorial_translation_progress", args=[translation.pk])
    strings = segments(translation)
    first = client.get(url).json()
    assert (first["done"], first["total"], first["complete"]) == (0, len(strings), False)
    progress = "%(done)s of %(total)s strings translated into %(language)s."
    assert first["summary"] == read_in("ro", progress, done=0, total=len(strings), language="Română")
    for index, segment in enumerate(strings, start=1):
        save_string(client, translation, segment, f"Tradus {index}")
        answer = client.get(url).json()
        assert answer["done"] == index
    assert answer["complete"] is True
    assert answer["missing"] == ""


def test_progress_view_is_for_those_who_may_edit_the_translation(client, world):
    translation = world.page_translations["it"]
    url = reverse("editorial_translation_progress", args=[translation.pk])
    client.force_login(world.editors["es"])
    assert client.get(url).status_code == 403
    client.force_login(world.editors["it"])
    assert client.get(url).status_code == 200
    # (Django's LocaleMiddleware first tries the address under a language prefix, as for every 404 of the admin.)
    assert client.get(reverse("editorial_translation_progress", args=[999_999]), follow=True).status_code == 404
    assert client.post(url).status_code == 405


def test_panel_shows_the_progress_and_the_button_is_enabled(client, world):
    page, translation = start_translation(client, world, "it")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = response.content.decode()
    assertContains(response, reverse("editorial_translation_progress", args=[translation.pk]))
    assertContains(response, "editorial/js/translation-progress.js")
    assertContains(response, "editorial/css/translation-editor.css")  # hides wagtail-localize's footer
    assertContains(response, "editorial-page-translation")
    assert main_action(html) == read_in("it", "Send for review")
    button = re.search(r"<button[^>]*value=\"editorial-submit-for-review\"[^>]*>", html).group(0)
    assert "disabled" not in button  # the server checks; the translator learns what is missing
    with override("it"):
        missing = translation_progress(translation).missing_sentence()
    assertContains(response, escape(missing))


def test_main_action_after_sending_for_review_is_not_delete(client, world):
    page, translation = start_translation(client, world, "el")
    translate_every_string(client, translation, "Μεταφρασμένο")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    before = client.get(edit).content.decode()
    # wagtail-localize would offer Delete to this editor (the owner of an unpublished page).
    props = json.loads(re.search(r'data-props="([^"]*)"', before).group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert props["perms"]["canDelete"] is True
    client.post(edit, SUBMIT)
    assert Page.objects.get(pk=page.pk).workflow_in_progress

    html = client.get(edit).content.decode()

    assert main_action(html) == read_in("el", "Translation status")
    assertNotContains(client.get(edit), 'value="editorial-submit-for-review"')
    assert read_in("el", "This translation is in review: the moderators will publish it or send it back.") in html
    footer = html[html.index("data-editorial-footer") :]
    assert f'href="{reverse("wagtailadmin_pages:delete", args=[page.pk])}"' in footer  # still there, in the menu
    assert read_in("el", "Convert to alias page") not in footer  # refused to editors (it publishes)


def test_moderator_main_action_is_publish(client, world):
    client.force_login(world.moderators["tr"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[world.sections["tr"].pk])).content.decode()
    assert main_action(html) == read_in("tr", "Publish in %(language)s", language="Türkçe")
    assert read_in("tr", "Convert to alias page") in html[html.index("data-editorial-footer") :]


@pytest.mark.parametrize("code", ["it", "el"])
def test_snippets_keep_wagtail_localizes_footer(client, world, code):
    from home.models import NavigationMenu

    client.force_login(world.editors[code])
    menu = NavigationMenu.objects.get(locale=world.locales[code])
    response = client.get(reverse(NavigationMenu.snippet_viewset.get_url_name("edit"), args=[menu.pk]))
    assert response.status_code == 200
    assertNotContains(response, "data-editorial-footer")
    assertNotContains(response, "editorial-page-translation")


def test_the_missing_sentence_is_in_the_translators_language(world):
    translation = world.page_translations["el"]
    untranslate(translation, segments(translation))
    progress = translation_progress(translation)
    with override("el"):
        sentence = progress.missing_sentence()
    assert sentence.startswith("3 κείμενα δεν έχουν μεταφραστεί ακόμη: ")
    with override("tr"):
        assert progress.summary("Türkçe") == "3 metinden 0 tanesi Türkçe diline çevrildi."
