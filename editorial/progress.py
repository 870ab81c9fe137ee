"""How far a translation has come: how many strings are translated, and the fields of those that are not.

The count follows wagtail-localize's own (`Translation.get_progress`): a string is translated when the target language
has an error-free translation of it in its context. The fields are named as the translation editor heads them, so that
a translator told what is missing finds it on the screen.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, OuterRef
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.views.edit_translation import FieldHasNoEditPanelError, TabHelper, get_segment_location_info


@dataclass
class Progress:
    total: int
    done: int
    missing: Counter = field(default_factory=Counter)  # the untranslated strings' field labels, in the editor's order

    @property
    def complete(self):
        return self.done == self.total

    @property
    def remaining(self):
        return self.total - self.done

    def fields(self):
        """ "Title, Summary, Paragraph (Text) ×2": each field once, with its number of strings when more than one."""
        return ", ".join(
            label if count == 1 else _("%(field)s ×%(count)s") % {"field": label, "count": count}
            for label, count in self.missing.items()
        )

    def summary(self, language):
        return _("%(done)s of %(total)s strings translated into %(language)s.") % {
            "done": self.done,
            "total": self.total,
            "language": language,
        }

    def missing_sentence(self):
        """ "2 strings are not translated yet: Title, Summary." or nothing when every string is translated."""
        if self.complete:
            return ""
        return ngettext(
            "%(count)s string is not translated yet: %(fields)s.",
            "%(count)s strings are not translated yet: %(fields)s.",
            self.remaining,
        ) % {"count": self.remaining, "fields": self.fields()}


def field_label(source_instance, tab_helper, context):
    try:
        location = get_segment_location_info(
            source_instance, tab_helper, context.path, context.get_field_path(source_instance)
        )
    except (FieldHasNoEditPanelError, LookupError):  # not shown in the editor: name it by its path
        return context.path
    if location["subField"]:
        return _("%(field)s (%(part)s)") % {"field": location["field"], "part": capfirst(location["subField"])}
    return str(location["field"])


def translation_progress(translation):
    """The Progress of one Translation: one query for the strings, then the source object to name their fields."""
    segments = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate(
            is_translated=Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=translation.target_locale_id,
                    has_error=False,
                )
            )
        )
        .select_related("context")
        .order_by("order")
    )
    segments = list(segments)
    untranslated = [segment for segment in segments if not segment.is_translated]
    progress = Progress(total=len(segments), done=len(segments) - len(untranslated))
    if not untranslated:
        return progress
    try:
        source_instance = translation.source.get_source_instance()
    except ObjectDoesNotExist:  # the source object is gone: the strings can still be named by their paths
        progress.missing.update(segment.context.path for segment in untranslated)
        return progress
    tab_helper = TabHelper(source_instance)
    progress.missing.update(field_label(source_instance, tab_helper, segment.context) for segment in untranslated)
    return progress
