"""The spreadsheet import cannot take the site down (limits, streaming, zip bombs, large imports in the background),
checks what the database enforces (a hostile file fails row by row, never with a 500), and no export carries a
formula that a spreadsheet program would run."""

import csv
import io
import re
import tracemalloc
import zipfile
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from openpyxl import Workbook, load_workbook

from resources.factories import ResourcePageFactory
from resources.importer import Importer
from resources.models import ImportRun, ResourcePage
from resources.spreadsheet import (
    COLUMNS,
    FORMULA_STARTS,
    SpreadsheetError,
    escape_formula,
    read_table,
    unescape_formula,
)
from tests.trees import copy_of, framework_tree, shared

GOOD = {"key": "GB-VID-002", "title": "Interview video", "category": "videos", "country": "GB", "areas": "CB"}


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


def with_sheet_xml(data, rewrite):
    """The workbook `data` with its first sheet's XML passed through `rewrite` (as a hostile program would write)."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                content = rewrite(content.decode()).encode()
            archive.writestr(member, content)
    return target.getvalue()


def many_rows_xml(count):
    """A worksheet of a header and `count` one-cell rows, written as inline strings."""

    def rewrite(xml):
        header = "".join(
            f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{name}</t></is></c>'
            for i, name in enumerate(["key", "title", "category", "country"])
        )
        rows = "".join(
            f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>K{n}</t></is></c></row>' for n in range(2, count + 2)
        )
        xml = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="A1:D{count + 1}"/>', xml)
        return re.sub(
            r"<sheetData>.*</sheetData>|<sheetData/>",
            f'<sheetData><row r="1">{header}</row>{rows}</sheetData>',
            xml,
            flags=re.S,
        )

    return rewrite


def peak_memory(function):
    """The largest amount of memory Python held while `function` ran, in bytes, and what it returned or raised."""
    tracemalloc.start()
    try:
        try:
            outcome = function()
        except SpreadsheetError as error:
            outcome = error
        return tracemalloc.get_traced_memory()[1], outcome
    finally:
        tracemalloc.stop()


built_tree = shared(framework_tree, resources=0)


@pytest.fixture
def tree(built_tree, db):
    return copy_of(built_tree)


@pytest.fixture
def run_import(tree, tmp_path):
    """Import the bytes (as a file of this test) with the command; its output, or the CommandError's message."""

    def run(name, data, *args):
        path = tmp_path / name
        path.write_bytes(data)
        out = StringIO()
        try:
            call_command("import_resources", str(path), *args, stdout=out)
        except CommandError as error:
            return str(error)
        return out.getvalue()

    return run


