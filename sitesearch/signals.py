"""Keep the search's index fresh: a published page is (re)indexed, an unpublished one leaves it, a moved one is
indexed with its descendants (its place may make them private or public), and so is a page whose view restrictions
change. A deleted page's entry goes with it (a cascade)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from sitesearch import indexing
from sitesearch.models import SearchEntry


@receiver(page_published, dispatch_uid="sitesearch.published")
def page_was_published(sender, instance, **kwargs):
    if indexing.auto_update_enabled():
        indexing.index_page(instance)


@receiver(page_unpublished, dispatch_uid="sitesearch.unpublished")
def page_was_unpublished(sender, instance, **kwargs):
    if indexing.auto_update_enabled():
        SearchEntry.objects.filter(page_id=instance.pk).delete()


@receiver(post_page_move, dispatch_uid="sitesearch.moved")
def page_was_moved(sender, instance, **kwargs):
    if indexing.auto_update_enabled():
        indexing.index_subtree(instance)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="sitesearch.restricted")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="sitesearch.unrestricted")
def restrictions_changed(sender, instance, **kwargs):
    if indexing.auto_update_enabled():
        page_id = instance.page_id
        transaction.on_commit(lambda: _reindex(page_id))


def _reindex(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        indexing.index_subtree(page)
