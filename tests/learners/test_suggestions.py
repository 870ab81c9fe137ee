"""Resources that fit: what is suggested from the latest self-assessment, why, with which Matrix link, in which
language, and in how many queries."""

import pytest

from home.factories import LocaleFactory, copy_translation
from learners.suggestions import PILOT_ACTION, RESOURCE, suggestions_for
from resources.factories import ResourcePageFactory
from tests.learners.assessing import (
    CODES,
    count_queries,
    days_ago,
    english_framework,
    greek_title,
    soup,
    take,
    translate_into_greek,
)

SUGGESTIONS = "/en/my/suggestions/"


@pytest.fixture
def framework(platform):
    return english_framework(platform)


def area_only_resource(platform, title, area_index):
    """A resource of the Matrix linked to an area and no competence."""
    resource = ResourcePageFactory(parent=platform.framework.matrix, title=title)
    resource.areas.set([platform.framework.areas[area_index]])
    resource.save_revision().publish()
    return resource


def summary(suggestions):
    return [(s.kind, s.page.title, s.competence_code, s.area_code, s.matrix_url) for s in suggestions]


def test_without_an_assessment_nothing_is_suggested_and_the_learner_is_invited_to_take_one(
    platform, learner, learner_client
):
    suggestions = suggestions_for(learner)
    assert list(suggestions) == [] and suggestions.assessment is None
    page = soup(learner_client.get(SUGGESTIONS))
    assert page.select(".suggestion") == []
    assert page.select_one(".invitation a")["href"] == "/en/my/assessment/"


def test_the_competence_placed_lowest_gets_its_resources_then_its_areas_then_its_pilot_actions(
    platform, learner, framework
):
    area_only_resource(platform, "About knowing yourself", 0)
    take(learner, framework, {"SA.1": 1, "SA.2": 2, "EX.1": 3, "EX.2": 2, "CB.1": 2, "CB.2": 3})
    suggestions = suggestions_for(learner, "en")
    assert suggestions.assessment is not None
    assert summary(suggestions) == [
        (RESOURCE, "Resource 000", "SA.1", "SA", "/en/teaching-resources/?competence=SA.1"),
        (RESOURCE, "About knowing yourself", "", "SA", "/en/teaching-resources/?area=SA"),
        (PILOT_ACTION, "Careers week", "", "SA", "/en/pilot-actions/?area=SA"),
    ]
    reasons = [s.reason for s in suggestions]
    assert reasons == [
        "Suggested because you placed yourself at level 1 of 3 in SA.1 Self-awareness competence 1.",
        "Suggested because it serves the area SA Self-awareness, where you placed yourself lowest.",
        "Suggested because it serves the area SA Self-awareness, where you placed yourself lowest.",
    ]


def test_not_sure_yet_counts_as_the_lowest_place(platform, learner, framework):
    take(learner, framework, {"SA.1": 1, "SA.2": 1, "EX.1": None, "EX.2": 1, "CB.1": 1, "CB.2": 1})
    suggestions = suggestions_for(learner, "en")
    assert summary(suggestions)[0] == (
        RESOURCE,
        "Resource 001",
        "EX.1",
        "EX",
        "/en/teaching-resources/?competence=EX.1",
    )
    assert suggestions[0].reason == (
        "Suggested because you are not sure yet about EX.1 Exploring learning and work competence 1."
    )
    assert {s.area_code for s in suggestions} == {"EX"}
    assert summary(suggestions)[-1] == (PILOT_ACTION, "Job club", "", "EX", "/en/pilot-actions/?area=EX")


def test_several_competences_placed_lowest_come_in_the_frameworks_order_without_duplicates(
    platform, learner, framework
):
    # Resource 000 serves SA.1 and area SA; resource 003 serves them too; resource 001 serves EX.1 and area EX.
    platform.framework.add_resource(3)
    take(learner, framework, {"SA.1": 1, "SA.2": 1, "EX.1": 1, "EX.2": 1, "CB.1": 3, "CB.2": 3})
    suggestions = suggestions_for(learner, "en")
    assert summary(suggestions) == [
        (RESOURCE, "Resource 000", "SA.1", "SA", "/en/teaching-resources/?competence=SA.1"),
        (RESOURCE, "Resource 003", "SA.1", "SA", "/en/teaching-resources/?competence=SA.1"),
        (RESOURCE, "Resource 001", "EX.1", "EX", "/en/teaching-resources/?competence=EX.1"),
        (PILOT_ACTION, "Careers week", "", "SA", "/en/pilot-actions/?area=SA"),
        (PILOT_ACTION, "Job club", "", "EX", "/en/pilot-actions/?area=EX"),
    ]
    pages = [(s.kind, s.page.pk) for s in suggestions]
    assert len(pages) == len(set(pages))
    assert all(s.reason for s in suggestions)
    assert len(suggestions_for(learner, "en", limit=2)) == 2


def test_when_nothing_serves_the_lowest_place_the_next_one_up_is_suggested_for(platform, learner, framework):
    platform.framework.resources[2].unpublish()  # the one resource of area CB
    take(learner, framework, {"SA.1": 3, "SA.2": 3, "EX.1": 2, "EX.2": 3, "CB.1": 3, "CB.2": None})
    suggestions = suggestions_for(learner, "en")
    assert summary(suggestions) == [
        (RESOURCE, "Resource 001", "EX.1", "EX", "/en/teaching-resources/?competence=EX.1"),
        (PILOT_ACTION, "Job club", "", "EX", "/en/pilot-actions/?area=EX"),
    ]
    assert "level 2 of 3 in EX.1" in suggestions[0].reason


