"""The field that holds the languages a resource itself is in, and the lookup that filters by one of them."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from resources.choices import RESOURCE_LANGUAGE_NAMES, RESOURCE_LANGUAGES


class LanguageListField(models.Field):
    """Language codes stored as one comma-separated string ("en,it"), a list in Python, checkboxes in forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def get_internal_type(self):
        return "CharField"

    def to_python(self, value):
        if value is None:
            return []
        if isinstance(value, list | tuple):
            return [code for code in value if code]
        return [code for code in str(value).split(",") if code]

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value
        return ",".join(self.to_python(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [code for code in value if code not in RESOURCE_LANGUAGE_NAMES]
        if unknown:
            raise ValidationError(_("Unknown language code: %(codes)s") % {"codes": ", ".join(unknown)})
        if len(self.get_prep_value(value)) > self.max_length:  # the column's length, on every database
            raise ValidationError(_("Too many languages for one resource."))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=RESOURCE_LANGUAGES,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


def language_lookup(code):
    """A filter for resources available in one language (the field holds "en,it")."""
    return models.Q(languages__regex=rf"(^|,){re.escape(code)}(,|$)")
