"""The reader's language: a page's version in each language, and chosen objects in the reader's language.

Objects named only by a translation key (a learner's progress, assessments and goals name the editors' pages so)
follow the same order: the reader's language, else the source language (English), else any language it is live in.

One rule for chosen objects (the pages a link, a call to action or a resource points to; the areas, competences,
outcomes and pilot actions a page names): wagtail-localize keeps the source language's choices on a translation,
so each chosen object is shown as its translation in the reader's language; where it has none, the object itself
is shown, in its own language, as long as it is live; a chosen page that is not live is left out.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import get_language, pgettext_lazy
from wagtail.models import Page

from home import memos
from home.partners import PARTNERS
from home.restrictions import private_q

# The query parameter of a switcher link that leads to the nearest translated page: the id of the page the reader
# left, so that the page they arrive on can tell them (`arrival_notice`). The middleware
# `portal.middleware.ArrivalMarkerMiddleware` takes it out of `request.GET`, so that no link built from the query
# (pages of results, filters, downloads) carries it on.
ARRIVAL_PARAMETER = "from"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str  # with the list's valid filters and page, or the arrival marker
    is_current: bool
    is_translation: bool  # False when the link leads to an ancestor because the page itself is not translated
    page_url: str = ""  # the page alone, for hreflang alternates (the canonical URL has no query either)


def language_versions(request, page=None):
    """One link per language to this page (or path), in the order of settings.LANGUAGES; cached on the request."""
    cache = request.__dict__.setdefault("_language_versions", {})
    key = page.pk if page else request.path
    if key not in cache:
        cache[key] = _page_versions(request, page) if page else _path_versions(request)
    return cache[key]


def _page_versions(request, page):
    current = get_language()
    kept = kept_query(request, page)
    links = []
    for code, name, url, is_translation in _nearest_versions(request, page):
        query = kept if is_translation else urlencode({ARRIVAL_PARAMETER: page.pk})
        links.append(
            LanguageLink(
                code=code,
                name=name,
                url=f"{url}?{query}" if query else url,
                is_current=code == current,
                is_translation=is_translation,
                page_url=url,
            )
        )
    return links


def _nearest_versions(request, page):
    """(code, name, address, is it this page's translation) of the page, or its nearest translated ancestor, in each
    language: three queries, remembered per page for the content generation (`home.memos`)."""
    return memos.remembered(("language versions", page.pk), lambda: _read_nearest_versions(request, page), request)


def _read_nearest_versions(request, page):
    ancestors = list(page.get_ancestors(inclusive=True).filter(depth__gt=1).only("translation_key", "depth"))
    depth_by_key = {ancestor.translation_key: ancestor.depth for ancestor in ancestors}
    candidates = (
        Page.objects.live()
        .exclude(private_q())
        .filter(translation_key__in=depth_by_key)
        .select_related("locale")
        .only("id", "url_path", "depth", "translation_key", "locale__language_code")
    )
    nearest = {}
    for candidate in candidates:
        code = candidate.locale.language_code
        if code not in nearest or depth_by_key[candidate.translation_key] > depth_by_key[nearest[code].translation_key]:
            nearest[code] = candidate
    return [
        (code, name, target.get_url(request), target.translation_key == page.translation_key)
        for code, name in settings.LANGUAGES
        if (target := nearest.get(code)) is not None
    ]


def kept_query(request, page):
    """The part of the query a language link keeps: on a filtered list (`home.filters.FilteredIndexMixin`), its
    filters and page number whose values are valid, as cleaned (codes are the same in every language); nothing on
    other pages, and no other key (a download format, anything unknown)."""
    filterset_for = getattr(page, "filterset_for", None)
    if filterset_for is None or not request.GET:
        return ""
    filterset = filterset_for(request)
    form = filterset.form
    form.is_valid()  # cleans every field; a field with an error is left out below
    pairs = []
    for name in [*filterset.filters, "page"]:
        if name not in form.fields or name in form.errors:
            continue
        value = form.cleaned_data.get(name)
        if isinstance(value, (list, tuple)):
            pairs += [(name, str(item)) for item in value if item not in (None, "")]
        elif isinstance(value, (str, int)) and not isinstance(value, bool) and value != "":
            pairs.append((name, str(value)))
    return urlencode(pairs)


def _path_versions(request):
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        links.append(LanguageLink(code, name, url, code == current, True, page_url=url))
    return links


def localize(chosen, language_code=None):
    """The chosen objects in the reader's language, in the order given, by the rule in this module's docstring.

    `chosen` holds model instances (pages, or translatable snippets and inline objects), or the ids of pages as a
    StreamField's chooser stores them. One query, whatever their number.
    """
    return [item for item in localize_each(chosen, language_code) if item is not None]


def localize_each(chosen, language_code=None):
    """Like `localize`, but one entry for each chosen object, None where the rule leaves it out."""
    chosen = list(chosen)
    if not chosen:
        return []
    language_code = language_code or get_language()
    if all(isinstance(item, int) for item in chosen):
        keys = Page.objects.filter(pk__in=chosen).values("translation_key")
        found = list(
            Page.objects.filter(
                Q(pk__in=chosen) | Q(translation_key__in=keys, locale__language_code=language_code, live=True)
            ).select_related("locale")
        )
        by_id = {page.pk: page for page in found}
        originals = [by_id.get(pk) for pk in chosen]
    else:
        reader_locale = _remembered_locale_id(language_code)
        if reader_locale is not None and all(getattr(item, "locale_id", None) == reader_locale for item in chosen):
            # All already in the reader's language (an English page's choices, read in English): each is its own
            # translation, no query.
            return [item if getattr(item, "live", True) else None for item in chosen]
        model = type(chosen[0]) if len({type(item) for item in chosen}) == 1 else Page
        found = model._default_manager.filter(
            translation_key__in={item.translation_key for item in chosen}, locale__language_code=language_code
        ).select_related("locale")
        originals = chosen
    translated = {
        item.translation_key: item
        for item in found
        if item.locale.language_code == language_code and getattr(item, "live", True)
    }
    localized = []
    for original in originals:
        if original is None:
            localized.append(None)
        elif original.translation_key in translated:
            localized.append(translated[original.translation_key])
        else:
            localized.append(original if getattr(original, "live", True) else None)
    return localized


def _remembered_locale_id(language_code):
    """The id of the language's Locale while the memos are on (`home.memos`, inside a request), else None."""
    if memos.current() is None:
        return None
    from wagtail.models import Locale

    return memos.remembered(
        ("locale", language_code),
        lambda: Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first(),
    )


def localize_link_blocks(stream, request):
    """A StreamField of link blocks as {text, url} dicts, each portal page in the reader's language (one query).

    A link to a page that is not live is left out.
    """
    cache = prefetch_chosen_pages(request, [stream])
    links = []
    for block in stream.raw_data:
        value = block["value"]
        if not value.get("page"):
            links.append({"text": value["text"], "url": value["url"]})
        elif (page := cache.get(value["page"])) is not None:
            links.append({"text": value["text"], "url": page.get_url(request)})
    return links


def localized_url(request, page):
    """The URL of a chosen page in the reader's language, "" if it is not live.

    `BasePage.get_context` looks up the pages chosen in the page's StreamFields together beforehand, so a call for
    one of them costs no query.
    """
    if page is None:
        return ""
    localized = prefetch_chosen_pages(request, [], also=[page.pk]).get(page.pk)
    return localized.get_url(request) if localized is not None else ""


def prefetch_chosen_pages(request, streams, also=()):
    """The reader's-language version of every page chosen in these streams' blocks, looked up in one query.

    Remembered on the request: a page looked up once is not looked up again. Returns {chosen id: page or None}.
    """
    cache = request.__dict__.setdefault("_localized_pages", {}) if request is not None else {}
    ids = [pk for stream in streams for pk in _chosen_page_ids(stream.raw_data)] + list(also)
    missing = [pk for pk in dict.fromkeys(ids) if pk not in cache]
    cache.update(zip(missing, localize_each(missing), strict=True))
    return cache


def _chosen_page_ids(raw_blocks):
    for block in raw_blocks:
        value = block.get("value") if isinstance(block, dict) else None
        if isinstance(value, dict) and isinstance(value.get("page"), int):
            yield value["page"]


def best_by_key(objects, language=None):
    """One object per translation key: the reader's language, else the source language (English), else any."""
    rank = {language or get_language(): 0, settings.LANGUAGE_CODE: 1}
    best = {}
    for item in objects:
        score = rank.get(item.locale.language_code, 2)
        current = best.get(item.translation_key)
        if current is None or score < current[0]:
            best[item.translation_key] = (score, item)
    return {key: item for key, (_score, item) in best.items()}


def live_pages_by_key(model, keys, language=None):
    """The live, public pages of `model` with these translation keys, each in the reader's language where it is
    translated (see `best_by_key`), as {translation key: page}. One query (and Wagtail's one for view
    restrictions); unknown keys are left out."""
    keys = {key for key in keys if key}
    if not keys:
        return {}
    pages = (
        model.objects.live()
        .exclude(private_q())
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("pk")
    )
    return best_by_key(pages, language)


# Each partner country's media collection is named after the country (see the editorial app's setup): a document in
# it is in that partner's language; a document elsewhere (the root collection) is the coordinators', in English.
_COLLECTION_LANGUAGES = {partner.name: partner.language_code for partner in PARTNERS}


def language_of(obj):
    """The language an object's own text is written in: a language code given as is, a translatable object's
    locale, a document's or image's collection (see above); None when it cannot be told."""
    if not obj:
        return None
    if isinstance(obj, str):
        return obj
    if getattr(obj, "locale_id", None) is not None:
        return obj.locale.language_code
    if getattr(obj, "collection_id", None) is not None:
        collection = obj.collection
        # A sub-collection of a country's collection is that country's too (ancestors looked up only then).
        ancestors = collection.get_ancestors().order_by("-depth") if collection.depth > 2 else []
        for candidate in [collection, *ancestors]:
            if candidate.name in _COLLECTION_LANGUAGES:
                return _COLLECTION_LANGUAGES[candidate.name]
        return settings.LANGUAGE_CODE
    return None


def source_language(obj):
    """The language a translatable object was first written in: that of the first object of its translation key
    (a translation is always made after its source; an object imported straight into a language is its own
    source). Synchronised fields, a resource's provider for one, are written there and stay so in every language."""
    code = (
        type(obj)
        ._default_manager.filter(translation_key=obj.translation_key)
        .order_by("pk")
        .values_list("locale__language_code", flat=True)
        .first()
    )
    return code or obj.locale.language_code


def lang_attribute(obj, language=None, same_as=None):
    """` lang="xx"` when `obj`'s text is in another language than `language` (the reader's), else "".

    `same_as` is the page being read: an object of its locale needs no look-up of its own.
    """
    if same_as is not None and getattr(obj, "locale_id", None) == same_as.locale_id:
        return ""
    code = language_of(obj)
    language = language or get_language()
    if not code or code == language:
        return ""
    return format_html(' lang="{}"', code)


def language_names(pairs):
    """(code, name) pairs as "<span lang="it">Italiano</span>, …": names written in the language they name (as
    the language switcher writes them) carry that language, whatever the page's language."""
    return format_html_join(", ", '<span lang="{}">{}</span>', ((code, name) for code, name in pairs))


def arrival_notice(request, page):
    """The language the reader arrived in when a switcher link led them here because the page they left
    (`ARRIVAL_PARAMETER`) has no translation in it; None otherwise.

    Only a marker that tells the truth is shown: the page left is live, not translated into this page's language,
    and this page is one of its ancestors. Four queries (one for view restrictions), only when the marker is there.
    """
    left = getattr(request, "arrived_from", None)
    if page is None or not left or not left.isdigit() or len(left) > 12:
        return None
    origin = (
        Page.objects.live().exclude(private_q()).filter(pk=int(left)).only("path", "depth", "translation_key").first()
    )
    if origin is None or origin.translation_key == page.translation_key:
        return None
    if not origin.get_ancestors().filter(translation_key=page.translation_key).exists():
        return None
    if Page.objects.live().filter(translation_key=origin.translation_key, locale_id=page.locale_id).exists():
        return None
    code = get_language()
    return {"code": code, "name": LANGUAGE_NAMES_IN_SENTENCES.get(code, code)}


# A language's name inside a sentence ("… is not available in Italian yet"), in the reader's language.
LANGUAGE_NAMES_IN_SENTENCES = {
    "en": pgettext_lazy("language name in a sentence", "English"),
    "it": pgettext_lazy("language name in a sentence", "Italian"),
    "ro": pgettext_lazy("language name in a sentence", "Romanian"),
    "es": pgettext_lazy("language name in a sentence", "Spanish"),
    "el": pgettext_lazy("language name in a sentence", "Greek"),
    "tr": pgettext_lazy("language name in a sentence", "Turkish"),
}
