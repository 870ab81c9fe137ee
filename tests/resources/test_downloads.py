"""The Matrix's downloads for people (XLSX, a CSV for the reader's language) beside the data downloads, the way back
from a resource to the list it was found in, and what area and outcome pages say of their resources."""

import csv
import io
from io import StringIO
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from openpyxl import load_workbook
from wagtail.models import Page

from home.factories import LocaleFactory, copy_translation
from resources.matrix import ascii_file_name
from resources.spreadsheet import READER_COLUMNS
from tests.trees import copy_of, framework_tree, shared

LANGUAGES = ("it", "el", "tr")


def translated_framework_tree():
    """The framework tree with four resources (resource 0 in Italian and English), copied into it, el and tr; each
    copy's title ends in " [code]". The copies keep the English areas chosen, as wagtail-localize does."""
    tree = framework_tree(resources=4)
    first = tree.resources[0]
    first.languages = ["it", "en"]
    first.country = "GR"
    first.save_revision().publish()
    tree.translations = {}
    for code in LANGUAGES:
        locale = LocaleFactory(language_code=code)
        pages = [tree.home, tree.framework, *tree.areas, tree.section, tree.outcome, tree.pilot_index, *tree.pilots]
        pages += [tree.matrix, *tree.resources]
        tree.translations[code] = [copy_translation(page, locale) for page in pages]
    return tree


built_tree = shared(translated_framework_tree)


@pytest.fixture
def tree(built_tree, db):
    return copy_of(built_tree)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def download(client, language, query):
    response = client.get(f"/{language}/teaching-resources/{query}")
    assert response.status_code == 200, response.content[:500]
    return response


def workbook_of(response):
    return load_workbook(io.BytesIO(response.content))


def csv_of(response):
    """The rows of a CSV download read as a spreadsheet program would: the BOM, then the dialect sniffed."""
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text, delimiters=",;")  # whole rows: a cut one misleads the sniffer
    return dialect, text, list(csv.reader(io.StringIO(text, newline=""), dialect))


def page_url(page):
    return Page.objects.get(pk=page.pk).url


def file_names(response):
    """The ASCII `filename` and the decoded `filename*` of a Content-Disposition."""
    header = response["Content-Disposition"]
    assert header.startswith("attachment; ")
    parts = dict(part.strip().split("=", 1) for part in header.split(";")[1:])
    assert parts["filename"].startswith('"') and parts["filename"].endswith('"')
    assert parts["filename*"].startswith("UTF-8''")
    return parts["filename"].strip('"'), unquote(parts["filename*"][len("UTF-8''") :])


