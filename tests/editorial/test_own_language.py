"""Controls for the isolation tests: the same requests, made in the editor's own language, do what they say."""

from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from tests.editorial.base import EditorialTestCase, png_upload
from tests.editorial.test_isolation import empty_body


class OwnLanguageControlTests(EditorialTestCase):
    def test_editor_creates_and_copies_pages_in_own_tree_as_drafts(self):
        self.login(self.editors["it"])
        home = self.homes["it"]
        self.client.post(
            reverse("wagtailadmin_pages:add", args=["home", "contentpage", home.pk]),
            {"title": "Nuova", "slug": "nuova", "action-publish": "publish", **empty_body()},
        )
        created = Page.objects.get(slug="nuova")
        self.assertEqual(created.locale_id, self.locales["it"].pk)
        self.assertFalse(created.live)  # editors cannot publish
        self.client.post(
            reverse("wagtailadmin_pages:copy", args=[self.local_pages["it"].pk]),
            {"new_title": "Copia", "new_slug": "copia", "new_parent_page": home.pk, "copy_subpages": False},
        )
        self.assertTrue(Page.objects.filter(slug="copia", locale=self.locales["it"]).exists())

    def test_moderator_moves_within_own_tree(self):
        # Moving needs the rights to delete the page where it was: moderators, or an editor on a page they created.
        self.login(self.moderators["it"])
        page, section = self.local_pages["it"], self.sections["it"]
        self.client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, section.pk]))
        self.assertTrue(Page.objects.get(pk=page.pk).is_child_of(section))

    def test_moderator_unpublishes_and_deletes_in_own_language_through_bulk_actions(self):
        self.login(self.moderators["it"])
        page = self.local_pages["it"]
        self.client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"]) + f"?id={page.pk}")
        self.assertFalse(Page.objects.get(pk=page.pk).live)
        image, document = self.images["it"], self.documents["it"]
        self.client.post(reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"]) + f"?id={image.pk}")
        self.client.post(
            reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "delete"]) + f"?id={document.pk}"
        )
        self.assertFalse(get_image_model().objects.filter(pk=image.pk).exists())
        self.assertFalse(get_document_model().objects.filter(pk=document.pk).exists())
        self.client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={page.pk}")
        self.assertFalse(Page.objects.filter(pk=page.pk).exists())

    def test_editor_adds_and_edits_images_in_own_collection(self):
        self.login(self.editors["it"])
        collection = self.collections["it"]
        self.client.post(
            reverse("wagtailimages:add"), {"title": "Mia", "file": png_upload(), "collection": collection.pk}
        )
        self.assertEqual(get_image_model().objects.get(title="Mia").collection_id, collection.pk)
        image = self.images["it"]
        self.client.post(
            reverse("wagtailimages:edit", args=[image.pk]), {"title": "Rinominata", "collection": collection.pk}
        )
        self.assertEqual(get_image_model().objects.get(pk=image.pk).title, "Rinominata")


class SnippetRightsGivenLaterTests(EditorialTestCase):
    """Partners neither add nor delete snippets (translations are made with "Translate"); a group given those
    rights later still uses them in its own languages only."""

    def test_add_permission_does_not_reach_other_languages(self):
        from django.contrib.auth.models import Group, Permission

        from home.models import NavigationMenu

        Group.objects.get(name="Italy editors").permissions.add(Permission.objects.get(codename="add_navigationmenu"))
        NavigationMenu.objects.filter(locale__language_code__in=["it", "es"]).delete()
        self.login(self.editors["it"])
        add = reverse(NavigationMenu.snippet_viewset.get_url_name("add"))
        for code in ("es", "it"):
            self.client.post(f"{add}?locale={code}", {"items-count": "0"})
        self.assertFalse(NavigationMenu.objects.filter(locale__language_code="es").exists())
        self.assertTrue(NavigationMenu.objects.filter(locale__language_code="it").exists())

    def test_delete_permission_does_not_reach_other_languages(self):
        from django.contrib.auth.models import Group, Permission

        from home.models import Footer

        Group.objects.get(name="Italy editors").permissions.add(Permission.objects.get(codename="delete_footer"))
        spanish, italian = (Footer.objects.get(locale__language_code=code) for code in ("es", "it"))
        self.login(self.editors["it"])
        bulk = reverse("wagtail_bulk_action", args=["home", "footer", "delete"])
        self.client.post(reverse(Footer.snippet_viewset.get_url_name("delete"), args=[spanish.pk]))
        self.client.post(f"{bulk}?id={spanish.pk}")
        self.assertTrue(Footer.objects.filter(pk=spanish.pk).exists())
        self.client.post(f"{bulk}?id={italian.pk}")
        self.assertFalse(Footer.objects.filter(pk=italian.pk).exists())
