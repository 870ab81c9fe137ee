"""`import_esco`: ESCO's occupations CSV of one language, its row errors, the dry run and all-or-nothing."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from careers.esco import COLUMNS, EscoImporter, read_occupations
from careers.factories import EscoOccupationFactory
from careers.models import EscoOccupation
from resources.spreadsheet import SpreadsheetError
from tests.careers.trees import uri


def row(number, **fields):
    """One row of ESCO's occupations file, as ESCO writes it (altLabels one a line)."""
    return {
        "conceptType": "Occupation",
        "conceptUri": uri(number),
        "iscoGroup": "2423",
        "preferredLabel": f"occupation {number}",
        "altLabels": f"other name {number}\nthird name {number}",
        "hiddenLabels": "",
        "status": "released",
        "modifiedDate": "2024-01-25T11:28:50.295Z",
        "regulatedProfessionNote": "http://data.europa.eu/esco/regulated-professions/unregulated",
        "scopeNote": "",
        "definition": "",
        "inScheme": "http://data.europa.eu/esco/concept-scheme/occupations",
        "description": f"What occupation {number} does.",
        "code": "2423.1",
        "naceCode": "",
        **fields,
    }


def esco_csv(rows, columns=COLUMNS):
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue().encode()


@pytest.fixture
def write(tmp_path):
    def write(rows, name="occupations_it.csv", **options):
        path = tmp_path / name
        path.write_bytes(esco_csv(rows, **options))
        return str(path)

    return write


def run(path, language="it", *options):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_esco", path, "--language", language, *options, stdout=out, stderr=err)
    except CommandError as error:
        return False, out.getvalue(), err.getvalue() + str(error)
    return True, out.getvalue(), err.getvalue()


@pytest.mark.django_db
class TestImport:
    def test_good_rows_are_imported_with_their_labels(self, write):
        ok, out, _err = run(write([row(1), row(2, preferredLabel="consulente di orientamento")]))
        assert ok
        assert "2 were added" in out
        occupation = EscoOccupation.objects.get(uri=uri(2), language="it")
        assert occupation.preferred_label == "consulente di orientamento"
        assert occupation.alt_label_list == ["other name 2", "third name 2"]
        assert occupation.isco_group == "2423"
        assert occupation.description == "What occupation 2 does."

    def test_a_second_import_refreshes_by_uri_and_leaves_other_languages(self, write):
        EscoOccupationFactory(uri=uri(1), language="en", preferred_label="English label")
        run(write([row(1), row(2)]))
        ok, out, _err = run(write([row(1, preferredLabel="nuovo nome"), row(2)]))
        assert ok
        assert "1 were updated, 1 unchanged" in out
        assert EscoOccupation.objects.get(uri=uri(1), language="it").preferred_label == "nuovo nome"
        assert EscoOccupation.objects.get(uri=uri(1), language="en").preferred_label == "English label"
        assert EscoOccupation.objects.filter(language="it").count() == 2

    def test_a_dry_run_writes_nothing(self, write):
        ok, out, _err = run(write([row(1)]), "it", "--dry-run")
        assert ok
        assert "1 would be added" in out
        assert not EscoOccupation.objects.exists()

    @pytest.mark.parametrize(
        ("fields", "column", "message"),
        [
            (
                {"conceptUri": "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000009"},
                "conceptUri",
                "is not an ESCO occupation URI",
            ),
            ({"conceptUri": "esco:occupation/1"}, "conceptUri", "is not an ESCO occupation URI"),
            ({"iscoGroup": "242"}, "iscoGroup", "is not an ISCO-08 unit group code"),
            ({"iscoGroup": "24a3"}, "iscoGroup", "is not an ISCO-08 unit group code"),
            ({"preferredLabel": ""}, "preferredLabel", "the label is missing"),
            ({"preferredLabel": "x" * 256}, "preferredLabel", "at most 255 characters"),
            ({"conceptType": "KnowledgeSkillCompetence"}, "conceptType", "is not an occupation"),
            ({"description": "bad\x00text"}, "description", "NUL"),
        ],
        ids=["skill-uri", "uri-form", "isco-short", "isco-letter", "no-label", "long-label", "not-occupation", "nul"],
    )
    def test_a_bad_row_is_named_and_nothing_is_imported(self, write, fields, column, message):
        ok, _out, err = run(write([row(1), row(2, **fields), row(3)]))
        assert not ok
        assert f"row 3, {column}: " in err  # the header is row 1
        assert message in err
        assert "nothing was imported" in err
        assert not EscoOccupation.objects.exists()

    def test_a_duplicated_uri_names_the_first_row(self, write):
        ok, _out, err = run(write([row(1), row(2), row(1)]))
        assert not ok
        assert "row 4, conceptUri: the URI is already on row 2" in err
        assert not EscoOccupation.objects.exists()

    def test_every_error_is_reported_as_row_column_message(self, write):
        rows = read_occupations(esco_csv([row(1, iscoGroup="1"), row(2, preferredLabel="")]), "occupations_it.csv")
        report = EscoImporter("it").run(rows)
        assert report.errors == [
            (2, "iscoGroup", "“1” is not an ISCO-08 unit group code (four digits)"),
            (3, "preferredLabel", "the label is missing"),
        ]
        assert report.created == []

    def test_turkish_is_refused_with_a_clear_message(self, write):
        ok, _out, err = run(write([row(1)]), "tr")
        assert not ok
        assert "ESCO is not published in Turkish" in err
        assert not EscoOccupation.objects.exists()

    def test_a_language_the_portal_lacks_is_refused(self, write):
        ok, _out, err = run(write([row(1)]), "fr")
        assert not ok
        assert "en, it, ro, es, el" in err

    def test_wrong_columns_are_refused(self, write):
        ok, _out, err = run(write([row(1)], columns=["conceptType", "preferredLabel", "description"]))
        assert not ok
        assert "Missing columns: concepturi" in err
        ok, _out, err = run(write([row(1)], columns=[*COLUMNS, "title"]))
        assert not ok
        assert "Unknown columns: title" in err

    def test_an_over_long_cell_stops_the_file(self, write):
        ok, _out, err = run(write([row(1, description="x" * 50_001)]))
        assert not ok
        assert "more than 50000 characters" in err

    def test_only_csv_is_read(self, tmp_path):
        path = tmp_path / "occupations_it.xlsx"
        path.write_bytes(b"PK")
        ok, _out, err = run(str(path))
        assert not ok
        assert "CSV" in err
        with pytest.raises(SpreadsheetError):
            read_occupations(b"", "occupations.ods")

    def test_a_file_that_is_not_there_is_a_clear_error(self, tmp_path):
        ok, _out, err = run(str(tmp_path / "missing.csv"))
        assert not ok
        assert "Cannot read" in err
