"""The admin's spreadsheet upload: import the Matrix into one language, with a dry run and a row-by-row report."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from resources.importer import Importer
from resources.models import ResourceIndexPage
from resources.spreadsheet import SpreadsheetError, read_table

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def importable_locales(user):
    """The languages whose matrix page this user may add resources to and publish."""
    locales = []
    for index in ResourceIndexPage.objects.select_related("locale").order_by("locale__language_code"):
        permissions = index.permissions_for_user(user)
        if permissions.can_add_subpage() and permissions.can_publish_subpage():
            locales.append(index.locale)
    order = [code for code, _name in settings.LANGUAGES]
    return sorted(
        locales, key=lambda locale: order.index(locale.language_code) if locale.language_code in order else 99
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"), help_text=_("A .csv (UTF-8) or .xlsx file; see the README for its columns.")
    )
    language = forms.ChoiceField(label=_("Import into the language"))
    dry_run = forms.BooleanField(
        label=_("Dry run"), required=False, initial=True, help_text=_("Only report what would change.")
    )

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(locale.language_code, locale.get_display_name()) for locale in locales]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class ImportResourcesView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportForm
    template_name = "resources/admin/import.html"
    page_title = _("Import resources")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.locales = importable_locales(request.user)
        if not self.locales:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "locales": self.locales}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        locale = Locale.objects.get(language_code=form.cleaned_data["language"])
        try:
            _header, rows = read_table(upload.read(), upload.name)
        except SpreadsheetError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        report = Importer(locale).run(rows, dry_run=form.cleaned_data["dry_run"])
        status = 200 if report.ok else 400
        return self.render_to_response(self.get_context_data(form=form, report=report, locale=locale), status=status)
