"""Every country's editor, against every other country's language, through every way the admin offers.

One test per (action, editor's country, other language): 15 actions × 30 ordered pairs. Each attack is made with the
admin's real views and forms, and checked by what it would have changed, not by the status code alone; the tests in
test_own_language.py show the same requests succeed in the editor's own language.
"""

from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation

from home.models import Footer, NavigationMenu
from tests.editorial.base import EditorialTestCase, png_upload
from tests.utils import LANGUAGE_CODES

PAIRS = [(actor, target) for actor in LANGUAGE_CODES for target in LANGUAGE_CODES if actor != target]


def create_page(case, actor, target):
    home = case.homes[target]
    url = reverse("wagtailadmin_pages:add", args=["home", "contentpage", home.pk])
    data = {"title": "Intruder", "slug": "intruder", "action-publish": "publish"}
    case.client.post(url, {**data, **empty_body()})
    case.assertFalse(Page.objects.filter(slug="intruder").exists())


def edit_and_publish_page(case, actor, target):
    page = case.page_targets[target]
    before = (page.latest_revision_id, page.title, page.live)
    response = case.client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Intruder", "slug": page.slug, "action-publish": "publish", **empty_body()},
    )
    page.refresh_from_db()
    case.assertEqual((page.latest_revision_id, page.title, page.live), before)
    case.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)


def publish_translation(case, actor, target):
    """The translation editor's own "Publish in <language>" button, and the bulk "Publish" of the page explorer."""
    page = case.page_targets[target]
    before = (page.latest_revision_id, page.last_published_at)
    response = case.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    case.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
    case.client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}")
    page.refresh_from_db()
    case.assertEqual((page.latest_revision_id, page.last_published_at), before)


def unpublish_page(case, actor, target):
    page = case.page_targets[target]
    case.client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {})
    case.client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"]) + f"?id={page.pk}", {})
    page.refresh_from_db()
    case.assertTrue(page.live)


def move_page(case, actor, target):
    """Neither their page into the other tree, nor the other language's page into theirs."""
    own_section = case.sections[actor]
    other = case.page_targets[target]
    case.client.post(reverse("wagtailadmin_pages:move_confirm", args=[own_section.pk, case.homes[target].pk]))
    case.client.post(reverse("wagtailadmin_pages:move_confirm", args=[other.pk, case.homes[actor].pk]))
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
    case.client.post(f"{bulk}?id={own_section.pk}", {"chooser": case.homes[target].pk})
    case.client.post(f"{bulk}?id={other.pk}", {"chooser": case.homes[actor].pk})
    own_section.refresh_from_db()
    other.refresh_from_db()
    case.assertTrue(own_section.is_child_of(case.homes[actor]))
    case.assertEqual(other.locale_id, case.locales[target].pk)
    case.assertFalse(other.get_ancestors().filter(pk=case.homes[actor].pk).exists())


def copy_into(case, actor, target):
    own_section = case.sections[actor]
    destination = case.homes[target]
    case.client.post(
        reverse("wagtailadmin_pages:copy", args=[own_section.pk]),
        {"new_title": "Copied", "new_slug": "copied-in", "new_parent_page": destination.pk, "copy_subpages": False},
    )
    case.assertFalse(Page.objects.filter(slug="copied-in").exists())


def delete_page(case, actor, target):
    page = case.page_targets[target]
    case.client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    case.client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={page.pk}")
    case.assertTrue(Page.objects.filter(pk=page.pk).exists())


def translate_page(case, actor, target):
    """wagtail-localize's "Translate this page", the hole this portal closes: into another country's language."""
    # Into English: a page of a partner language with no English version yet (the Italian one has one).
    source = case.untranslated if target != "en" else case.local_pages["ro" if actor == "it" else actor]
    url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    form = case.client.get(url)
    case.assertNotIn(f'value="{case.locales[target].pk}"', form.content.decode())
    case.client.post(url, {"locales": [case.locales[target].pk]})
    case.assertFalse(Page.objects.filter(translation_key=source.translation_key, locale=case.locales[target]).exists())


def translate_snippet(case, actor, target):
    english_footer = Footer.objects.get(locale=case.locales["en"])
    source = english_footer if target != "en" else Footer.objects.get(locale=case.locales[actor])
    Footer.objects.filter(locale=case.locales[target]).delete()
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "footer", source.pk])
    case.client.post(url, {"locales": [case.locales[target].pk]})
    case.assertFalse(Footer.objects.filter(locale=case.locales[target]).exists())


