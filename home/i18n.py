"""Find a page in each language: its own translation, or the nearest translated ancestor where it has none."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool  # False when the link leads to an ancestor because the page itself is not translated


def language_links(request, page=None):
    """One link per language, in the order of settings.LANGUAGES; cached on the request."""
    cache = request.__dict__.setdefault("_language_links", {})
    key = page.pk if page else request.path
    if key not in cache:
        cache[key] = _page_language_links(request, page) if page else _path_language_links(request)
    return cache[key]


def _page_language_links(request, page):
    ancestors = list(page.get_ancestors(inclusive=True).filter(depth__gt=1).only("translation_key", "depth"))
    depth_by_key = {ancestor.translation_key: ancestor.depth for ancestor in ancestors}
    candidates = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=depth_by_key)
        .select_related("locale")
        .only("id", "url_path", "depth", "translation_key", "locale__language_code")
    )
    nearest = {}
    for candidate in candidates:
        code = candidate.locale.language_code
        if code not in nearest or depth_by_key[candidate.translation_key] > depth_by_key[nearest[code].translation_key]:
            nearest[code] = candidate
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        target = nearest.get(code)
        if target is None:
            continue
        links.append(
            LanguageLink(
                code=code,
                name=name,
                url=target.get_url(request),
                is_current=code == current,
                is_translation=target.translation_key == page.translation_key,
            )
        )
    return links


def _path_language_links(request):
    current = get_language()
    return [
        LanguageLink(code, name, translate_url(request.path, code), code == current, True)
        for code, name in settings.LANGUAGES
    ]


def localized_pages(page_ids):
    """Map page ids to the live version of each page in the active language, in one query.

    A page without a live translation maps to itself while it is live, and is left out otherwise.
    """
    ids = {pk for pk in page_ids if pk}
    if not ids:
        return {}
    language = get_language()
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    found = list(
        Page.objects.filter(
            Q(pk__in=ids, live=True) | Q(translation_key__in=keys, locale__language_code=language, live=True)
        ).select_related("locale")
    )
    translated = {page.translation_key: page for page in found if page.locale.language_code == language}
    return {page.pk: translated.get(page.translation_key, page) for page in found if page.pk in ids}