class TestLimits:
    def test_a_declared_size_of_16384_columns_is_not_believed(self):
        def rewrite(xml):
            xml = re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD10000"/>', xml)
            empty_rows = "".join(f'<row r="{number}"/>' for number in range(3, 10_001))
            return xml.replace("</sheetData>", empty_rows + "</sheetData>")

        data = with_sheet_xml(xlsx_bytes([GOOD]), rewrite)
        assert len(data) < 30_000
        peak, (header, rows) = peak_memory(lambda: read_table(data, "declared.xlsx"))
        assert peak < 20 * 1024 * 1024, peak  # every empty row was 16,384 cells: 1.4 GB
        assert [number for number, _row in rows] == [2]
        assert rows[0][1]["title"] == "Interview video"

    def test_reading_stops_at_the_row_limit(self):
        data = with_sheet_xml(xlsx_bytes([]), many_rows_xml(200_000))
        assert len(data) < 2 * 1024 * 1024
        peak, outcome = peak_memory(lambda: read_table(data, "many.xlsx"))
        assert str(outcome) == "The file has more than 10000 rows."
        assert peak < 20 * 1024 * 1024, peak  # 4.5 MB here; every row kept until the end took 57 MB

    def test_a_row_numbered_a_million_counts_the_rows_before_it(self):
        data = with_sheet_xml(
            xlsx_bytes([GOOD]),
            lambda xml: xml.replace(
                "</sheetData>", '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
            ),
        )
        with pytest.raises(SpreadsheetError, match="more than 10000 rows"):
            read_table(data, "gap.xlsx")

    def test_a_zip_bomb_is_refused_before_it_is_unpacked(self, settings):
        settings.RESOURCE_IMPORT = {**settings.RESOURCE_IMPORT, "MAX_UNCOMPRESSED_BYTES": 1024 * 1024}
        source, target = zipfile.ZipFile(io.BytesIO(xlsx_bytes([GOOD]))), io.BytesIO()
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for member in source.infolist():
                archive.writestr(member, source.read(member))
            archive.writestr("xl/media/padding.bin", b"\0" * (2 * 1024 * 1024))
        assert len(target.getvalue()) < 20_000
        with pytest.raises(SpreadsheetError, match=r"The workbook unpacks to more than 1\.0\xa0MB"):
            read_table(target.getvalue(), "bomb.xlsx")

    @pytest.mark.parametrize("extension", ["csv", "xlsx"])
    def test_rows_columns_and_cells_have_limits(self, settings, extension):
        write = csv_bytes if extension == "csv" else xlsx_bytes
        settings.RESOURCE_IMPORT = {**settings.RESOURCE_IMPORT, "MAX_ROWS": 3}
        assert len(read_table(write([GOOD] * 3), f"ok.{extension}")[1]) == 3
        with pytest.raises(SpreadsheetError, match="more than 3 rows"):
            read_table(write([GOOD] * 4), f"rows.{extension}")
        wide = [*COLUMNS, *(f"extra{number}" for number in range(21))]
        with pytest.raises(SpreadsheetError, match="more than 40 columns"):
            read_table(write([GOOD], wide), f"wide.{extension}")
        with pytest.raises(SpreadsheetError, match="Row 3, column description: more than 10000 characters"):
            read_table(write([GOOD, {**GOOD, "description": "x" * 10_001}]), f"cell.{extension}")
        settings.RESOURCE_IMPORT = {**settings.RESOURCE_IMPORT, "MAX_CHARACTERS": 100}
        with pytest.raises(SpreadsheetError, match="more than 100 characters of text"):
            read_table(write([GOOD] * 3), f"text.{extension}")

    def test_a_value_beyond_the_named_columns_stops_the_import(self):
        data = b"key,title,category,country\nA,B,videos,GB,surprise\n"
        with pytest.raises(SpreadsheetError, match=r"Row 2 has a value beyond the last named column \(country\)"):
            read_table(data, "beyond.csv")

    def test_a_csv_field_over_128_kib_is_a_clear_error(self, run_import):
        data = csv_bytes([GOOD, {**GOOD, "key": "B", "description": "x" * (129 * 1024)}])
        assert "Line 3 of the CSV file cannot be read: a cell is too long" in run_import("long.csv", data)
        assert ResourcePage.objects.count() == 0

    def test_the_upload_size(self, settings):
        settings.RESOURCE_IMPORT = {**settings.RESOURCE_IMPORT, "MAX_UPLOAD_BYTES": 100}
        with pytest.raises(SpreadsheetError, match="The file is larger than 100\xa0bytes"):
            read_table(csv_bytes([GOOD] * 3), "big.csv")


BOTH = ("csv", "xlsx")  # a workbook cannot hold a NUL character
HOSTILE = [
    ("long-key", {"key": "K" * 61}, "key", "Ensure this value has at most 60 characters (it has 61).", BOTH),
    ("long-title", {"title": "T" * 300}, "title", "Ensure this value has at most 255 characters (it has 300).", BOTH),
    ("long-url", {"url": "https://example.org/" + "a" * 600}, "url", "at most 500 characters (it has 620).", BOTH),
    ("superscript-duration", {"duration": "²"}, "duration", "the duration must be a whole number of minutes", BOTH),
    ("huge-duration", {"duration": "999999999999"}, "duration", "less than or equal to 2147483647.", BOTH),
    ("nul", {"title": "Inter\x00view"}, "title", "contains a NUL character (U+0000)", ("csv",)),
    ("long-licence", {"licence": "L" * 101}, "licence", "at most 100 characters (it has 101).", BOTH),
    ("long-provider", {"provider": "P" * 256}, "provider", "at most 255 characters (it has 256).", BOTH),
]


