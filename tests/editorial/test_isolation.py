"""Every country's editor, against every other country's language, through every way the admin offers.

One test per (action, editor's country, other language): 15 actions × 30 ordered pairs for editors, 5 × 30 for
moderators, e.g. `test_editor_cannot[create_page-it->el]`. Each attack is made with the admin's real views and forms,
and checked by what it would have changed, not by the status code alone; the tests in test_own_language.py show the
same requests succeed in the editor's own language.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertRedirects
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation

from home.models import Footer, NavigationMenu
from tests.editorial.conftest import PAIRS, empty_body, pair_id, png_upload


def create_page(client, world, actor, target):
    home = world.homes[target]
    url = reverse("wagtailadmin_pages:add", args=["home", "contentpage", home.pk])
    data = {"title": "Intruder", "slug": "intruder", "action-publish": "publish"}
    client.post(url, {**data, **empty_body()})
    assert not Page.objects.filter(slug="intruder").exists()


def edit_and_publish_page(client, world, actor, target):
    page = world.page_targets[target]
    before = (page.latest_revision_id, page.title, page.live)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Intruder", "slug": page.slug, "action-publish": "publish", **empty_body()},
    )
    page.refresh_from_db()
    assert (page.latest_revision_id, page.title, page.live) == before
    assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)


def publish_translation(client, world, actor, target):
    """The translation editor's own "Publish in <language>" button, and the bulk "Publish" of the page explorer."""
    page = world.page_targets[target]
    before = (page.latest_revision_id, page.last_published_at)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
    client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}")
    page.refresh_from_db()
    assert (page.latest_revision_id, page.last_published_at) == before


def unpublish_page(client, world, actor, target):
    page = world.page_targets[target]
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {})
    client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"]) + f"?id={page.pk}", {})
    page.refresh_from_db()
    assert page.live


def move_page(client, world, actor, target):
    """Neither their page into the other tree, nor the other language's page into theirs."""
    own_section = world.sections[actor]
    other = world.page_targets[target]
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[own_section.pk, world.homes[target].pk]))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[other.pk, world.homes[actor].pk]))
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
    client.post(f"{bulk}?id={own_section.pk}", {"chooser": world.homes[target].pk})
    client.post(f"{bulk}?id={other.pk}", {"chooser": world.homes[actor].pk})
    own_section.refresh_from_db()
    other.refresh_from_db()
    assert own_section.is_child_of(world.homes[actor])
    assert other.locale_id == world.locales[target].pk
    assert not other.get_ancestors().filter(pk=world.homes[actor].pk).exists()


def copy_into(client, world, actor, target):
    own_section = world.sections[actor]
    destination = world.homes[target]
    client.post(
        reverse("wagtailadmin_pages:copy", args=[own_section.pk]),
        {"new_title": "Copied", "new_slug": "copied-in", "new_parent_page": destination.pk, "copy_subpages": False},
    )
    assert not Page.objects.filter(slug="copied-in").exists()


def delete_page(client, world, actor, target):
    page = world.page_targets[target]
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    client.post(reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={page.pk}")
    assert Page.objects.filter(pk=page.pk).exists()


def translate_page(client, world, actor, target):
    """wagtail-localize's "Translate this page", the hole this portal closes: into another country's language."""
    # Into English: a page of a partner language with no English version yet (the Italian one has one).
    source = world.untranslated if target != "en" else world.local_pages["ro" if actor == "it" else actor]
    url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    form = client.get(url)
    assert f'value="{world.locales[target].pk}"' not in form.content.decode()
    client.post(url, {"locales": [world.locales[target].pk]})
    assert not Page.objects.filter(translation_key=source.translation_key, locale=world.locales[target]).exists()


def translate_snippet(client, world, actor, target):
    english_footer = Footer.objects.get(locale=world.locales["en"])
    source = english_footer if target != "en" else Footer.objects.get(locale=world.locales[actor])
    Footer.objects.filter(locale=world.locales[target]).delete()
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "footer", source.pk])
    client.post(url, {"locales": [world.locales[target].pk]})
    assert not Footer.objects.filter(locale=world.locales[target]).exists()


