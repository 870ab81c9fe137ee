"""Spreadsheet import and export: validation by row, all-or-nothing, stable keys, dry runs, lossless round trips."""

import csv
import io
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook
from wagtail.models import Locale, Page

from resources.models import ResourcePage
from resources.spreadsheet import COLUMNS
from tests.trees import copy_of, framework_tree, shared

GOOD = [
    {
        "key": "IT-WEB-001",
        "title": "Orientation portal",
        "category": "websites",
        "description": "A national portal for school leavers.",
        "instructions": "Let students browse it in pairs.",
        "languages": "it;en",
        "country": "IT",
        "provider": "Ministry",
        "target_group": "secondary-students",
        "setting": "school",
        "duration": "45",
        "licence": "CC BY 4.0",
        "url": "https://example.org/portal",
        "link_checked": "2017-05-31",
        "areas": "SA;EX",
        "competences": "SA.1",
        "learning_outcomes": "1",
        "pilot_actions": "careers-week",
    },
    {"key": "GB-VID-002", "title": "Interview video", "category": "videos", "country": "GB", "areas": "CB"},
]


def csv_bytes(rows, columns=COLUMNS):
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue().encode()


built_tree = shared(framework_tree, resources=0)


@pytest.fixture
def tree(built_tree, db):
    return copy_of(built_tree)


@pytest.fixture
def run_import(tree, tmp_path):
    """Write the bytes to a file of this test and import it; the command's output."""

    def run(name, data, *args):
        path = tmp_path / name
        path.write_bytes(data)
        out = StringIO()
        call_command("import_resources", str(path), *args, stdout=out)
        return out.getvalue()

    return run


def test_import_then_reimport_updates_instead_of_duplicating(run_import):
    assert "created 2, updated 0" in run_import("good.csv", csv_bytes(GOOD))
    resource = ResourcePage.objects.get(key="IT-WEB-001")
    assert resource.live
    assert resource.languages == ["it", "en"]
    assert sorted(area.code for area in resource.areas.all()) == ["EX", "SA"]
    assert [p.slug for p in resource.pilot_actions.all()] == ["careers-week"]
    assert str(resource.link_checked) == "2017-05-31"
    assert "created 0, updated 0, left 2 unchanged" in run_import("good.csv", csv_bytes(GOOD))
    changed = [{**GOOD[0], "title": "Orientation portal (new)"}, GOOD[1]]
    assert "created 0, updated 1, left 1 unchanged" in run_import("changed.csv", csv_bytes(changed))
    assert ResourcePage.objects.count() == 2
    assert ResourcePage.objects.get(key="IT-WEB-001").title == "Orientation portal (new)"


def test_dry_run_writes_nothing(run_import):
    assert "would have created 2" in run_import("good.csv", csv_bytes(GOOD), "--dry-run")
    assert ResourcePage.objects.count() == 0


def test_every_bad_row_is_reported_and_nothing_is_written(run_import):
    bad = [
        GOOD[0],
        {**GOOD[1], "key": "B1", "category": "podcasts"},
        {**GOOD[1], "key": "B2", "areas": "ZZ"},
        {**GOOD[1], "key": "B3", "country": "XX"},
        {**GOOD[1], "key": "B4", "languages": "en;xx"},
        {**GOOD[1], "key": "B5", "title": ""},
        {**GOOD[1], "key": "B6", "url": "htp:/broken"},
        {**GOOD[1], "key": "IT-WEB-001"},
    ]
    with pytest.raises(CommandError) as raised:
        run_import("bad.csv", csv_bytes(bad))
    message = str(raised.value)
    for expected in [
        "row 3, column category: unknown category “podcasts”",
        "row 4, column areas: unknown area code “ZZ”",
        "row 5, column country: unknown country “XX”",
        "row 6, column languages: unknown language “xx”",
        "row 7, column title: the title is missing",
        "row 8, column url: the address “htp:/broken” is not a valid web address",
        "row 9, column key: the key is already used on row 2",
    ]:
        assert expected in message
    assert "row 2," not in message
    assert ResourcePage.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "cols.csv",
            csv_bytes([{"key": "A"}], ["key", "title", "category", "country", "colour"]),
            "Unknown columns: colour",
        ),
        ("cols.csv", csv_bytes([{"key": "A"}], ["key", "title"]), "Missing columns: category, country"),
        ("cols.txt", b"key,title", "Upload a .csv or .xlsx file"),
    ],
    ids=["unknown-column", "missing-columns", "not-a-spreadsheet"],
)
def test_unknown_or_missing_columns_stop_the_import(run_import, name, data, message):
    with pytest.raises(CommandError) as raised:
        run_import(name, data)
    assert message in str(raised.value)