def test_suggestions_come_from_the_latest_completed_assessment(platform, learner, framework):
    take(learner, framework, {"SA.1": 1, **dict.fromkeys(CODES[1:], 3)}, completed_at=days_ago(30))
    take(learner, framework, {"CB.1": 1, **{code: 3 for code in CODES if code != "CB.1"}})
    assert [s.competence_code for s in suggestions_for(learner, "en") if s.competence_code] == ["CB.1"]


def test_the_matrix_links_list_what_was_suggested(platform, learner, learner_client, framework):
    area_only_resource(platform, "About knowing yourself", 0)
    take(learner, framework, {"SA.1": 1, **dict.fromkeys(CODES[1:], 3)})
    for suggestion in suggestions_for(learner, "en"):
        response = learner_client.get(suggestion.matrix_url)
        assert response.status_code == 200, suggestion.matrix_url
        assert suggestion.page.title in [a.get_text() for a in soup(response).select(".result__title a, main a")]


def test_the_suggestions_page_shows_each_with_its_reason_and_link(platform, learner, learner_client, framework):
    take(learner, framework, {"SA.1": None, **dict.fromkeys(CODES[1:], 2)})
    page = soup(learner_client.get(SUGGESTIONS))
    items = page.select(".suggestion")
    assert [item.select_one(".suggestion__title a").get_text() for item in items] == ["Resource 000", "Careers week"]
    assert items[0].select_one(".suggestion__title a")["href"] == platform.framework.resources[0].get_url()
    assert items[0].select_one(".suggestion__reason").get_text() == (
        "Suggested because you are not sure yet about SA.1 Self-awareness competence 1."
    )
    more = items[0].select_one(".suggestion__more a")
    assert (more["href"], more.get_text()) == (
        "/en/teaching-resources/?competence=SA.1",
        "More resources for SA.1 in the Matrix",
    )
    assert items[1].select_one(".suggestion__kind").get_text(strip=True) == "Pilot action"
    assert page.select_one("h1").get_text() == "Resources suggested to you"


def test_suggestions_are_in_the_learners_language_and_only_live_pages_of_it(platform, learner, client, framework):
    take(learner, framework, {"SA.1": 1, **dict.fromkeys(CODES[1:], 3)})
    greek = translate_into_greek(platform)
    suggestions = suggestions_for(learner, "el")
    assert [(s.kind, s.page.pk) for s in suggestions] == [
        (RESOURCE, greek.resources[0].pk),
        (PILOT_ACTION, greek.pilots[0].pk),
    ]
    assert all(s.page.locale.language_code == "el" and s.page.live for s in suggestions)
    assert suggestions[0].matrix_url == "/el/teaching-resources/?competence=SA.1"
    assert suggestions[1].matrix_url == "/el/pilot-actions/?area=SA"
    assert greek_title("SA.1") in suggestions[0].reason
    assert "Περιοχή Self-awareness" in suggestions[1].reason

    client.force_login(learner)
    page = soup(client.get("/el/my/suggestions/"))
    assert page.html["lang"] == "el"
    links = [a["href"] for a in page.select(".suggestion__title a")]
    assert links == [greek.resources[0].get_url(), greek.pilots[0].get_url()]
    assert all(link.startswith("/el/") for link in links)
    assert client.get(suggestions[0].matrix_url).status_code == 200

    # A Greek page that is not live is not suggested, and no English page takes its place.
    greek.resources[0].unpublish()
    assert [(s.kind, s.page.pk) for s in suggestions_for(learner, "el")] == [(PILOT_ACTION, greek.pilots[0].pk)]
    assert summary(suggestions_for(learner, "en"))[0][1] == "Resource 000"


def test_a_language_without_the_framework_links_the_whole_matrix(platform, learner, framework):
    take(learner, framework, {"SA.1": 1, **dict.fromkeys(CODES[1:], 3)})
    locale = LocaleFactory(language_code="tr")
    copy_translation(platform.framework.home, locale)
    matrix = copy_translation(platform.framework.matrix, locale)
    turkish = copy_translation(platform.framework.resources[0], locale)
    suggestions = suggestions_for(learner, "tr")
    assert [(s.page.pk, s.matrix_url) for s in suggestions] == [(turkish.pk, matrix.get_url())]
    assert "Self-awareness competence 1" in suggestions[0].reason  # the framework's English text, as read


def test_the_suggestions_run_as_many_queries_whatever_the_number_of_resources_and_assessments(
    platform, learner, learner_client, framework
):
    take(learner, framework, {"SA.1": 1, "SA.2": 1, **dict.fromkeys(CODES[2:], 3)}, completed_at=days_ago(10))
    take(learner, framework, {"SA.1": 1, "SA.2": 1, **dict.fromkeys(CODES[2:], 3)})
    before = count_queries(learner_client, SUGGESTIONS)
    shown = len(soup(learner_client.get(SUGGESTIONS)).select(".suggestion"))
    for number in range(30, 45, 3):  # five more resources of area SA, with competence SA.1
        platform.framework.add_resource(number)
    area_only_resource(platform, "About knowing yourself", 0)
    for days in range(20, 25):
        take(learner, framework, dict.fromkeys(CODES, 2), completed_at=days_ago(days))
    assert count_queries(learner_client, SUGGESTIONS) == before
    assert len(soup(learner_client.get(SUGGESTIONS)).select(".suggestion")) == shown + 6
