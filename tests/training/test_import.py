"""The training spreadsheet: import by row with (row, column, message) errors, all or nothing, dry runs, matching by
key, formula escaping, the admin upload, and export → import round trips that change nothing (CSV and XLSX)."""

import csv
import io
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook
from wagtail.models import Locale

from resources.spreadsheet import read_table
from tests.training.trees import training_tree
from tests.trees import copy_of, shared
from training.importer import TrainingImporter
from training.models import TrainingPage
from training.spreadsheet import COLUMNS, read_training_table

GOOD = [
    {
        "key": "IT-COURSE-9",
        "title": "Orientamento al lavoro",
        "kind": "course",
        "summary": "A short course.",
        "description": "Four evenings on looking for work.",
        "provider": "Centro per l’impiego",
        "country": "it",
        "city": "Torino",
        "online": "no",
        "eqf_level": "3",
        "languages": "it;EN",
        "duration": "4",
        "duration_unit": "days",
        "cost": "free",
        "url": "https://example.org/orientamento",
        "areas": "SA;EX",
    },
    {
        "key": "GB-VOL-2",
        "title": "Volunteer mentor",
        "kind": "volunteering",
        "provider": "Charity",
        "country": "GB",
        "online": "yes",
    },
]


def csv_bytes(rows, columns=COLUMNS):
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue().encode()


def xlsx_bytes(rows, columns=COLUMNS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(column, "") for column in columns])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


built_tree = shared(training_tree)


@pytest.fixture
def tree(built_tree, db):
    return copy_of(built_tree)


@pytest.fixture
def run_import(tree, tmp_path):
    def run(name, data, *args):
        path = tmp_path / name
        path.write_bytes(data)
        out = StringIO()
        call_command("import_training", str(path), *args, stdout=out)
        return out.getvalue()

    return run


@pytest.fixture
def export(tree, tmp_path):
    def run(name, *args):
        path = tmp_path / name
        call_command("export_training", str(path), *args, stdout=StringIO())
        return path.read_bytes()

    return run


def test_import_creates_then_reimport_changes_nothing(run_import):
    assert "created 2, updated 0" in run_import("good.csv", csv_bytes(GOOD))
    page = TrainingPage.objects.get(key="IT-COURSE-9")
    assert page.live
    assert page.country == "IT"
    assert page.languages == ["it", "en"]
    assert page.eqf_level == 3
    assert (page.duration, page.duration_unit) == (4, "days")
    assert sorted(area.code for area in page.areas.all()) == ["EX", "SA"]
    assert page.get_parent().specific_class.__name__ == "TrainingIndexPage"
    online = TrainingPage.objects.get(key="GB-VOL-2")
    assert online.online and online.cost == "free" and online.eqf_level is None
    assert "created 0, updated 0, left 2 unchanged" in run_import("good.csv", csv_bytes(GOOD))


def test_changed_row_updates_the_page(run_import):
    run_import("good.csv", csv_bytes(GOOD))
    changed = [{**GOOD[0], "cost": "paid", "areas": "CB"}, GOOD[1]]
    assert "created 0, updated 1, left 1 unchanged" in run_import("changed.csv", csv_bytes(changed))
    page = TrainingPage.objects.get(key="IT-COURSE-9")
    assert page.cost == "paid"
    assert [area.code for area in page.areas.all()] == ["CB"]


def test_dry_run_writes_nothing(run_import):
    out = run_import("good.csv", csv_bytes(GOOD), "--dry-run")
    assert "would have created 2" in out
    assert not TrainingPage.objects.filter(key__in=["IT-COURSE-9", "GB-VOL-2"]).exists()


@pytest.mark.parametrize(
    ("change", "column", "message"),
    [
        ({"kind": "cooking"}, "kind", "unknown kind of opportunity"),
        ({"country": "XX"}, "country", "unknown country"),
        ({"eqf_level": "9"}, "eqf_level", "from 1 to 8"),
        ({"eqf_level": "²"}, "eqf_level", "from 1 to 8"),
        ({"online": "maybe"}, "online", "“yes” or “no”"),
        ({"cost": "cheap"}, "cost", "“free” or “paid”"),
        ({"duration": "0"}, "duration", "whole number"),
        ({"duration_unit": "fortnights"}, "duration_unit", "unknown unit"),
        ({"duration_unit": ""}, "duration_unit", "unit"),
        ({"languages": "it;xx"}, "languages", "unknown language"),
        ({"url": "javascript:alert(1)"}, "url", "not a valid web address"),
        ({"areas": "SA;ZZ"}, "areas", "unknown area code"),
        ({"provider": ""}, "provider", "the provider is missing"),
        ({"city": "", "online": "no"}, "city", "or say that it is online"),
        ({"key": "bad key!"}, "key", "the key is missing"),
        ({"title": ""}, "title", "the title is missing"),
    ],
)
def test_a_bad_row_is_reported_by_row_and_column_and_nothing_is_written(tree, change, column, message):
    rows = [(2, {**GOOD[0], **change}), (3, GOOD[1])]
    report = TrainingImporter(tree.english).run(rows)
    assert not report.ok
    assert any(row == 2 and col == column and message in text for row, col, text in report.errors), report.errors
    assert not TrainingPage.objects.filter(key="GB-VOL-2").exists()  # the good row is not written either


