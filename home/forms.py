"""Admin page forms whose choices of translatable objects are limited to the page's own language."""

from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin


class SameLanguageChoicesForm(WagtailAdminPageForm):
    """Every many-to-many choice of translatable objects offers the page's language only, plus those already chosen.

    Pages translated by wagtail-localize keep the source language's choices; they stay selected and visible.
    """

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or (parent_page.locale_id if parent_page else None)
        if locale_id is None:
            return
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelMultipleChoiceField):
                continue
            if not issubclass(field.queryset.model, TranslatableMixin):
                continue
            chosen = [obj.pk for obj in getattr(self.instance, name).all()] if self.instance.pk else []
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))