class TestSpreadsheetDownloads:
    def test_xlsx_in_italian(self, tree, client):
        response = download(client, "it", "?format=xlsx")
        assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        workbook = workbook_of(response)
        assert workbook.sheetnames == ["Risorse"]
        assert workbook.properties.language == "it"
        assert workbook.properties.title == "La Matrice delle risorse sulle competenze di gestione della carriera"
        sheet = workbook["Risorse"]
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[0]
        assert header[:2] == ("Titolo", "Categoria")
        assert "Lingue della risorsa" in header and "Paese di origine" in header and "Aree del quadro" in header
        assert len(rows) == 5
        by_title = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
        first = by_title["Resource 000 [it]"]
        assert first["Categoria"] == "Presentazioni, attività e materiali"
        assert first["Lingue della risorsa"] == "Italiano, Inglese"
        assert first["Paese di origine"] == "Grecia"
        assert first["Destinatari"] == "Studenti delle scuole secondarie"
        # The resource's chosen area is the English page; the sheet names it as the Italian area page does.
        assert first["Aree del quadro"] == "SA Self-awareness [it]"
        assert first["Durata (minuti)"] == 45
        assert by_title["Resource 001 [it]"]["Categoria"] == "Siti web"

    def test_xlsx_is_laid_out_for_reading(self, tree, client):
        sheet = workbook_of(download(client, "it", "?format=xlsx")).active
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert not sheet["A2"].font.bold
        assert sheet.auto_filter.ref == "A1:R5"
        header = [cell.value for cell in sheet[1]]
        title_column = sheet.column_dimensions["A"].width
        description_column = sheet.column_dimensions[chr(ord("A") + header.index("Descrizione"))].width
        assert title_column >= 30 and description_column >= 50
        link = sheet.cell(row=2, column=header.index("Collegamento") + 1)
        assert link.hyperlink is not None and link.hyperlink.target == link.value
        assert link.value.startswith("https://example.org/resource/")
        page = sheet.cell(row=2, column=header.index("Pagina sul portale") + 1)
        assert urlsplit(page.hyperlink.target).path.startswith("/it/teaching-resources/resource-")
        checked = sheet.cell(row=2, column=header.index("Ultimo controllo del collegamento") + 1)
        assert checked.is_date and checked.value.date().isoformat() == "2017-05-31"

    def test_xlsx_applies_the_pages_filters(self, tree, client):
        sheet = workbook_of(download(client, "el", "?area=SA&format=xlsx")).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][:2] == ("Τίτλος", "Κατηγορία")
        assert [row[0] for row in rows[1:]] == ["Resource 000 [el]", "Resource 003 [el]"]
        assert sheet.title == "Πόροι"

    def test_csv_for_greek_readers(self, tree, client):
        response = download(client, "el", "?format=spreadsheet-csv")
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        dialect, text, rows = csv_of(response)
        assert dialect.delimiter == ";"
        assert text.count("\r\n") == len(rows) and "\n" not in text.replace("\r\n", "")
        header = rows[0]
        assert len(header) == len(READER_COLUMNS)
        assert header[:2] == ["Τίτλος", "Κατηγορία"]
        values = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
        first = values["Resource 000 [el]"]
        assert first["Κατηγορία"] == "Παρουσιάσεις, δραστηριότητες και φυλλάδια"
        assert first["Γλώσσες του πόρου"] == "Ιταλικά, Αγγλικά"
        assert first["Χώρα προέλευσης"] == "Ελλάδα"
        assert first["Τομείς του πλαισίου"] == "SA Self-awareness [el]"

    def test_csv_for_turkish_readers(self, tree, client):
        dialect, _text, rows = csv_of(download(client, "tr", "?category=websites&format=spreadsheet-csv"))
        assert dialect.delimiter == ";"
        header = rows[0]
        assert header[:2] == ["Başlık", "Kategori"]
        assert [row[0] for row in rows[1:]] == ["Resource 001 [tr]"]
        row = dict(zip(header, rows[1], strict=True))
        assert row["Kategori"] == "Web siteleri"
        assert row["Menşe ülke"] == "İtalya"
        assert row["Kaynağın dilleri"] == "İngilizce"

    def test_csv_for_english_readers_uses_commas(self, tree, client):
        dialect, _text, rows = csv_of(download(client, "en", "?format=spreadsheet-csv"))
        assert dialect.delimiter == ","
        assert rows[0][:3] == ["Title", "Category", "Summary"]
        assert {row[0] for row in rows[1:]} == {"Resource 000", "Resource 001", "Resource 002", "Resource 003"}

    def test_file_names_in_the_readers_language(self, tree, client):
        assert file_names(download(client, "it", "?format=xlsx")) == ("matrice-risorse-it.xlsx",) * 2
        assert file_names(download(client, "tr", "?format=spreadsheet-csv")) == ("kaynak-matrisi-tr.csv",) * 2
        # Greek letters have no ASCII form: the ASCII name is the English one.
        assert file_names(download(client, "el", "?format=xlsx")) == ("resources-el.xlsx", "πίνακας-πόρων-el.xlsx")
        assert ascii_file_name("çalışma-kâğıtları-şablon") == "calisma-kagitlari-sablon"
        assert ascii_file_name("matrice-risorse") == "matrice-risorse"
        assert ascii_file_name("πόροι") == ""

    def test_downloads_may_be_cached_a_short_while(self, tree, client):
        response = download(client, "it", "?format=xlsx")
        assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
        assert response["Content-Language"] == "it"
        assert "Vary" not in response or "Cookie" not in response["Vary"]

    def test_signed_in_readers_downloads_are_private(self, tree, client, django_user_model):
        client.force_login(django_user_model.objects.create_user("reader", "reader@example.org", "x" * 20))
        response = download(client, "it", "?format=xlsx")
        assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]

    def test_a_text_that_looks_like_a_formula_stays_a_text(self, tree, client):
        tree.add_resource(40, title='=HYPERLINK("http://evil.example","x")', description="+1 and\x0b more")
        sheet = workbook_of(download(client, "en", "?q=HYPERLINK&format=xlsx")).active
        assert sheet["A2"].data_type == "s"
        assert sheet["A2"].value.startswith("=HYPERLINK")
        _dialect, _text, rows = csv_of(download(client, "en", "?q=HYPERLINK&format=spreadsheet-csv"))
        row = dict(zip(rows[0], rows[1], strict=True))
        assert row["Title"].startswith("'=HYPERLINK")
        assert row["Description"] == "'+1 and more"

    @pytest.mark.parametrize("query", ["?area=NOPE&format=xlsx", "?language=xx&format=spreadsheet-csv"])
    def test_bad_filters_are_a_400(self, tree, client, query):
        response = client.get("/it/teaching-resources/" + query)
        assert response.status_code == 400
        assert response.json()["errors"]

    def test_the_matrix_labels_its_downloads(self, tree, client):
        links = soup(client.get("/it/teaching-resources/?country=IT")).select(".downloads li a")
        assert [a.get_text(strip=True) for a in links] == [
            "Foglio di calcolo (XLSX)",
            "Foglio di calcolo (CSV in italiano)",
            "Dati per l’importazione (CSV, codici)",
            "Dati (JSON, codici)",
        ]
        assert links[1]["href"] == "?country=IT&format=spreadsheet-csv"


