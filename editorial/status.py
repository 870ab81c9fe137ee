"""Where each language stands against the English source: translated, not sent, untranslated, in review, out of date.

A page of a language is *translated* when it is live and up to date; *in review* while a workflow runs on it;
*out of date* when it is live but the English page was published after the translation last took in its text, or
the text was taken in after the translation was last published; *not sent* (for review) when it is an unpublished
draft outside review whose every string is translated: the translator's work is done and only the sending is left;
*untranslated* when the language has no page for the English one, or only such a draft with strings left to
translate. Every count costs a fixed number of queries.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from editorial.permissions import editable_locale_ids

STATES = ("translated", "not_sent", "untranslated", "in_review", "out_of_date")


@dataclass
class Row:
    english: Page
    target: Page | None
    translation: Translation | None
    state: str


@dataclass
class LanguageStatus:
    locale: Locale
    rows: dict = field(default_factory=lambda: {state: [] for state in STATES})

    def count(self, state):
        return len(self.rows[state])


def is_source_ahead(english, source):
    """The English page was published after its text was last taken in for translation."""
    return bool(source and english.last_published_at and english.last_published_at > source.last_updated_at)


def language_statuses(locales):
    """A LanguageStatus per locale in `locales` (the default language excluded), in the order given."""
    default = Locale.get_default()
    locales = [locale for locale in locales if locale.pk != default.pk]
    english = list(
        Page.objects.filter(locale=default, depth__gt=1, alias_of__isnull=True)
        .order_by("path")
        .only(
            "pk",
            "title",
            "draft_title",
            "path",
            "depth",
            "url_path",
            "translation_key",
            "last_published_at",
            "live",
            "locale",
        )
    )
    keys = [page.translation_key for page in english]
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=default).only(
            "pk", "object_id", "last_updated_at"
        )
    }
    translations = {
        (t.source.object_id, t.target_locale_id): t
        for t in Translation.objects.filter(source__in=sources.values(), enabled=True).select_related("source")
    }
    targets = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=locales, alias_of__isnull=True).only(
            "pk", "title", "draft_title", "translation_key", "locale", "live", "last_published_at"
        )
    }
    in_review = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in targets.values()],
        ).values_list("object_id", flat=True)
    )

    drafts = [
        translation
        for key, translation in translations.items()
        if (target := targets.get(key)) is not None and not target.live
    ]
    complete = complete_translations(drafts)

    statuses = []
    for locale in locales:
        status = LanguageStatus(locale)
        for page in english:
            target = targets.get((page.translation_key, locale.pk))
            source = sources.get(page.translation_key)
            translation = translations.get((page.translation_key, locale.pk))
            if target is not None and str(target.pk) in in_review:
                state = "in_review"
            elif target is None or not target.live:
                translated_draft = target is not None and translation is not None and translation.pk in complete
                state = "not_sent" if translated_draft else "untranslated"
            elif source and (
                is_source_ahead(page, source)
                or (target.last_published_at and target.last_published_at < source.last_updated_at)
            ):
                state = "out_of_date"
            else:
                state = "translated"
            status.rows[state].append(Row(page, target, translation, state))
        statuses.append(status)
    return statuses


def complete_translations(translations):
    """The ids of the translations whose every string is translated (as `Translation.get_progress` counts), in two
    queries whatever their number: the strings of each source, and those each target language has translated."""
    translations = list(translations)
    if not translations:
        return set()
    source_ids = {translation.source_id for translation in translations}
    segments = StringSegment.objects.filter(source_id__in=source_ids)
    totals = dict(segments.values("source_id").annotate(count=Count("pk")).values_list("source_id", "count"))
    done = {
        (row["source_id"], row["string__translations__locale_id"]): row["count"]
        for row in segments.filter(
            string__translations__context_id=F("context_id"),
            string__translations__locale_id__in={translation.target_locale_id for translation in translations},
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(count=Count("pk"))
    }
    return {
        translation.pk
        for translation in translations
        if done.get((translation.source_id, translation.target_locale_id), 0) == totals.get(translation.source_id, 0)
    }


def ordered_locales(user):
    """Every content language except the source, the user's own first, then in the order of settings.LANGUAGES."""
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    own = editable_locale_ids(user)
    locales = list(Locale.objects.exclude(pk=Locale.get_default().pk))
    return sorted(locales, key=lambda locale: (locale.pk not in own, order.get(locale.language_code, len(order))))
