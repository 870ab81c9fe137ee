"""The search's index: one `SearchEntry` per live, public page, written from what the page's type declares
searchable (Wagtail's `search_fields`), in the page's language.

`index_pages(pages)` (re)writes the entries of some pages, `rebuild()` of every page; the signal handlers
(`signals.py`) call them on publish, unpublish, move and a change of view restrictions, and a page's deletion
deletes its entry (a cascade). `auto_update_disabled()` lets a bulk load index once, at the end.
"""

import contextvars
import re
from contextlib import contextmanager
from html import unescape

from django.contrib.postgres.search import SearchVector
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.folding import fold
from home.searchable import kind_of
from sitesearch.models import SearchEntry, text_search_config

# Characters an entry's text never holds: the control characters, among them the two that mark the words
# PostgreSQL's `ts_headline` finds (see search.py).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_auto_update = contextvars.ContextVar("sitesearch_auto_update", default=True)


@contextmanager
def auto_update_disabled():
    token = _auto_update.set(False)
    try:
        yield
    finally:
        _auto_update.reset(token)


def auto_update_enabled():
    return _auto_update.get()


def _text(value, html):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(_text(item, html) for item in value)
    return _plain(unescape(strip_tags(str(value))) if html else str(value))


def _plain(text):
    return _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()


def _is_html(page, name):
    try:
        return isinstance(page._meta.get_field(name), (RichTextField, StreamField))
    except FieldDoesNotExist:
        return True


def searchable_text(page):
    """The page's text beside its title, in the order its type declares its search fields."""
    parts = []
    for field in page.search_fields:
        if isinstance(field, index.SearchField) and field.field_name != "title":
            text = _text(field.get_value(page), html=_is_html(page, field.field_name))
            if text:
                parts.append(text)
    return "\n".join(parts)


def entry_for(page):
    title = _plain(page.title)[:255]  # a title is plain text, never HTML
    body = searchable_text(page)
    return SearchEntry(
        page_id=page.pk,
        locale_id=page.locale_id,
        kind=kind_of(page),
        title=title,
        body=body,
        folded_title=fold(title),
        folded_body=fold(body),
    )


def _update_vectors(entries):
    """On PostgreSQL: each entry's vector, with its language's configuration, from its text as written and folded
    (so that a query with or without its accents, or any of the Turkish i, finds the same words)."""
    if connection.vendor != "postgresql":
        return
    for language in set(entries.values_list("locale__language_code", flat=True).distinct()):
        config = text_search_config(language)
        entries.filter(locale__language_code=language).update(
            vector=SearchVector("title", weight="A", config=config)
            + SearchVector("folded_title", weight="A", config=config)
            + SearchVector("body", weight="B", config=config)
            + SearchVector("folded_body", weight="B", config=config)
        )


@transaction.atomic
def index_pages(pages):
    """Rewrite the entries of `pages` (a queryset of pages): the live and public ones get one, the others none."""
    SearchEntry.objects.filter(page__in=pages.values("pk")).delete()
    indexed = pages.live().public().filter(depth__gt=1).specific()
    entries = SearchEntry.objects.bulk_create([entry_for(page) for page in indexed], batch_size=500)
    if entries:
        _update_vectors(SearchEntry.objects.filter(page__in=pages.values("pk")))
    return len(entries)


def index_page(page):
    return index_pages(Page.objects.filter(pk=page.pk))


def index_subtree(page):
    return index_pages(Page.objects.descendant_of(page, inclusive=True))


@transaction.atomic
def rebuild():
    """Every live, public page's entry, anew. Returns how many."""
    SearchEntry.objects.all().delete()
    return index_pages(Page.objects.all())