def translation_editor_strings(case, actor, target):
    """The translation editor's segment API and its PO upload, on a page and on the navigation menu."""
    translation = case.page_translations[target]
    segment = translation.source.stringsegment_set.first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = case.client.put(url, "value=Intruder", content_type="application/x-www-form-urlencoded")
    case.assertEqual(response.status_code, 403)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Intruder"
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    from django.core.files.uploadedfile import SimpleUploadedFile

    case.client.post(upload, {"file": SimpleUploadedFile("x.po", str(po).encode(), "text/x-gettext-translation")})
    if target != "en":
        nav_translation = Translation.objects.get(
            source__object_id=NavigationMenu.objects.get(locale=case.locales["en"]).translation_key,
            target_locale=case.locales[target],
        )
        nav_segment = nav_translation.source.stringsegment_set.first()
        response = case.client.put(
            reverse("wagtail_localize:edit_string_translation", args=[nav_translation.pk, nav_segment.pk]),
            "value=Intruder",
            content_type="application/x-www-form-urlencoded",
        )
        case.assertEqual(response.status_code, 403)
    case.assertFalse(StringTranslation.objects.filter(data="Intruder").exists())
    # Nor may they swap the image or document another language's page shows (wagtail-localize's overrides).
    if target != "en":
        documents = Translation.objects.get(
            source__object_id=case.document_sections["en"].translation_key, target_locale=case.locales[target]
        )
        segment = documents.source.overridablesegment_set.get(context__path__endswith=".document")
        response = case.client.put(
            reverse("wagtail_localize:edit_override", args=[documents.pk, segment.pk]),
            f"value={case.documents[actor].pk}",
            content_type="application/x-www-form-urlencoded",
        )
        case.assertEqual(response.status_code, 403)
        case.assertFalse(SegmentOverride.objects.exists())


def translation_editor_other_actions(case, actor, target):
    """Machine translation, PO download, "stop translation", convert to alias and "sync translated pages"."""
    translation = case.page_translations[target]
    for name in ("machine_translate", "stop_translation", "upload_pofile"):
        response = case.client.post(reverse(f"wagtail_localize:{name}", args=[translation.pk]))
        case.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
    response = case.client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    case.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
    target_page = case.page_targets[target]
    case.client.post(reverse("wagtail_localize:convert_to_alias", args=[target_page.pk]))
    response = case.client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source_id]), {"publish_translations": "on"}
    )
    case.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
    translation.refresh_from_db()
    target_page.refresh_from_db()
    case.assertTrue(translation.enabled)
    case.assertIsNone(target_page.alias_of_id)


def bring_in_new_source_text(case, actor, target):
    """Our own "Bring in the new English text" action refuses another language's translation."""
    translation = case.page_translations[target]
    before = translation.source.last_updated_at
    case.client.post(reverse("editorial_update_from_source", args=[translation.pk]))
    translation.source.refresh_from_db()
    case.assertEqual(translation.source.last_updated_at, before)


def edit_snippets(case, actor, target):
    for model, field, value in ((NavigationMenu, "items", "[]"), (Footer, "text", "<p>Intruder</p>")):
        snippet = model.objects.get(locale=case.locales[target])
        viewset = model.snippet_viewset
        before = getattr(snippet, field).__str__()
        response = case.client.post(reverse(viewset.get_url_name("edit"), args=[snippet.pk]), {field: value})
        case.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        case.client.post(reverse(viewset.get_url_name("delete"), args=[snippet.pk]))
        model_name = model._meta.model_name
        case.client.post(reverse("wagtail_bulk_action", args=["home", model_name, "delete"]) + f"?id={snippet.pk}")
        snippet.refresh_from_db()  # raises if it was deleted
        case.assertEqual(getattr(snippet, field).__str__(), before)


def create_snippets(case, actor, target):
    """A new navigation menu in the other language, by the add form or as a copy of theirs.

    Partners hold no add permission on snippets; SnippetRightsGivenLaterTests (test_own_language) gives one.
    """
    viewset = NavigationMenu.snippet_viewset
    other = NavigationMenu.objects.get(locale=case.locales[target])
    NavigationMenu.objects.filter(locale=case.locales[target]).delete()
    count = NavigationMenu.objects.count()
    case.client.post(reverse(viewset.get_url_name("add")) + f"?locale={target}", {"items-count": "0"})
    other.pk = None
    other.save()
    case.client.post(reverse(viewset.get_url_name("copy"), args=[other.pk]), {"items-count": "0"})
    case.assertEqual(NavigationMenu.objects.count(), count + 1)