class TestValidationIsWhatTheDatabaseEnforces:
    @pytest.mark.parametrize(
        ("extension", "values", "column", "message"),
        [(extension, *case[1:4]) for case in HOSTILE for extension in ("csv", "xlsx") if extension in case[4]],
        ids=[f"{extension}-{case[0]}" for case in HOSTILE for extension in ("csv", "xlsx") if extension in case[4]],
    )
    def test_a_hostile_value_is_a_row_error_in_the_dry_run_and_the_import(
        self, run_import, extension, values, column, message
    ):
        write = csv_bytes if extension == "csv" else xlsx_bytes
        data = write([{**GOOD, "key": "OK-1"}, {**GOOD, **values}])
        for args in (["--dry-run"], []):
            output = run_import(f"hostile.{extension}", data, *args)
            assert "1 problems, nothing was imported" in output, output
            assert f"row 3, column {column}: " in output and message in output, output
        assert ResourcePage.objects.count() == 0

    def test_two_keys_that_give_one_page_address(self, run_import):
        output = run_import("slugs.csv", csv_bytes([{**GOOD, "key": "A.B"}, {**GOOD, "key": "AB"}]))
        assert "row 3, column key: the key gives the page address “ab”, as row 2 does" in output
        assert ResourcePage.objects.count() == 0

    def test_a_key_whose_page_address_another_page_has(self, tree, run_import):
        ResourcePageFactory(parent=tree.matrix, key="OTHER", slug="ab")
        output = run_import("slugs.csv", csv_bytes([{**GOOD, "key": "A.B"}]), "--dry-run")
        assert "row 2, column key: the key gives the page address “ab”, which another page of the Matrix has" in output
        assert ResourcePage.objects.count() == 1

    def test_every_problem_of_a_row_is_named_with_its_column(self, run_import):
        output = run_import(
            "many.csv", csv_bytes([{**GOOD, "category": "podcasts", "title": "T" * 256, "duration": "x"}])
        )
        assert "row 2, column category: unknown category “podcasts”" in output
        assert "row 2, column title: Ensure this value has at most 255 characters (it has 256)." in output
        assert "row 2, column duration: the duration must be a whole number of minutes" in output

    def test_an_update_is_checked_as_well(self, run_import):
        assert "created 1" in run_import("good.csv", csv_bytes([GOOD]))
        output = run_import("longer.csv", csv_bytes([{**GOOD, "title": "T" * 256}]))
        assert "row 2, column title: Ensure this value has at most 255 characters (it has 256)." in output
        assert ResourcePage.objects.get(key=GOOD["key"]).title == "Interview video"

    def test_a_valid_file_of_many_rows_imports_in_one_go(self, run_import):
        rows = [{**GOOD, "key": f"K-{number:03d}", "duration": "2147483647"} for number in range(30)]
        assert "created 30" in run_import("many.csv", csv_bytes(rows))
        assert ResourcePage.objects.live().count() == 30
        assert ResourcePage.objects.get(key="K-007").duration == 2_147_483_647

    def test_a_row_that_fails_while_writing_undoes_the_whole_import(self, tree):
        class PageTakenMeanwhile(Importer):
            """As if another editor published a page with the third row's address after the check."""

            def create(self, page, row):
                if row["key"] == "W-3":
                    ResourcePageFactory(parent=self.index, key="ELSEWHERE", slug=page.slug)
                super().create(page, row)

        rows = [(number, {**GOOD, "key": f"W-{number}"}) for number in range(2, 5)]
        report = PageTakenMeanwhile(tree.matrix.locale).run(rows)
        assert (report.created, report.updated) == ([], [])
        [(number, column, message)] = report.errors
        assert (number, column) == (3, "")
        assert message.startswith("the row could not be written, so nothing was imported: ")
        assert "w-3" in message
        assert not ResourcePage.objects.exists()


TRICKY_TITLES = ["=SUM(A1)", "-5 tips", "@home", "+1 idea", "'=quoted", "''=twice", "'plain", "plain", "a=b"]


class TestNoFormulaInAnyExport:
    @pytest.mark.parametrize("text", [*TRICKY_TITLES, "\tindented", "\rcarriage", "\x00nul", "", "'", "''"])
    def test_escaping_is_undone_exactly(self, text):
        escaped = escape_formula(text)
        assert not escaped.startswith(FORMULA_STARTS)
        assert unescape_formula(escaped) == text

    def test_round_trip_of_titles_that_look_like_formulas(self, run_import, tmp_path):
        rows = [{**GOOD, "key": f"F-{number}", "title": title} for number, title in enumerate(TRICKY_TITLES)]
        assert f"created {len(rows)}" in run_import(
            "tricky.csv", csv_bytes([{**r, "title": escape_formula(r["title"])} for r in rows])
        )
        assert sorted(ResourcePage.objects.values_list("title", flat=True)) == sorted(TRICKY_TITLES)
        for extension in ("csv", "xlsx"):
            export = tmp_path / f"export.{extension}"
            call_command("export_resources", str(export), stdout=StringIO())
            assert f"left {len(rows)} unchanged" in run_import(f"again.{extension}", export.read_bytes()), extension
        with open(tmp_path / "export.csv", encoding="utf-8", newline="") as handle:
            titles = [row["title"] for row in csv.DictReader(handle)]
        assert sorted(titles) == sorted(
            ["'=SUM(A1)", "'-5 tips", "'@home", "'+1 idea", "''=quoted", "'''=twice", "'plain", "plain", "a=b"]
        )
        sheet = load_workbook(tmp_path / "export.xlsx").active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert cells and all(cell.data_type == "s" for cell in cells)
        assert sorted(cell.value for cell in sheet["B"][1:]) == sorted(TRICKY_TITLES)

    def test_the_public_downloads(self, tree, client):
        resource = tree.add_resource(50, title="=SUM(A1)", description="-5 tips", provider="@home")
        data = client.get("/en/teaching-resources/?format=csv").content.decode()
        row = next(r for r in csv.DictReader(io.StringIO(data)) if r["key"] == resource.key)
        assert (row["title"], row["description"], row["provider"]) == ("'=SUM(A1)", "'-5 tips", "'@home")
        payload = client.get("/en/teaching-resources/?format=json").json()
        assert {"=SUM(A1)"} <= {resource["title"] for resource in payload["resources"]}  # JSON needs no escaping
        readers = client.get("/en/teaching-resources/?format=xlsx").content
        sheet = load_workbook(io.BytesIO(readers)).active
        texts = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
        assert {"=SUM(A1)", "-5 tips", "@home"} <= {cell.value for cell in texts}
        assert all(cell.data_type == "s" for cell in texts)