def test_xlsx_import_and_round_trip_through_export(run_import, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for row in GOOD:
        sheet.append([row.get(column, "") for column in COLUMNS])
    sheet["L2"] = 45  # a number cell, as a spreadsheet program writes it
    stream = io.BytesIO()
    workbook.save(stream)
    assert "created 2" in run_import("good.xlsx", stream.getvalue())
    for extension in ("csv", "xlsx"):
        export = tmp_path / f"export.{extension}"
        call_command("export_resources", str(export), stdout=StringIO())
        assert "left 2 unchanged" in run_import(f"again.{extension}", export.read_bytes()), extension
    with open(tmp_path / "export.csv", encoding="utf-8") as handle:
        exported = list(csv.DictReader(handle))
    assert exported[1]["areas"] == "EX;SA"
    assert exported[1]["duration"] == "45"


def test_import_into_another_language_joins_the_translations(tree, run_import):
    italian = Locale.objects.get_or_create(language_code="it")[0]
    tree.home.copy_for_translation(italian).save_revision().publish()
    tree.matrix.copy_for_translation(italian).save_revision().publish()
    run_import("en.csv", csv_bytes(GOOD[1:]))
    with pytest.raises(CommandError) as raised:  # the Italian tree has no framework areas yet
        run_import("it.csv", csv_bytes(GOOD[1:]), "--language", "it")
    assert "unknown area code “CB”" in str(raised.value)
    run_import("it.csv", csv_bytes([{**GOOD[1], "areas": "", "title": "Video di colloquio"}]), "--language", "it")
    english, italian_page = ResourcePage.objects.filter(key="GB-VID-002").order_by("locale__language_code")
    assert english.translation_key == italian_page.translation_key
    assert italian_page.get_parent().locale == italian
    assert Page.objects.get(pk=italian_page.pk).live


class TestImportAdminView:
    @pytest.fixture
    def upload(self, tree, client):
        def upload(rows, dry_run):
            data = {"language": "en", "file": SimpleUploadedFile("matrix.csv", csv_bytes(rows), "text/csv")}
            if dry_run:
                data["dry_run"] = "on"
            return client.post("/admin/resources/import/", data)

        return upload

    @pytest.fixture
    def coordinator(self, django_user_model, client):
        user = django_user_model.objects.create_superuser("import-coordinator", "c@example.com", "pw")
        client.force_login(user)
        return user

    def test_dry_run_then_import_then_reimport(self, coordinator, client, upload):
        assert client.get("/admin/resources/import/").status_code == 200
        response = upload(GOOD, dry_run=True)
        assert response.status_code == 200
        assert "Dry run" in response.content.decode()
        assert ResourcePage.objects.count() == 0
        response = upload(GOOD, dry_run=False)
        assert response.status_code == 200
        assert "created: 2" in response.content.decode()
        response = upload(GOOD, dry_run=False)
        assert response.status_code == 200
        assert "unchanged: 2" in response.content.decode()
        assert ResourcePage.objects.count() == 2

    def test_bad_rows_are_listed_with_their_numbers(self, coordinator, upload):
        response = upload([GOOD[0], {**GOOD[1], "category": "podcasts"}], dry_run=False)
        assert response.status_code == 400
        assert "Row 3, column category: unknown category “podcasts”" in response.content.decode()
        assert ResourcePage.objects.count() == 0

    def test_people_without_publishing_rights_cannot_import(self, tree, django_user_model, client):
        client.force_login(django_user_model.objects.create_user("reader", "r@example.com", "pw"))
        assert client.get("/admin/resources/import/").status_code != 200
