"""The spreadsheet import as a background task (django-tasks, on the `imports` backend of `settings.TASKS`)."""

import logging

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from resources.importer import Importer, ImportReport
from resources.models import ImportRun
from resources.spreadsheet import SpreadsheetError, read_table

logger = logging.getLogger(__name__)


@task(backend="imports")
def run_import(run_id):
    """Read and import the run's file, then keep the report and forget the file."""
    run = ImportRun.objects.select_related("locale").filter(pk=run_id, status=ImportRun.Status.QUEUED).first()
    if run is None:  # already run (a task delivered twice) or deleted
        return
    run.status = ImportRun.Status.RUNNING
    run.save(update_fields=["status"])
    with translation.override(run.interface_language):
        try:
            _header, rows = read_table(bytes(run.data), run.file_name)
            report = Importer(run.locale).run(rows, dry_run=run.dry_run)
            run.status = ImportRun.Status.DONE
        except SpreadsheetError as error:  # checked before it was queued, unless the limits changed since
            report = ImportReport(dry_run=run.dry_run, errors=[(0, "", str(error))])
            run.status = ImportRun.Status.DONE
        except Exception:
            logger.exception("Resource import %s failed", run.pk)
            report = ImportReport(
                dry_run=run.dry_run, errors=[(0, "", _("The import failed unexpectedly; nothing was imported."))]
            )
            run.status = ImportRun.Status.FAILED
    run.report = report.as_dict()
    run.data = b""
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "report", "data", "finished_at"])
