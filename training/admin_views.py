"""The admin's spreadsheet upload for the training catalogue: the Matrix's import view with the catalogue's rows.

Files of up to `BACKGROUND_ROWS` rows are imported while the editor waits; a larger one is refused with a pointer to
the `import_training` command (the background runs, `resources.ImportRun`, belong to the Matrix's import).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resources.admin_views import ImportResourcesView
from resources.spreadsheet import import_limit
from training.importer import TrainingImporter
from training.models import TrainingIndexPage
from training.spreadsheet import read_training_table


class ImportTrainingView(ImportResourcesView):
    template_name = "training/admin/import.html"
    page_title = gettext_lazy("Import training opportunities")
    index_model = TrainingIndexPage
    importer_class = TrainingImporter

    def read(self, data, name):
        return read_training_table(data, name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "has_runs": False}

    def start_in_background(self, form, locale, data, rows):
        form.add_error(
            "file",
            _(
                "The file has more than %(max)s rows: split it, or ask an administrator to import it with the "
                "import_training command."
            )
            % {"max": import_limit("BACKGROUND_ROWS")},
        )
        return self.form_invalid(form)