def test_duplicate_keys_in_a_file(tree):
    report = TrainingImporter(tree.english).run([(2, GOOD[0]), (3, {**GOOD[1], "key": GOOD[0]["key"]})])
    assert (3, "key", "the key is already used on row 2") in report.errors


def test_language_without_a_catalogue(tree):
    locale = Locale.objects.create(language_code="it")
    report = TrainingImporter(locale).run([(2, GOOD[0])])
    assert report.errors == [(0, "", "This language has no training catalogue page to import into.")]


def test_unknown_and_missing_columns_are_refused(run_import):
    with pytest.raises(CommandError, match="Unknown columns: category"):
        run_import("bad.csv", csv_bytes([GOOD[0]], columns=[*COLUMNS, "category"]))
    with pytest.raises(CommandError, match="Missing columns: provider"):
        run_import("bad.csv", csv_bytes([GOOD[0]], columns=[c for c in COLUMNS if c != "provider"]))


def test_resources_columns_are_still_the_matrix_default():
    data = csv_bytes([GOOD[0]])
    header, _rows = read_training_table(data, "t.csv")
    assert header == COLUMNS
    from resources.spreadsheet import SpreadsheetError

    with pytest.raises(SpreadsheetError, match="Unknown columns"):
        read_table(data, "t.csv")  # the Matrix's own format knows no "kind"


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_round_trip_changes_nothing(tree, run_import, export, extension):
    run_import("good.csv", csv_bytes(GOOD))
    page = TrainingPage.objects.get(key="IT-COURSE-9")
    page.description = '=HYPERLINK("https://example.org")\nLine two; with “quotes”, commas'
    page.save_revision().publish()
    before = {p.key: (p.title, p.description, p.online, p.eqf_level, p.languages) for p in TrainingPage.objects.all()}
    data = export(f"all.{extension}")
    out = run_import(f"all.{extension}", data)
    assert f"created 0, updated 0, left {len(before)} unchanged" in out
    after = {p.key: (p.title, p.description, p.online, p.eqf_level, p.languages) for p in TrainingPage.objects.all()}
    assert after == before
    assert export(f"again.{extension}") == data or extension == "xlsx"  # a workbook's zip carries a timestamp


def test_csv_export_escapes_formulas_and_xlsx_keeps_text(tree, export):
    page = tree.training[0]
    page.title = "=1+1"
    page.save_revision().publish()
    text = export("all.csv").decode()
    assert "'=1+1" in text
    workbook = load_workbook(io.BytesIO(export("all.xlsx")))
    titles = [row[1] for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    assert "=1+1" in titles
    assert workbook.active.cell(row=1 + 1 + titles.index("=1+1"), column=2).data_type == "s"


def test_xlsx_import(run_import):
    assert "created 2" in run_import("good.xlsx", xlsx_bytes(GOOD))


class TestAdminUpload:
    @pytest.fixture
    def admin(self, tree, admin_client):
        return admin_client

    def upload(self, client, data, name="good.csv", dry_run=False):
        fields = {"file": SimpleUploadedFile(name, data), "language": "en"}
        if dry_run:
            fields["dry_run"] = "on"
        return client.post("/admin/training/import/", fields)

    def test_dry_run_then_import(self, admin):
        response = self.upload(admin, csv_bytes(GOOD), dry_run=True)
        assert response.status_code == 200
        assert "Dry run" in response.content.decode()
        assert not TrainingPage.objects.filter(key="IT-COURSE-9").exists()
        response = self.upload(admin, csv_bytes(GOOD))
        assert response.status_code == 200
        assert TrainingPage.objects.filter(key="IT-COURSE-9", live=True).exists()

    def test_bad_rows_are_a_400_with_the_report(self, admin):
        response = self.upload(admin, csv_bytes([{**GOOD[0], "kind": "cooking"}]))
        assert response.status_code == 400
        assert "Row 2, column kind" in response.content.decode()

    def test_over_the_row_limit_is_refused_with_a_message(self, admin, settings):
        settings.RESOURCE_IMPORT = {"BACKGROUND_ROWS": 1}
        response = self.upload(admin, csv_bytes(GOOD))
        assert response.status_code == 400
        assert "import_training command" in response.content.decode()
        assert not TrainingPage.objects.filter(key="IT-COURSE-9").exists()

    def test_an_editor_without_rights_is_refused(self, tree, client, django_user_model):
        user = django_user_model.objects.create_user("reader", password="x")
        client.force_login(user)
        assert client.get("/admin/training/import/").status_code in (302, 403)
