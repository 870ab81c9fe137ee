"""Controls for the isolation tests: the same requests, made in the editor's own language, do what they say."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import Footer, NavigationMenu
from tests.editorial.conftest import empty_body, new_document, new_image, png_upload


def test_editor_creates_and_copies_pages_in_own_tree_as_drafts(client, world):
    client.force_login(world.editors["it"])
    home = world.homes["it"]
    client.post(
        reverse("wagtailadmin_pages:add", args=["home", "contentpage", home.pk]),
        {"title": "Nuova", "slug": "nuova", "action-publish": "publish", **empty_body()},
    )
    created = Page.objects.get(slug="nuova")
    assert created.locale_id == world.locales["it"].pk
    assert not created.live  # editors cannot publish
    client.post(
        reverse("wagtailadmin_pages:copy", args=[world.local_pages["it"].pk]),
        {"new_title": "Copia", "new_slug": "copia", "new_parent_page": home.pk, "copy_subpages": False},
    )
    assert Page.objects.filter(slug="copia", locale=world.locales["it"]).exists()


def test_moderator_moves_within_own_tree(client, world):
    # Moving needs the rights to delete the page where it was: moderators, or an editor on a page they created.
    client.force_login(world.moderators["it"])
    page, section = world.local_pages["it"], world.sections["it"]
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, section.pk]))
    assert Page.objects.get(pk=page.pk).is_child_of(section)


def test_moderator_unpublishes_and_deletes_in_own_language_through_bulk_actions(client, world):
    client.force_login(world.moderators["it"])
    page = world.local_pages["it"]
    client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"]) + f"?id={page.pk}")
    assert not Page.objects.get(pk=page.pk).live
    # Media of its own: deleting removes the file from disk, which no rollback brings back for the world's media.
    image = new_image("Da cancellare", world.collections["it"])
    document = new_document("Da cancellare", world.collections["it"])
    client.post(reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"]) + f"?id={image.pk}")
    client.post(reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "delete"]) + f"?id={document.pk}")
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not get_document_model().objects.filter(pk=document.pk).exists()
    client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={page.pk}")
    assert not Page.objects.filter(pk=page.pk).exists()


def test_editor_adds_and_edits_images_in_own_collection(client, world):
    client.force_login(world.editors["it"])
    collection = world.collections["it"]
    client.post(reverse("wagtailimages:add"), {"title": "Mia", "file": png_upload(), "collection": collection.pk})
    assert get_image_model().objects.get(title="Mia").collection_id == collection.pk
    image = world.images["it"]
    client.post(reverse("wagtailimages:edit", args=[image.pk]), {"title": "Rinominata", "collection": collection.pk})
    assert get_image_model().objects.get(pk=image.pk).title == "Rinominata"


# Partners neither add nor delete snippets (translations are made with "Translate"); a group given those rights
# later still uses them in its own languages only.


def test_snippet_add_permission_given_later_does_not_reach_other_languages(client, world):
    Group.objects.get(name="Redattori (Italia)").permissions.add(Permission.objects.get(codename="add_navigationmenu"))
    NavigationMenu.objects.filter(locale__language_code__in=["it", "es"]).delete()
    client.force_login(world.editors["it"])
    add = reverse(NavigationMenu.snippet_viewset.get_url_name("add"))
    for code in ("es", "it"):
        client.post(f"{add}?locale={code}", {"items-count": "0"})
    assert not NavigationMenu.objects.filter(locale__language_code="es").exists()
    assert NavigationMenu.objects.filter(locale__language_code="it").exists()


def test_snippet_delete_permission_given_later_does_not_reach_other_languages(client, world):
    Group.objects.get(name="Redattori (Italia)").permissions.add(Permission.objects.get(codename="delete_footer"))
    spanish, italian = (Footer.objects.get(locale__language_code=code) for code in ("es", "it"))
    client.force_login(world.editors["it"])
    bulk = reverse("wagtail_bulk_action", args=["home", "footer", "delete"])
    client.post(reverse(Footer.snippet_viewset.get_url_name("delete"), args=[spanish.pk]))
    client.post(f"{bulk}?id={spanish.pk}")
    assert Footer.objects.filter(pk=spanish.pk).exists()
    client.post(f"{bulk}?id={italian.pk}")
    assert not Footer.objects.filter(pk=italian.pk).exists()
