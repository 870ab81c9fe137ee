"""The pilot action filters: validated like any form, so that a bad value gets a message and not a 500."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms_framework.choices import COUNTRIES, SETTINGS
from cms_framework.models import FrameworkAreaPage


class PilotActionFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    setting = forms.ChoiceField(label=_("Setting"), required=False)
    area = forms.ChoiceField(label=_("Framework area"), required=False)

    def __init__(self, data=None, *, locale, **kwargs):
        super().__init__(data, **kwargs)
        everything = [("", _("All"))]
        self.fields["country"].choices = everything + list(COUNTRIES)
        self.fields["setting"].choices = everything + list(SETTINGS)
        areas = FrameworkAreaPage.objects.live().filter(locale=locale).order_by("path").values_list("code", "title")
        self.fields["area"].choices = everything + [(code, f"{code} {title}") for code, title in areas]
