"""Spreadsheet import and export: validation by row, all-or-nothing, stable keys, dry runs, lossless round trips."""

import csv
import io
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import TestCase
from openpyxl import Workbook

from resources.models import ResourcePage
from resources.spreadsheet import COLUMNS
from tests.cms_framework.tree import build_tree

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


class ImportCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls, resources=0)

    def run_import(self, tmp_name, data, *args):
        path = f"/tmp/{tmp_name}"  # noqa: S108 - a throwaway file of this test
        with open(path, "wb") as handle:
            handle.write(data)
        out = StringIO()
        call_command("import_resources", path, *args, stdout=out)
        return out.getvalue()

    def test_import_then_reimport_updates_instead_of_duplicating(self):
        output = self.run_import("good.csv", csv_bytes(GOOD))
        self.assertIn("created 2, updated 0", output)
        resource = ResourcePage.objects.get(key="IT-WEB-001")
        self.assertTrue(resource.live)
        self.assertEqual(resource.languages, ["it", "en"])
        self.assertEqual(sorted(area.code for area in resource.areas.all()), ["EX", "SA"])
        self.assertEqual([p.slug for p in resource.pilot_actions.all()], ["careers-week"])
        self.assertEqual(str(resource.link_checked), "2017-05-31")
        self.assertIn("created 0, updated 0, left 2 unchanged", self.run_import("good.csv", csv_bytes(GOOD)))
        changed = [{**GOOD[0], "title": "Orientation portal (new)"}, GOOD[1]]
        self.assertIn("created 0, updated 1, left 1 unchanged", self.run_import("changed.csv", csv_bytes(changed)))
        self.assertEqual(ResourcePage.objects.count(), 2)
        self.assertEqual(ResourcePage.objects.get(key="IT-WEB-001").title, "Orientation portal (new)")

    def test_dry_run_writes_nothing(self):
        output = self.run_import("good.csv", csv_bytes(GOOD), "--dry-run")
        self.assertIn("would have created 2", output)
        self.assertEqual(ResourcePage.objects.count(), 0)

    def test_every_bad_row_is_reported_and_nothing_is_written(self):
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
        with self.assertRaises(CommandError) as raised:
            self.run_import("bad.csv", csv_bytes(bad))
        message = str(raised.exception)
        for expected in [
            "row 3: unknown category “podcasts”",
            "row 4: unknown area code “ZZ”",
            "row 5: unknown country “XX”",
            "row 6: unknown language “xx”",
            "row 7: the title is missing",
            "row 8: the address “htp:/broken” is not a valid web address",
            "row 9: the key is already used on row 2",
        ]:
            self.assertIn(expected, message)
        self.assertNotIn("row 2:", message)
        self.assertEqual(ResourcePage.objects.count(), 0)

    def test_unknown_or_missing_columns_stop_the_import(self):
        with self.assertRaisesMessage(CommandError, "Unknown columns: colour"):
            self.run_import("cols.csv", csv_bytes([{"key": "A"}], ["key", "title", "category", "country", "colour"]))
        with self.assertRaisesMessage(CommandError, "Missing columns: category, country"):
            self.run_import("cols.csv", csv_bytes([{"key": "A"}], ["key", "title"]))
        with self.assertRaisesMessage(CommandError, "Upload a .csv or .xlsx file"):
            self.run_import("cols.txt", b"key,title")

    def test_xlsx_import_and_round_trip_through_export(self):
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(COLUMNS)
        for row in GOOD:
            sheet.append([row.get(column, "") for column in COLUMNS])
        sheet["L2"] = 45  # a number cell, as a spreadsheet program writes it
        stream = io.BytesIO()
        workbook.save(stream)
        self.assertIn("created 2", self.run_import("good.xlsx", stream.getvalue()))
        for extension in ("csv", "xlsx"):
            with self.subTest(extension=extension):
                call_command("export_resources", f"/tmp/export.{extension}", stdout=StringIO())  # noqa: S108
                with open(f"/tmp/export.{extension}", "rb") as handle:  # noqa: S108
                    data = handle.read()
                self.assertIn("left 2 unchanged", self.run_import(f"again.{extension}", data))
        with open("/tmp/export.csv", encoding="utf-8") as handle:  # noqa: S108
            exported = list(csv.DictReader(handle))
        self.assertEqual(exported[1]["areas"], "EX;SA")
        self.assertEqual(exported[1]["duration"], "45")

    def test_import_into_another_language_joins_the_translations(self):
        from wagtail.models import Locale, Page

        italian = Locale.objects.get(language_code="it")
        home_it = self.home.copy_for_translation(italian)
        home_it.save_revision().publish()
        matrix_it = self.matrix.copy_for_translation(italian)
        matrix_it.save_revision().publish()
        self.run_import("en.csv", csv_bytes(GOOD[1:]))
        with self.assertRaises(CommandError) as raised:  # the Italian tree has no framework areas yet
            self.run_import("it.csv", csv_bytes(GOOD[1:]), "--language", "it")
        self.assertIn("unknown area code “CB”", str(raised.exception))
        self.run_import(
            "it.csv", csv_bytes([{**GOOD[1], "areas": "", "title": "Video di colloquio"}]), "--language", "it"
        )
        english, italian_page = ResourcePage.objects.filter(key="GB-VID-002").order_by("locale__language_code")
        self.assertEqual(english.translation_key, italian_page.translation_key)
        self.assertEqual(italian_page.get_parent().locale, italian)
        self.assertTrue(Page.objects.get(pk=italian_page.pk).live)


class ImportAdminViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls, resources=0)
        cls.admin = get_user_model().objects.create_superuser("import-coordinator", "c@example.com", "pw")
        cls.reader = get_user_model().objects.create_user("reader", "r@example.com", "pw")

    def upload(self, rows, dry_run):
        data = {"language": "en", "file": SimpleUploadedFile("matrix.csv", csv_bytes(rows), "text/csv")}
        if dry_run:
            data["dry_run"] = "on"
        return self.client.post("/admin/resources/import/", data)

    def test_dry_run_then_import_then_reimport(self):
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get("/admin/resources/import/").status_code, 200)
        response = self.upload(GOOD, dry_run=True)
        self.assertContains(response, "Dry run")
        self.assertEqual(ResourcePage.objects.count(), 0)
        self.assertContains(self.upload(GOOD, dry_run=False), "created: 2")
        self.assertContains(self.upload(GOOD, dry_run=False), "unchanged: 2")
        self.assertEqual(ResourcePage.objects.count(), 2)

    def test_bad_rows_are_listed_with_their_numbers(self):
        self.client.force_login(self.admin)
        response = self.upload([GOOD[0], {**GOOD[1], "category": "podcasts"}], dry_run=False)
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Row 3: unknown category “podcasts”", status_code=400)
        self.assertEqual(ResourcePage.objects.count(), 0)

    def test_people_without_publishing_rights_cannot_import(self):
        self.client.force_login(self.reader)
        self.assertNotEqual(self.client.get("/admin/resources/import/").status_code, 200)