def translation_editor_strings(client, world, actor, target):
    """The translation editor's segment API and its PO upload, on a page and on the navigation menu."""
    translation = world.page_translations[target]
    segment = translation.source.stringsegment_set.first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(url, "value=Intruder", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 403
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Intruder"
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    client.post(upload, {"file": SimpleUploadedFile("x.po", str(po).encode(), "text/x-gettext-translation")})
    if target != "en":
        nav_translation = Translation.objects.get(
            source__object_id=NavigationMenu.objects.get(locale=world.locales["en"]).translation_key,
            target_locale=world.locales[target],
        )
        nav_segment = nav_translation.source.stringsegment_set.first()
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[nav_translation.pk, nav_segment.pk]),
            "value=Intruder",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 403
    assert not StringTranslation.objects.filter(data="Intruder").exists()
    # Nor may they swap the image or document another language's page shows (wagtail-localize's overrides).
    if target != "en":
        documents = Translation.objects.get(
            source__object_id=world.document_sections["en"].translation_key, target_locale=world.locales[target]
        )
        segment = documents.source.overridablesegment_set.get(context__path__endswith=".document")
        response = client.put(
            reverse("wagtail_localize:edit_override", args=[documents.pk, segment.pk]),
            f"value={world.documents[actor].pk}",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 403
        assert not SegmentOverride.objects.exists()


def translation_editor_other_actions(client, world, actor, target):
    """Machine translation, PO download, "stop translation", convert to alias and "sync translated pages"."""
    translation = world.page_translations[target]
    for name in ("machine_translate", "stop_translation", "upload_pofile"):
        response = client.post(reverse(f"wagtail_localize:{name}", args=[translation.pk]))
        assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
    target_page = world.page_targets[target]
    client.post(reverse("wagtail_localize:convert_to_alias", args=[target_page.pk]))
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source_id]), {"publish_translations": "on"}
    )
    assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
    translation.refresh_from_db()
    target_page.refresh_from_db()
    assert translation.enabled
    assert target_page.alias_of_id is None


def bring_in_new_source_text(client, world, actor, target):
    """Our own "Bring in the new English text" action refuses another language's translation."""
    translation = world.page_translations[target]
    before = translation.source.last_updated_at
    client.post(reverse("editorial_update_from_source", args=[translation.pk]))
    translation.source.refresh_from_db()
    assert translation.source.last_updated_at == before


def edit_snippets(client, world, actor, target):
    for model, field, value in ((NavigationMenu, "items", "[]"), (Footer, "text", "<p>Intruder</p>")):
        snippet = model.objects.get(locale=world.locales[target])
        viewset = model.snippet_viewset
        before = getattr(snippet, field).__str__()
        response = client.post(reverse(viewset.get_url_name("edit"), args=[snippet.pk]), {field: value})
        assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        client.post(reverse(viewset.get_url_name("delete"), args=[snippet.pk]))
        model_name = model._meta.model_name
        client.post(reverse("wagtail_bulk_action", args=["home", model_name, "delete"]) + f"?id={snippet.pk}")
        snippet.refresh_from_db()  # raises if it was deleted
        assert getattr(snippet, field).__str__() == before


def create_snippets(client, world, actor, target):
    """A new navigation menu in the other language, by the add form or as a copy of theirs.

    Partners hold no add permission on snippets; a test in test_own_language.py gives them one.
    """
    viewset = NavigationMenu.snippet_viewset
    other = NavigationMenu.objects.get(locale=world.locales[target])
    NavigationMenu.objects.filter(locale=world.locales[target]).delete()
    count = NavigationMenu.objects.count()
    client.post(reverse(viewset.get_url_name("add")) + f"?locale={target}", {"items-count": "0"})
    other.pk = None
    other.save()
    client.post(reverse(viewset.get_url_name("copy"), args=[other.pk]), {"items-count": "0"})
    assert NavigationMenu.objects.count() == count + 1