def images_and_documents(case, actor, target):
    Image, Document = get_image_model(), get_document_model()
    image, document = case.images[target], case.documents[target]
    collection = case.collections[target]
    case.client.post(
        reverse("wagtailimages:add"), {"title": "Intruder", "file": png_upload(), "collection": collection.pk}
    )
    case.client.post(reverse("wagtailimages:edit", args=[image.pk]), {"title": "Intruder", "collection": collection.pk})
    case.client.post(reverse("wagtailimages:delete", args=[image.pk]))
    case.client.post(
        reverse("wagtaildocs:edit", args=[document.pk]), {"title": "Intruder", "collection": collection.pk}
    )
    case.client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    # Nor through the bulk actions of the image and document listings.
    case.client.post(reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"]) + f"?id={image.pk}")
    case.client.post(reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "delete"]) + f"?id={document.pk}")
    for model, own in (("image", case.images[actor]), ("document", case.documents[actor])):
        app = "wagtailimages" if model == "image" else "wagtaildocs"
        case.client.post(
            reverse("wagtail_bulk_action", args=[app, model, "add_to_collection"]) + f"?id={own.pk}",
            {"collection": collection.pk},
        )
    case.assertEqual(Document.objects.get(pk=case.documents[actor].pk).collection_id, case.collections[actor].pk)
    # Their own image may not be moved into the other country's collection either.
    own_image = case.images[actor]
    case.client.post(
        reverse("wagtailimages:edit", args=[own_image.pk]), {"title": own_image.title, "collection": collection.pk}
    )
    # With one collection to add to, Wagtail files a new image there, whatever collection the form names.
    case.assertFalse(Image.objects.filter(title="Intruder").exclude(collection=case.collections[actor]).exists())
    case.assertFalse(Image.objects.filter(title="Intruder", pk=image.pk).exists())
    case.assertFalse(Document.objects.filter(title="Intruder").exists())
    case.assertTrue(Image.objects.filter(pk=image.pk).exists())
    case.assertTrue(Document.objects.filter(pk=document.pk).exists())
    case.assertEqual(Image.objects.get(pk=own_image.pk).collection_id, case.collections[actor].pk)


def empty_body():
    return {"body-count": "0", "comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0"}


ACTIONS = [
    create_page,
    edit_and_publish_page,
    publish_translation,
    unpublish_page,
    move_page,
    copy_into,
    delete_page,
    translate_page,
    translate_snippet,
    translation_editor_strings,
    translation_editor_other_actions,
    bring_in_new_source_text,
    edit_snippets,
    create_snippets,
    images_and_documents,
]


def _attack(action, actor, target, moderator=False):
    def test(self):
        self.login((self.moderators if moderator else self.editors)[actor])
        action(self, actor, target)

    test.__doc__ = f"{'moderator' if moderator else 'editor'}-{actor} cannot {action.__name__} in '{target}'"
    return test


class CountryIsolationTests(EditorialTestCase):
    pass


for _action in ACTIONS:
    for _actor, _target in PAIRS:
        setattr(
            CountryIsolationTests,
            f"test_editor_{_actor}_{_action.__name__}_{_target}",
            _attack(_action, _actor, _target),
        )


class ModeratorIsolationTests(EditorialTestCase):
    """Moderators publish, unpublish and delete in their language: still nothing in another one."""


for _action in (edit_and_publish_page, publish_translation, unpublish_page, delete_page, translate_page):
    for _actor, _target in PAIRS:
        setattr(
            ModeratorIsolationTests,
            f"test_moderator_{_actor}_{_action.__name__}_{_target}",
            _attack(_action, _actor, _target, moderator=True),
        )


class AdminApiTests(EditorialTestCase):
    def test_admin_api_is_read_only_and_hides_other_languages(self):
        for actor, target in PAIRS:
            with self.subTest(actor=actor, target=target):
                self.login(self.editors[actor])
                other = f"/admin/api/main/pages/{self.page_targets[target].pk}/"
                self.assertNotEqual(self.client.get(other).status_code, 200)
                own = f"/admin/api/main/pages/{self.sections[actor].pk}/"
                self.assertEqual(self.client.get(own).status_code, 200)
                for method in (self.client.put, self.client.patch, self.client.delete, self.client.post):
                    self.assertEqual(method(other, {}, content_type="application/json").status_code, 405)
