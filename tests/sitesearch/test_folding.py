"""Matching and sorting that respect each language: the folding both backends share, the Matrix's free-text
filter built on it, and the lists' alphabetical order (PostgreSQL's ICU collations, SQLite's registered ones)."""

import pytest
from django.db import connection
from django.db.models import F
from wagtail.models import Locale, Page

from home.folding import collated, fold, sort_key
from resources.models import ResourcePage
from sitesearch.models import SearchEntry


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Κάρτες", "καρτεσ"),
        ("ΚΑΡΤΕΣ", "καρτεσ"),
        ("καρτες", "καρτεσ"),
        ("σταδιοδρομίας", "σταδιοδρομιασ"),
        ("Ϊ ΐ ϋ", "ι ι υ"),
        ("İlgi envanteri", "ilgi envanteri"),
        ("ILGI ılgı", "ilgi ilgi"),
        ("Îndrumare, ȘCOALĂ ţară", "indrumare, scoala tara"),
        ("Orientación NIÑOS", "orientacion ninos"),
        ("Perché sì", "perche si"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["Κάρτες ενδιαφερόντων", "İlgi envanteri IŞIK", "Îndrumare ȘȚ", "Niño ÑANDÚ"])
def test_the_database_folds_as_python_does(text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT portal_fold(%s)", [text])
        assert cursor.fetchone()[0] == fold(text)


TURKISH = "Zaman Çalışma ilgi İlgi Işık ırmak Öğrenme Yapı can Can hız Ünite şema Sınav".split()
TURKISH_ORDER = "can Can Çalışma hız ırmak Işık ilgi İlgi Öğrenme Sınav şema Ünite Yapı Zaman".split()
GREEK = ["Ωμέγα", "ζήτα", "άλφα", "Βήτα", "αλφάβητο", "Έργο", "εργαλεία"]
GREEK_ORDER = ["άλφα", "αλφάβητο", "Βήτα", "εργαλεία", "Έργο", "ζήτα", "Ωμέγα"]
ROMANIAN = ["țară", "tara", "șir", "sare", "zi", "ăla", "âne", "ac", "în", "ie"]
ROMANIAN_ORDER = ["ac", "ăla", "âne", "ie", "în", "sare", "șir", "tara", "țară", "zi"]
SPANISH = ["oso", "ñu", "nube", "Ábaco", "zeta", "árbol"]
SPANISH_ORDER = ["Ábaco", "árbol", "nube", "ñu", "oso", "zeta"]
CASES = [
    ("tr", TURKISH, TURKISH_ORDER),
    ("el", GREEK, GREEK_ORDER),
    ("ro", ROMANIAN, ROMANIAN_ORDER),
    ("es", SPANISH, SPANISH_ORDER),
]


@pytest.mark.parametrize(("language", "titles", "order"), CASES)
def test_sort_key(language, titles, order):
    assert sorted(titles, key=lambda title: sort_key(title, language)) == order


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "titles", "order"), CASES)
def test_the_database_sorts_in_the_languages_order(language, titles, order):
    locale = Locale.objects.create(language_code=language)
    root = Page.get_first_root_node()
    pages = [
        root.add_child(instance=Page(title=title, slug=f"p{number}", locale=locale))
        for number, title in enumerate(titles)
    ]
    SearchEntry.objects.bulk_create(
        SearchEntry(page=page, locale=locale, kind="page", title=page.title, folded_title=fold(page.title))
        for page in pages
    )
    assert list(SearchEntry.objects.order_by(collated("title", language)).values_list("title", flat=True)) == order


def test_the_matrix_free_text_filter_folds_both_sides(client, tree):
    tree.resource("el", "Κάρτες ενδιαφερόντων")
    tree.resource("el", "Άλλο εργαλείο")
    tree.resource("tr", "İlgi envanteri")
    tree.resource("tr", "Başka bir araç")
    matrix_el, matrix_tr = tree.matrix("el"), tree.matrix("tr")

    def listed(matrix, query):
        response = client.get(matrix.url, {"q": query})
        assert response.status_code == 200
        return [resource.title for resource in response.context["results"].object_list]

    for query in ("Κάρτες", "κάρτες", "ΚΑΡΤΕΣ", "καρτες"):
        assert listed(matrix_el, query) == ["Κάρτες ενδιαφερόντων"], query
    for query in ("ilgi", "İLGİ", "ILGI", "İlgi"):
        assert listed(matrix_tr, query) == ["İlgi envanteri"], query


def test_the_matrix_lists_in_the_languages_alphabetical_order(client, tree):
    for title in TURKISH:
        tree.resource("tr", title)
    response = client.get(tree.matrix("tr").url)
    assert [resource.title for resource in response.context["results"].object_list] == TURKISH_ORDER
    resources = ResourcePage.objects.filter(locale__language_code="tr").order_by(collated(F("title"), "tr"))
    assert list(resources.values_list("title", flat=True)) == TURKISH_ORDER