class TestBackgroundImport:
    @pytest.fixture
    def editor(self, django_user_model, client):
        user = django_user_model.objects.create_superuser("import-editor", "e@example.com", "pw")
        client.force_login(user)
        return user

    @pytest.fixture
    def upload(self, tree, client, settings):
        settings.RESOURCE_IMPORT = {**settings.RESOURCE_IMPORT, "BACKGROUND_ROWS": 2}

        def upload(rows, dry_run=False, name="matrix.csv"):
            data = {"language": "en", "file": SimpleUploadedFile(name, csv_bytes(rows), "text/csv")}
            if dry_run:
                data["dry_run"] = "on"
            return client.post("/admin/resources/import/", data)

        return upload

    def rows(self, count):
        return [{**GOOD, "key": f"BG-{number:03d}"} for number in range(count)]

    def test_small_imports_stay_synchronous(self, editor, upload):
        response = upload(self.rows(2))
        assert response.status_code == 200
        assert "created: 2" in response.content.decode()
        assert not ImportRun.objects.exists()

    def test_a_large_import_runs_as_a_task_and_reports_on_its_page(self, editor, client, upload):
        response = upload(self.rows(3), name="large.csv")
        run = ImportRun.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/admin/resources/import/runs/{run.pk}/"
        assert (run.status, run.rows, bytes(run.data)) == ("done", 3, b"")  # the file is not kept once read
        assert ResourcePage.objects.live().count() == 3
        page = client.get(response["Location"]).content.decode()
        assert "large.csv" in page and "created: 3" in page
        listing = client.get("/admin/resources/import/runs/").content.decode()
        assert "large.csv" in listing and "created: 3, updated: 0, unchanged: 0" in listing
        assert "/admin/resources/import/runs/" in client.get("/admin/resources/import/").content.decode()

    def test_a_large_import_with_problems_reports_them_and_writes_nothing(self, editor, client, upload):
        response = upload([*self.rows(2), {**GOOD, "key": "BG-X", "title": "T" * 256}])
        page = client.get(response["Location"]).content.decode()
        assert "Row 4, column title: Ensure this value has at most 255 characters (it has 256)." in page
        assert ResourcePage.objects.count() == 0

    def test_another_editors_import_is_not_found(self, editor, client, upload, django_user_model):
        response = upload(self.rows(3))
        client.force_login(django_user_model.objects.create_superuser("other-editor", "o@example.com", "pw"))
        assert client.get(response["Location"], follow=True).status_code == 404
        assert "matrix.csv" not in client.get("/admin/resources/import/runs/").content.decode()

    def test_with_the_database_backend_the_worker_runs_it(self, editor, client, upload, settings):
        settings.TASKS = {**settings.TASKS, "imports": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        response = upload(self.rows(3), dry_run=True)
        assert ImportRun.objects.get().status == "queued"
        page = client.get(response["Location"]).content.decode()
        assert "The import has not finished yet. Reload this page to see its report." in page
        # What `manage.py db_worker --backend imports` does with each task, without closing the test's connection.
        worker = Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="imports",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        )
        for result in DBTaskResult.objects.ready().filter(backend_name="imports"):
            result.claim(worker.worker_id)
            worker.run_task(result)
        page = client.get(response["Location"]).content.decode()
        assert "Dry run: nothing was written" in page and "created: 3" in page
        assert ResourcePage.objects.count() == 0

    def test_a_limit_is_the_forms_error_and_a_400(self, editor, upload, settings):
        settings.RESOURCE_IMPORT = {**settings.RESOURCE_IMPORT, "MAX_ROWS": 2}
        response = upload(self.rows(3))
        assert response.status_code == 400
        assert "The file has more than 2 rows." in response.content.decode()
        settings.RESOURCE_IMPORT = {**settings.RESOURCE_IMPORT, "MAX_UPLOAD_BYTES": 100}
        response = upload(self.rows(3))
        assert response.status_code == 400
        assert "The file is larger than 100\xa0bytes." in response.content.decode()
        assert not ImportRun.objects.exists()
        assert ResourcePage.objects.count() == 0