def images_and_documents(client, world, actor, target):
    Image, Document = get_image_model(), get_document_model()
    image, document = world.images[target], world.documents[target]
    collection = world.collections[target]
    client.post(reverse("wagtailimages:add"), {"title": "Intruder", "file": png_upload(), "collection": collection.pk})
    client.post(reverse("wagtailimages:edit", args=[image.pk]), {"title": "Intruder", "collection": collection.pk})
    client.post(reverse("wagtailimages:delete", args=[image.pk]))
    client.post(reverse("wagtaildocs:edit", args=[document.pk]), {"title": "Intruder", "collection": collection.pk})
    client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    # Nor through the bulk actions of the image and document listings.
    client.post(reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"]) + f"?id={image.pk}")
    client.post(reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "delete"]) + f"?id={document.pk}")
    for model, own in (("image", world.images[actor]), ("document", world.documents[actor])):
        app = "wagtailimages" if model == "image" else "wagtaildocs"
        client.post(
            reverse("wagtail_bulk_action", args=[app, model, "add_to_collection"]) + f"?id={own.pk}",
            {"collection": collection.pk},
        )
    assert Document.objects.get(pk=world.documents[actor].pk).collection_id == world.collections[actor].pk
    # Their own image may not be moved into the other country's collection either.
    own_image = world.images[actor]
    client.post(
        reverse("wagtailimages:edit", args=[own_image.pk]), {"title": own_image.title, "collection": collection.pk}
    )
    # With one collection to add to, Wagtail files a new image there, whatever collection the form names.
    assert not Image.objects.filter(title="Intruder").exclude(collection=world.collections[actor]).exists()
    assert not Image.objects.filter(title="Intruder", pk=image.pk).exists()
    assert not Document.objects.filter(title="Intruder").exists()
    assert Image.objects.filter(pk=image.pk).exists()
    assert Document.objects.filter(pk=document.pk).exists()
    assert Image.objects.get(pk=own_image.pk).collection_id == world.collections[actor].pk


EDITOR_ACTIONS = [
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
# Moderators publish, unpublish and delete in their language: still nothing in another one.
MODERATOR_ACTIONS = [edit_and_publish_page, publish_translation, unpublish_page, delete_page, translate_page]


def attacks(actions):
    return [
        pytest.param(action, actor, target, id=f"{action.__name__}-{actor}->{target}")
        for action in actions
        for actor, target in PAIRS
    ]


@pytest.mark.parametrize(("action", "actor", "target"), attacks(EDITOR_ACTIONS))
def test_editor_cannot(client, world, action, actor, target):
    """editor-<actor> cannot <action> in <target>."""
    client.force_login(world.editors[actor])
    action(client, world, actor, target)


@pytest.mark.parametrize(("action", "actor", "target"), attacks(MODERATOR_ACTIONS))
def test_moderator_cannot(client, world, action, actor, target):
    """moderator-<actor> cannot <action> in <target>."""
    client.force_login(world.moderators[actor])
    action(client, world, actor, target)


@pytest.mark.parametrize("pair", PAIRS, ids=pair_id)
def test_admin_api_is_read_only_and_hides_other_languages(client, world, pair):
    actor, target = pair
    client.force_login(world.editors[actor])
    other = f"/admin/api/main/pages/{world.page_targets[target].pk}/"
    assert client.get(other).status_code != 200
    own = f"/admin/api/main/pages/{world.sections[actor].pk}/"
    assert client.get(own).status_code == 200
    for method in (client.put, client.patch, client.delete, client.post):
        assert method(other, {}, content_type="application/json").status_code == 405
