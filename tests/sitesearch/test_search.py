"""The site search: the reader's language only, live and public pages, ranked, marked, paginated, filtered by kind;
bad queries answer with a message, never a 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from sitesearch.models import SearchEntry, SearchMiss

postgresql_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL's stemming")


def search(client, language, status=200, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == status, response.content.decode()[:2000]
    return response


def titles(response):
    results = response.context["results"]
    return [entry.title for entry in results.object_list] if results else []


def test_results_come_from_the_readers_language_only(client, tree):
    tree.page("en", "Career guidance at school")
    tree.page("es", "Career guidance en la escuela")
    tree.page("el", "Σταδιοδρομία", summary="Vocational guidance")
    tree.index()

    assert titles(search(client, "en", q="career guidance")) == ["Career guidance at school"]
    assert titles(search(client, "es", q="career guidance")) == ["Career guidance en la escuela"]
    assert titles(search(client, "el", q="vocational")) == ["Σταδιοδρομία"]


def test_pages_resources_and_pilot_actions_are_found_and_can_be_filtered_by_kind(client, tree):
    tree.page("en", "Interest inventory guide")
    tree.resource("en", "Interest inventory cards")
    tree.pilot("en", "Interest inventory workshop")
    tree.index()

    everything = search(client, "en", q="inventory")
    assert sorted(titles(everything)) == [
        "Interest inventory cards",
        "Interest inventory guide",
        "Interest inventory workshop",
    ]
    assert titles(search(client, "en", q="inventory", kind="resource")) == ["Interest inventory cards"]
    assert titles(search(client, "en", q="inventory", kind="pilot-action")) == ["Interest inventory workshop"]
    assert titles(search(client, "en", q="inventory", kind="page")) == ["Interest inventory guide"]
    html = everything.content.decode()
    assert "Resources" in html and "Pilot actions" in html


def test_a_bad_kind_answers_400_beside_the_field(client, tree):
    tree.page("en", "Interest inventory guide")
    tree.index()

    response = search(client, "en", status=400, q="inventory", kind="careers<script>")
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_only_live_and_public_pages_are_found(client, tree):
    live = tree.page("en", "Lifelong guidance live")
    draft = tree.page("en", "Lifelong guidance draft", live=False)
    private = tree.page("en", "Lifelong guidance private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    tree.index()

    assert titles(search(client, "en", q="lifelong")) == [live.title]
    assert not SearchEntry.objects.filter(page__in=[draft, private]).exists()


def test_titles_rank_before_texts_and_words_are_marked_and_escaped(client, tree):
    tree.page("en", "Other page", summary="A text about <portfolios> and the portfolio of a learner.")
    tree.page("en", "The portfolio <b>", summary="Nothing else.")
    tree.index()

    response = search(client, "en", q="portfolio")
    assert titles(response) == ["The portfolio <b>", "Other page"]
    html = response.content.decode()
    assert "<mark>portfolio</mark> &lt;b&gt;" in html
    assert "the <mark>portfolio</mark> of a learner" in html
    # Never the text's "<" as HTML: escaped on SQLite; PostgreSQL's ts_headline leaves out what looks like a tag.
    assert "<portfolios>" not in html
    if connection.vendor == "sqlite":
        assert "&lt;<mark>portfolio</mark>s&gt;" in html


def test_greek_matches_without_accents_and_in_any_case(client, tree):
    tree.resource("el", "Κάρτες ενδιαφερόντων")
    tree.index()

    for query in ("Κάρτες", "κάρτες", "ΚΑΡΤΕΣ", "καρτες"):
        assert titles(search(client, "el", q=query)) == ["Κάρτες ενδιαφερόντων"], query


@postgresql_only
def test_a_greek_query_finds_another_inflection(client, tree):
    tree.page("el", "Η σταδιοδρομία μου")
    tree.page("el", "Σχέδιο σταδιοδρομίας")
    tree.index()

    for query in ("σταδιοδρομία", "σταδιοδρομίας", "σταδιοδρομιες"):
        assert sorted(titles(search(client, "el", q=query))) == ["Η σταδιοδρομία μου", "Σχέδιο σταδιοδρομίας"], query


@postgresql_only
def test_english_and_spanish_stem(client, tree):
    tree.page("en", "Counsellors for everyone")
    tree.page("es", "Orientación profesional")
    tree.index()

    assert titles(search(client, "en", q="counsellor")) == ["Counsellors for everyone"]
    assert titles(search(client, "es", q="orientacion")) == ["Orientación profesional"]
    assert titles(search(client, "es", q="orientaciones")) == ["Orientación profesional"]


def test_turkish_dotted_and_dotless_i(client, tree):
    tree.resource("tr", "İlgi envanteri")
    tree.page("tr", "Işık ve ılık")
    tree.index()

    for query in ("ilgi", "İLGİ", "ILGI", "ılgı", "İlgi"):
        assert titles(search(client, "tr", q=query)) == ["İlgi envanteri"], query
    for query in ("ışık", "ISIK", "isik", "ılık"):
        assert titles(search(client, "tr", q=query)) == ["Işık ve ılık"], query


def test_an_empty_query_asks_for_words(client, tree):
    response = search(client, "en", q="")
    assert "Type one or more words" in response.content.decode()
    assert search(client, "en").context["results"] is None if "results" in search(client, "en").context else True


def test_an_over_long_query_answers_400(client, tree):
    response = search(client, "en", status=400, q="a" * 201)
    assert "at most 200 characters" in response.content.decode()
    search(client, "en", q="a" * 200)


@pytest.mark.parametrize(
    "query",
    ['"lifelong', "-lifelong", "OR", "lifelong OR", "& | ! : * ( )", "lifelong:*", "'); DROP TABLE x; --", "<->", "\\"],
)
def test_operators_never_give_a_500(client, tree, query):
    tree.page("en", "Lifelong guidance")
    tree.index()
    search(client, "en", q=query)


def test_signs_alone_have_nothing_to_search(client, tree):
    tree.index()
    response = search(client, "en", q="& | ! : * ( )")
    assert "has no word we can look for" in response.content.decode()
    assert not SearchMiss.objects.exists()


def test_a_word_after_a_minus_is_left_out(client, tree):
    tree.page("en", "Lifelong guidance at school")
    tree.page("en", "Lifelong guidance at work")
    tree.index()
    assert titles(search(client, "en", q="lifelong -school")) == ["Lifelong guidance at work"]


def test_null_characters_answer_400(client, tree):
    search(client, "en", status=400, q="life\x00long")


def test_results_are_paginated_by_twenty(client, tree):
    for number in range(25):
        tree.page("en", f"Guidance {number:02d}")
    tree.index()

    first = search(client, "en", q="guidance")
    assert len(titles(first)) == 20 and first.context["paginator"].count == 25
    assert 'rel="next"' in first.content.decode()
    assert len(titles(search(client, "en", q="guidance", page=2))) == 5
    assert "There is no such page" in search(client, "en", status=404, q="guidance", page=3).content.decode()
    search(client, "en", status=400, q="guidance", page="x")


def test_searches_without_results_are_counted_by_language_and_normalised_query(client, tree):
    tree.page("en", "Lifelong guidance")
    tree.index()

    search(client, "en", q="Ψηφιακές  Δεξιότητες")
    search(client, "en", q="ψηφιακες δεξιοτητες")
    search(client, "el", q="ψηφιακές δεξιότητες")
    search(client, "en", q="lifelong")
    search(client, "en", q="nothing", kind="resource")  # a filtered search that finds nothing is not a miss

    misses = {(miss.language, miss.query): miss.count for miss in SearchMiss.objects.all()}
    assert misses == {("en", "ψηφιακεσ δεξιοτητεσ"): 2, ("el", "ψηφιακεσ δεξιοτητεσ"): 1}


def test_the_number_of_queries_does_not_grow_with_the_content(client, tree):
    def queries(count):
        SearchEntry.objects.all().delete()
        for number in range(count):
            tree.page("en", f"Lifelong guidance {count}-{number}", summary="Lifelong learning")
        tree.index()
        client.get("/en/search/", {"q": "lifelong"})  # site root paths cached
        with CaptureQueriesContext(connection) as context:
            search(client, "en", q="lifelong learning")
        return len(context.captured_queries)

    few = queries(3)
    assert queries(30) == few


def test_the_number_of_queries_of_a_search(client, tree, django_assert_num_queries):
    for number in range(30):
        tree.page("en", f"Lifelong guidance {number}")
    tree.index()
    client.get("/en/search/", {"q": "lifelong"})
    # The results' count and page (and on PostgreSQL the query's lexemes), the request's site (for the results'
    # addresses, once), the menu, the footer, the banner.
    expected = 6 + (connection.vendor == "postgresql")
    with django_assert_num_queries(expected):
        search(client, "en", q="lifelong")


def test_every_page_has_the_search_box(client, tree):
    page = tree.page("en", "Lifelong guidance")
    html = client.get(page.url).content.decode()
    assert 'role="search"' in html
    assert '<label for="site-search-q">' in html
    assert 'action="/en/search/"' in html
    assert 'name="q"' in html
