"""What bumps the content generation (`home.freshness`): every change that a public page may show.

Pages: published, unpublished, moved, deleted (Wagtail's signals; a translation synced by wagtail-localize is
published or saved like any page). Other models, on save and delete: every snippet (Wagtail's registry, and every
translatable model that is not a page, which covers the translatable snippets, the footer and the navigation, and
the competences pages carry), the settings (Wagtail's settings registry: `PortalSettings`), images, documents, sites,
locales, redirects and view restrictions. Drafts are not counted: saving a revision changes no public page.

Receivers are connected per model, never for every model: a `post_delete` receiver without a sender would stop
Django's fast deletes everywhere. Snippets are registered after this app is ready (`wagtail.snippets`' `ready()`), so
the snippet registry is connected on the first request; the models known at start-up are connected at once.
"""

from django.core.signals import request_started
from django.db.models.signals import post_delete, post_save
from wagtail import signals as wagtail_signals
from wagtail.models import Page

from home.freshness import bump

UID = "home.freshness"


def known_models():
    """The models besides pages whose saves and deletes change public pages, as far as they are known at start-up."""
    from django.apps import apps
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        CollectionViewRestriction,
        Locale,
        PageViewRestriction,
        Site,
        TranslatableMixin,
    )

    models = {get_image_model(), get_document_model(), Site, Locale, Redirect}
    models |= {PageViewRestriction, CollectionViewRestriction, *settings_registry}
    models |= {
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
        and model._meta.app_label != "wagtailcore"
    }
    return models


def snippet_models():
    from wagtail.snippets.models import get_snippet_models

    return set(get_snippet_models())


# Fields Wagtail fills in on its own while a page is rendered (an image's or document's size and hash, computed the
# first time they are asked for): saving them changes nothing a reader sees, and must not empty every cache.
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def changed(sender, instance=None, raw=False, update_fields=None, **kwargs):
    if raw:  # loaddata writes raw rows
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    bump()


def watch(models):
    for model in models:
        post_save.connect(changed, sender=model, dispatch_uid=(UID, "save", model))
        post_delete.connect(changed, sender=model, dispatch_uid=(UID, "delete", model))


def watch_snippets(**kwargs):
    watch(snippet_models())
    request_started.disconnect(watch_snippets, dispatch_uid=UID)


def connect():
    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
        wagtail_signals.published,  # snippets with drafts
        wagtail_signals.unpublished,
    ):
        signal.connect(bump, dispatch_uid=UID)
    # Deleting a page deletes its row of wagtailcore_page: `sender=Page` hears every page type.
    post_delete.connect(changed, sender=Page, dispatch_uid=(UID, "delete", Page))
    watch(known_models())
    request_started.connect(watch_snippets, dispatch_uid=UID)


def watched(model):
    """Whether saving or deleting a row of `model` bumps the generation (for the tests and the checks)."""
    return any(lookup_key[0] == (UID, "save", model) for lookup_key, *_rest in post_save.receivers)