class TestDataDownloads:
    def test_data_csv_keeps_the_import_format(self, tree, client):
        response = download(client, "it", "?format=csv")
        assert not response.content.startswith(b"\xef\xbb\xbf")
        assert response["Content-Disposition"] == 'attachment; filename="resources-it.csv"'
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
        first = next(row for row in rows if row["title"] == "Resource 000 [it]")
        assert (first["category"], first["languages"], first["country"], first["areas"]) == (
            "presentations",
            "it;en",
            "GR",
            "SA",
        )

    def test_data_csv_round_trips_through_the_importer(self, tree, client, tmp_path):
        for language in ("en", "it"):
            path = tmp_path / f"resources-{language}.csv"
            path.write_bytes(download(client, language, "?format=csv").content)
            out = StringIO()
            call_command("import_resources", str(path), "--language", language, stdout=out)
            assert "created 0, updated 0, left 4 unchanged" in out.getvalue(), language


class TestBackToTheMatrix:
    def test_result_links_carry_the_lists_place(self, tree, client):
        for number in range(10, 40):
            tree.add_resource(number, category="websites")
        page = soup(client.get("/en/teaching-resources/?category=websites&country=IT&page=2"))
        link = page.select_one(".result__title a")["href"]
        path, query = link.split("?")
        assert path.startswith("/en/teaching-resources/")
        assert parse_qs(query) == {"back": ["category=websites&country=IT&page=2"]}
        back = soup(client.get(link)).find("a", string="Back to the Matrix of resources")["href"]
        assert back == "/en/teaching-resources/?category=websites&country=IT&page=2#results"
        assert client.get(back).status_code == 200

    def test_links_from_an_unfiltered_list_carry_nothing(self, tree, client):
        link = soup(client.get("/en/teaching-resources/")).select_one(".result__title a")["href"]
        assert "?" not in link

    @pytest.mark.parametrize(
        "state",
        [
            "next=https://evil.example/",
            "area=SA&next=//evil.example",
            "area=NOPE",
            "area=SA&area=EX",
            "page=0",
            "https://evil.example/?area=SA",
            "//evil.example",
            "area=SA&format=csv",
            "q=" + "x" * 1200,
        ],
        ids=lambda state: state[:24],
    )
    def test_a_state_that_is_not_the_matrixs_own_leads_to_the_whole_matrix(self, tree, client, state):
        response = client.get(page_url(tree.resources[0]), {"back": state})
        assert response.status_code == 200
        back = soup(response).find("a", string="Back to the Matrix of resources")["href"]
        assert back == "/en/teaching-resources/"

    def test_the_back_link_is_always_the_matrix_of_the_page(self, tree, client):
        italian = tree.translations["it"][-4]
        back = soup(client.get(page_url(italian), {"back": "area=SA&q=caf\u00e9"})).find(
            "a", string="Torna alla Matrice delle risorse"
        )["href"]
        assert urlsplit(back).path == "/it/teaching-resources/"
        assert not urlsplit(back).netloc
        assert parse_qs(urlsplit(back).query) == {"area": ["SA"], "q": ["café"]}


class TestFrameworkPages:
    def test_area_page_links_to_the_area_in_the_matrix(self, tree, client):
        page = soup(client.get("/it/framework/sa/"))
        link = (
            page.select_one("#resources-heading")
            .find_parent("section")
            .find("a", string="Risorse per «Self-awareness [it]» nella Matrice")
        )
        assert link["href"] == "/it/teaching-resources/?area=SA#results"
        listed = soup(client.get(link["href"])).select(".result__title a")
        assert [a.get_text() for a in listed] == ["Resource 000 [it]", "Resource 003 [it]"]

    def test_area_page_without_a_matrix_has_no_link(self, tree, client):
        tree.matrix.unpublish()
        page = soup(client.get("/en/framework/sa/"))
        assert "in the Matrix" not in page.select_one("#resources-heading").find_parent("section").get_text()

    @pytest.mark.parametrize("path", ["/el/framework/sa/", "/el/cms-emerging-needs/know-the-framework/"])
    def test_resource_lists_name_their_languages(self, tree, client, path):
        page = soup(client.get(path))
        item = next(li for li in page.select(".link-list li") if "Resource 000 [el]" in li.get_text())
        names = [(span["lang"], span.get_text()) for span in item.select("span[lang]")]
        assert names == [("it", "Italiano"), ("en", "English")]

    def test_matrix_list_marks_the_language_names(self, tree, client):
        page = soup(client.get("/tr/teaching-resources/?area=SA"))
        meta = page.select_one(".result__meta")
        assert [(span["lang"], span.get_text()) for span in meta.select("span[lang]")] == [
            ("it", "Italiano"),
            ("en", "English"),
        ]
