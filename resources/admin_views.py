"""The admin's spreadsheet upload: import the Matrix into one language, with a dry run and a row-by-row report.

A file of up to `BACKGROUND_ROWS` rows is imported while the editor waits; a larger one is kept as an `ImportRun` and
imported by a background task (`resources.tasks.run_import`), whose report the editor reads on the run's page.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from resources.importer import Importer
from resources.models import ImportRun, ResourceIndexPage
from resources.spreadsheet import SpreadsheetError, import_limit, read_table
from resources.tasks import run_import

RUNS_LISTED = 50


def importable_locales(user, index_model=ResourceIndexPage):
    """The languages whose index page (the Matrix, or `index_model`) this user may add pages to and publish."""
    locales = []
    for index in index_model.objects.select_related("locale").order_by("locale__language_code"):
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
        limit = import_limit("MAX_UPLOAD_BYTES")
        if upload.size > limit:
            raise forms.ValidationError(_("The file is larger than %(size)s.") % {"size": filesizeformat(limit)})
        return upload


class ImportResourcesView(WagtailAdminTemplateMixin, FormView):
    """The upload form and its report. Another catalogue imports with the same view (`training.admin_views`),
    giving its index page model, its importer and its reading of the file."""

    form_class = ImportForm
    template_name = "resources/admin/import.html"
    page_title = _("Import resources")
    header_icon = "upload"
    index_model = ResourceIndexPage
    importer_class = Importer

    def read(self, data, name):
        return read_table(data, name)

    def start_in_background(self, form, locale, data, rows):
        """A large file: kept as an `ImportRun` and imported by the task; the answer redirects to the run's page."""
        upload = form.cleaned_data["file"]
        run = ImportRun.objects.create(
            user=self.request.user,
            locale=locale,
            interface_language=get_language() or settings.LANGUAGE_CODE,
            file_name=upload.name[-255:],
            data=data,
            dry_run=form.cleaned_data["dry_run"],
            rows=len(rows),
        )
        run_import.enqueue(str(run.pk))
        return redirect("resources_import_run", run.pk)

    def dispatch(self, request, *args, **kwargs):
        self.locales = importable_locales(request.user, self.index_model)
        if not self.locales:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "locales": self.locales}

    def get_context_data(self, **kwargs):
        runs = ImportRun.objects.filter(user=self.request.user)
        context = super().get_context_data(**kwargs)
        return {**context, "has_runs": runs.exists(), "background_rows": import_limit("BACKGROUND_ROWS")}

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        locale = Locale.objects.get(language_code=form.cleaned_data["language"])
        data = upload.read()
        try:
            _header, rows = self.read(data, upload.name)
        except SpreadsheetError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        dry_run = form.cleaned_data["dry_run"]
        if len(rows) > import_limit("BACKGROUND_ROWS"):
            return self.start_in_background(form, locale, data, rows)
        report = self.importer_class(locale).run(rows, dry_run=dry_run)
        status = 200 if report.ok else 400
        return self.render_to_response(self.get_context_data(form=form, report=report, locale=locale), status=status)


class ImportRunsView(WagtailAdminTemplateMixin, TemplateView):
    """The editor's own background imports, the latest first, each with its state and what it did."""

    template_name = "resources/admin/import_runs.html"
    page_title = _("Your background imports")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items()[:-1],
            {"url": reverse("resources_import"), "label": _("Import resources")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        runs = ImportRun.objects.filter(user=self.request.user).select_related("locale").defer("data")
        return {**super().get_context_data(**kwargs), "runs": runs[:RUNS_LISTED]}


class ImportRunView(WagtailAdminTemplateMixin, TemplateView):
    """One background import: its state until it has run, then its report. Another editor's run is a 404."""

    template_name = "resources/admin/import_run.html"
    page_title = _("Background import")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items()[:-1],
            {"url": reverse("resources_import"), "label": _("Import resources")},
            {"url": reverse("resources_import_runs"), "label": _("Your background imports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, pk, **kwargs):
        self.run = get_object_or_404(ImportRun.objects.select_related("locale").defer("data"), pk=pk, user=request.user)
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.run.file_name

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "run": self.run, "report": self.run.report or None}
