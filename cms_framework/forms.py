"""Admin page forms whose framework choices are limited to the page's own language."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm


class SameLanguageChoicesForm(WagtailAdminPageForm):
    """Offers only the areas, competences, outcomes and pilot actions of the page's language, plus those already chosen.

    Pages translated by wagtail-localize keep the source language's choices; they stay selected and visible.
    """

    language_fields = ("areas", "competences", "learning_outcomes", "pilot_actions")

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or (parent_page.locale_id if parent_page else None)
        if locale_id is None:
            return
        for name in self.language_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            chosen = [obj.pk for obj in getattr(self.instance, name).all()] if self.instance.pk else []
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))
