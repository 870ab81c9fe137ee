"""The self-assessment through its pages: starting, one area per screen, resuming, completing, bad input, who may see
what, the same assessment in another language, and bounded queries."""

import uuid

import pytest
from django.utils import timezone

from cms_framework.factories import CompetenceFactory, FrameworkPageFactory
from learners import assessments
from learners.factories import LearnerFactory
from learners.models import NOTE_MAX_LENGTH, Assessment, AssessmentAnswer
from tests.learners.assessing import (
    AREAS,
    CODES,
    GREEK_LEVELS,
    answer_area,
    area_url,
    count_queries,
    english_framework,
    form_data,
    greek_statement,
    greek_title,
    result_url,
    soup,
    take,
    translate_into_greek,
)

INDEX = "/en/my/assessment/"
START = "/en/my/assessment/start/"


@pytest.fixture
def framework_key(platform):
    return platform.framework.framework.translation_key


@pytest.fixture
def started(learner_client, framework_key):
    response = learner_client.post(START, {"framework": str(framework_key)})
    assert response.status_code == 302
    return Assessment.objects.get()


def test_index_says_it_is_the_learners_own_view_and_offers_the_one_framework(platform, learner_client):
    page = soup(learner_client.get(INDEX))
    assert "not a test" in page.select_one(".lead").get_text()
    form = page.select_one("form.assessment-start")
    assert form["action"] == START
    hidden = form.select_one("input[type=hidden][name=framework]")
    assert hidden["value"] == str(platform.framework.framework.translation_key)
    assert form.select("input[type=radio]") == []  # one framework: just a Start button
    assert form.select_one("button").get_text(strip=True) == "Start"
    assert "You have not completed a self-assessment yet." in page.get_text()


def test_index_lets_the_learner_choose_between_frameworks(platform, learner_client):
    national = FrameworkPageFactory(parent=platform.framework.home, title="National framework", slug="national")
    page = soup(learner_client.get(INDEX))
    fieldset = page.select_one("form.assessment-start fieldset")
    assert fieldset.legend.get_text(strip=True) == "Which framework do you want to assess yourself against?"
    labels = [label.get_text(strip=True) for label in fieldset.select("label")]
    assert labels == ["Sample framework", "National framework"]
    values = [radio["value"] for radio in fieldset.select("input[type=radio]")]
    assert values == [str(platform.framework.framework.translation_key), str(national.translation_key)]


def test_the_whole_flow_area_by_area_to_the_profile(platform, learner_client, learner, framework_key):
    response = learner_client.post(START, {"framework": str(framework_key)})
    assessment = Assessment.objects.get()
    assert response["Location"] == area_url(assessment, 1)
    assert (assessment.user, assessment.framework_title, assessment.framework_version) == (
        learner,
        "Sample framework",
        "1.0",
    )
    assert assessment.level_names == ["Discover", "Develop", "Master"]
    assert assessment.language == "en"

    page = soup(learner_client.get(area_url(assessment, 1)))
    assert page.select_one("#progress-label").get_text(strip=True) == "Area 1 of 3"
    progress = page.select_one("progress")
    assert (progress["max"], progress["value"], progress["aria-labelledby"]) == ("3", "1", "progress-label")
    assert page.h1.get_text() == "Self-awareness"
    fieldsets = page.select("form.assessment-form fieldset")
    assert [f.legend.get_text(" ", strip=True) for f in fieldsets] == [
        "SA.1 Self-awareness competence 1",
        "SA.2 Self-awareness competence 2",
    ]
    options = fieldsets[0].select(".level-option")
    assert [o.input["value"] for o in options] == ["1", "2", "3", "unsure"]
    assert [o.label.get_text(" ", strip=True) for o in options] == [
        "Discover I can do SA.1 at level 1.",
        "Develop I can do SA.1 at level 2.",
        "Master I can do SA.1 at level 3.",
        "Not sure yet",
    ]
    for option in options:
        assert option.label["for"] == option.input["id"]
    note = page.select_one("textarea[name='note_SA.1']")
    assert note["maxlength"] == str(NOTE_MAX_LENGTH)
    assert page.select_one(f"label[for='{note['id']}']").get_text(strip=True) == "Your note on SA.1 (optional)"
    assert page.select_one("form.assessment-form button").get_text(strip=True) == "Save and continue"
    assert page.select_one("a.back-link")["href"] == INDEX

    response = answer_area(learner_client, assessment, 1, {"SA.1": 1, "SA.2": None}, {"SA.1": "Hard to say."})
    assert response["Location"] == area_url(assessment, 2)
    assert answer_area(learner_client, assessment, 2, {"EX.1": 2, "EX.2": 3})["Location"] == area_url(assessment, 3)
    page = soup(learner_client.get(area_url(assessment, 3)))
    assert page.select_one("form.assessment-form button").get_text(strip=True) == "Save and see my profile"
    assert page.select_one("a.back-link")["href"] == area_url(assessment, 2)
    assessment.refresh_from_db()
    assert assessment.completed_at is None

    response = answer_area(learner_client, assessment, 3, {"CB.1": 2, "CB.2": 2})
    assert response["Location"] == result_url(assessment)
    assessment.refresh_from_db()
    assert assessment.completed_at is not None
    answers = {a.competence_code: a for a in assessment.answers.all()}
    assert list(answers) == CODES
    assert (answers["SA.1"].level, answers["SA.1"].level_count, answers["SA.1"].note) == (1, 3, "Hard to say.")
    assert answers["SA.1"].statement == "I can do SA.1 at level 1."
    assert (answers["SA.2"].level, answers["SA.2"].statement) == (None, "")
    assert (answers["EX.2"].area_code, answers["EX.2"].area_title) == ("EX", "Exploring learning and work")
    assert answers["EX.2"].competence_title == "Exploring learning and work competence 2"

    page = soup(learner_client.get(result_url(assessment)))
    rows = {
        row.th.select_one(".code").get_text(): row
        for row in page.select(".profile-table tbody tr:not(.profile-table__area)")
    }
    assert rows["SA.1"].select("td")[0].get_text(strip=True) == "level 1 of 3: Discover"
    assert rows["SA.2"].select("td")[0].get_text(strip=True) == "Not sure yet"
    index = soup(learner_client.get(INDEX))
    assert [a["href"] for a in index.select("#past-heading ~ ul a")] == [result_url(assessment)]


def test_answers_are_prefilled_and_the_learner_resumes_where_they_left_off(started, learner_client, framework_key):
    answer_area(learner_client, started, 1, {"SA.1": 3, "SA.2": None}, {"SA.2": "Ask my tutor."})
    page = soup(learner_client.get(area_url(started, 1)))
    assert page.select_one("input[name='level_SA.1'][checked]")["value"] == "3"
    assert page.select_one("input[name='level_SA.2'][checked]")["value"] == "unsure"
    assert page.select_one("textarea[name='note_SA.2']").get_text(strip=True) == "Ask my tutor."
    assert page.select("input[name='level_SA.1'][checked]") == page.select("input[name='level_SA.1'][checked]")[:1]

    index = soup(learner_client.get(INDEX))
    assert [a["href"] for a in index.select("#unfinished-heading + ul a")] == [area_url(started, 2)]
    # Starting again continues the unfinished assessment instead of making a second one.
    response = learner_client.post(START, {"framework": str(framework_key)})
    assert response["Location"] == area_url(started, 2)
    assert Assessment.objects.count() == 1
    assert list(assessments.in_progress(started.user)) == [started]


def test_the_last_area_does_not_complete_while_an_earlier_one_is_unanswered(started, learner_client):
    answer_area(learner_client, started, 1, {"SA.1": 1, "SA.2": 1})
    response = answer_area(learner_client, started, 3, {"CB.1": 1, "CB.2": 1})
    assert response["Location"] == area_url(started, 2) + "?unanswered=1"
    started.refresh_from_db()
    assert started.completed_at is None
    page = soup(learner_client.get(response["Location"]))
    assert "still have no answer" in page.select_one(".notice[role=status]").get_text()


def test_a_completed_assessment_can_be_changed_and_stays_completed(started, learner_client):
    for number, codes in AREAS.items():
        answer_area(learner_client, started, number, dict.fromkeys(codes, 1))
    started.refresh_from_db()
    completed_at = started.completed_at
    response = answer_area(learner_client, started, 1, {"SA.1": 3, "SA.2": 2})
    assert response["Location"] == area_url(started, 2)
    started.refresh_from_db()
    assert started.completed_at == completed_at
    assert started.answers.get(competence_code="SA.1").level == 3
    assert answer_area(learner_client, started, 3, {"CB.1": 2, "CB.2": 2})["Location"] == result_url(started)


# Bad input: a message beside the field and a 400, or a 404; never a 500, never half an area saved.


@pytest.mark.parametrize(
    "value",
    [str(uuid.uuid4()), "abc", "", "' OR 1=1 --"],
    ids=["unknown key", "not a key", "empty", "injection"],
)
def test_start_with_an_unknown_framework_is_a_400_with_the_message_beside_the_field(platform, learner_client, value):
    response = learner_client.post(START, {"framework": value})
    assert response.status_code == 400
    page = soup(response)
    error = page.select_one("#framework-error")
    assert error.get_text(strip=True) in {
        "This framework is not offered: choose one of the frameworks listed.",
        "Choose the framework you want to assess yourself against.",
    }
    assert page.select_one("fieldset.choice-group")["aria-describedby"] == "framework-error"
    assert page.title.get_text().startswith("Error:")
    assert not Assessment.objects.exists()


def test_start_answers_in_the_readers_language(platform, learner_client):
    translate_into_greek(platform)
    response = learner_client.post("/el/my/assessment/start/", {"framework": "abc"})
    assert response.status_code == 400
    assert soup(response).html["lang"] == "el"


def test_start_only_accepts_post(platform, learner_client):
    assert learner_client.get(START).status_code == 405
    assert not Assessment.objects.exists()


def test_a_framework_without_competences_cannot_be_started(platform, learner_client):
    empty = FrameworkPageFactory(parent=platform.framework.home, title="Empty framework", slug="empty")
    response = learner_client.post(START, {"framework": str(empty.translation_key)})
    assert response.status_code == 400
    assert "no competences to assess yet" in soup(response).select_one("#framework-error").get_text()
    assert not Assessment.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"level_SA.1": "9", "level_SA.2": "1"}, "SA.1", "Choose one of the levels shown, or “Not sure yet”."),
        ({"level_SA.1": "0", "level_SA.2": "1"}, "SA.1", "Choose one of the levels shown, or “Not sure yet”."),
        ({"level_SA.1": "abc", "level_SA.2": "1"}, "SA.1", "Choose one of the levels shown, or “Not sure yet”."),
        ({"level_SA.1": "1"}, "SA.2", "Choose the level that fits you best, or “Not sure yet”."),
        ({"level_SA.1": "1", "level_SA.2": ""}, "SA.2", "Choose the level that fits you best, or “Not sure yet”."),
        ({"level_SA.1": "1\x00", "level_SA.2": "1"}, "SA.1", "Choose one of the levels shown, or “Not sure yet”."),
        ({"level_SA.1": " 1.0", "level_SA.2": "1"}, "SA.1", "Choose one of the levels shown, or “Not sure yet”."),
    ],
    ids=["level 9", "level 0", "abc", "missing answer", "empty answer", "null character", "1.0"],
)
def test_a_bad_level_is_a_400_beside_its_fieldset_and_nothing_is_saved(started, learner_client, data, field, message):
    response = learner_client.post(area_url(started, 1), data)
    assert response.status_code == 400
    page = soup(response)
    error = page.select_one(f"[id='id_level_{field}-error']")
    assert error.get_text(strip=True) == message
    fieldset = page.select_one(f"fieldset[id='id_level_{field}']")
    assert f"id_level_{field}-error" in fieldset["aria-describedby"].split()
    assert error.find_parent("fieldset") is fieldset
    summary = page.select_one(".error-summary")
    assert summary["role"] == "alert"
    assert summary.select_one("a")["href"] == f"#id_level_{field}_0"
    assert not AssessmentAnswer.objects.exists()


def test_a_note_too_long_is_a_400_beside_it_and_nothing_is_saved(started, learner_client):
    response = answer_area(learner_client, started, 1, {"SA.1": 1, "SA.2": 2}, {"SA.2": "x" * (NOTE_MAX_LENGTH + 1)})
    assert response.status_code == 400
    page = soup(response)
    note = page.select_one("textarea[name='note_SA.2']")
    assert note["aria-invalid"] == "true"
    assert note["aria-describedby"].split() == ["id_note_SA.2-hint", "id_note_SA.2-error"]
    assert "at most 500 characters" in page.select_one("[id='id_note_SA.2-error']").get_text()
    # What the learner chose is still there to correct, not lost.
    assert page.select_one("input[name='level_SA.2'][checked]")["value"] == "2"
    assert not AssessmentAnswer.objects.exists()


def test_a_note_with_a_null_character_is_a_400_and_nothing_is_saved(started, learner_client):
    response = answer_area(learner_client, started, 1, {"SA.1": 1, "SA.2": 2}, {"SA.1": "bad\x00note"})
    assert response.status_code == 400
    assert "Null characters are not allowed." in soup(response).select_one("[id='id_note_SA.1-error']").get_text()
    assert not AssessmentAnswer.objects.exists()


def test_a_note_counts_a_line_break_as_one_character_as_the_browser_does(started, learner_client):
    note = ("a" * 99 + "\r\n") * 5  # 500 characters in the browser, 505 as sent
    response = answer_area(learner_client, started, 1, {"SA.1": 1, "SA.2": 2}, {"SA.1": note})
    assert response.status_code == 302
    assert started.answers.get(competence_code="SA.1").note == ("a" * 99 + "\n") * 4 + "a" * 99


def test_fields_of_competences_outside_the_area_are_ignored(started, learner_client):
    data = form_data({"SA.1": 1, "SA.2": 2, "EX.1": 3, "ZZ.9": 1})
    assert learner_client.post(area_url(started, 1), data).status_code == 302
    assert sorted(started.answers.values_list("competence_code", flat=True)) == ["SA.1", "SA.2"]


@pytest.mark.parametrize("number", [0, 4, 99])
def test_an_area_out_of_range_is_a_404(started, learner_client, number):
    assert learner_client.get(area_url(started, number)).status_code == 404
    assert learner_client.post(area_url(started, number), form_data({"SA.1": 1})).status_code == 404


def test_an_unknown_assessment_is_a_404(platform, learner_client):
    missing = Assessment(pk=uuid.uuid4())
    assert learner_client.get(area_url(missing, 1)).status_code == 404
    assert learner_client.get(result_url(missing)).status_code == 404


def test_an_assessment_of_a_framework_no_longer_published_cannot_be_continued_but_still_reads(
    started, learner_client, platform
):
    answer_area(learner_client, started, 1, {"SA.1": 2, "SA.2": 1})
    platform.framework.framework.unpublish()
    assert learner_client.get(area_url(started, 1)).status_code == 404
    page = soup(learner_client.get(result_url(started)))
    assert "no longer published" in page.get_text()
    assert "I can do SA.1 at level 2." in page.select_one(".profile-table").get_text()


def test_a_framework_left_without_levels_cannot_be_answered_any_more(started, learner_client, platform):
    answer_area(learner_client, started, 1, {"SA.1": 2, "SA.2": 1})
    page = platform.framework.framework
    page.levels = []
    page.save_revision().publish()
    assert learner_client.get(area_url(started, 2)).status_code == 404
    assert learner_client.post(START, {"framework": str(page.translation_key)}).status_code == 400
    rows = soup(learner_client.get(result_url(started))).select(".profile-table tbody td")
    assert "I can do SA.1 at level 2." in [cell.get_text(strip=True) for cell in rows]


# Who may see what.


def assessment_urls(assessment):
    return [area_url(assessment, 1), area_url(assessment, 3), result_url(assessment)]


def test_another_learners_assessment_is_a_404_on_every_url(platform, client, other_learner, framework_key):
    theirs = take(other_learner, english_framework(platform), dict.fromkeys(CODES, 2))
    intruder = LearnerFactory()
    client.force_login(intruder)
    for url in assessment_urls(theirs):
        assert client.get(url).status_code == 404, url
    assert client.post(area_url(theirs, 1), form_data({"SA.1": 1, "SA.2": 1})).status_code == 404
    assert theirs.answers.get(competence_code="SA.1").level == 2
    # Their profile and suggestions are never the intruder's.
    assert "You have not completed a self-assessment yet." in soup(client.get("/en/my/profile/")).get_text()
    assert "You have not completed a self-assessment yet." in soup(client.get("/en/my/suggestions/")).get_text()
    assert soup(client.get(INDEX)).select("#past-heading ~ ul a") == []


@pytest.mark.parametrize(
    "path", ["assessment/", "assessment/start/", "profile/", "suggestions/", "{pk}/area/1/", "{pk}/"]
)
def test_anonymous_visitors_are_sent_to_log_in(platform, client, other_learner, path):
    theirs = take(other_learner, english_framework(platform), dict.fromkeys(CODES, 2))
    url = "/en/my/" + (f"assessment/{path.format(pk=theirs.pk)}" if "{pk}" in path else path)
    for response in (client.get(url), client.post(url, form_data({"SA.1": 1, "SA.2": 1}))):
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")


def test_learner_pages_are_never_cached(started, learner_client):
    for url in [INDEX, area_url(started, 1), result_url(started), "/en/my/profile/", "/en/my/suggestions/"]:
        response = learner_client.get(url)
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url


# The same assessment in every language: answers by code, texts in the reader's language.


def test_an_assessment_taken_in_english_reads_in_greek(platform, learner_client, started):
    answer_area(learner_client, started, 1, {"SA.1": 2, "SA.2": None})
    translate_into_greek(platform)
    page = soup(learner_client.get(area_url(started, 1, "el")))
    assert page.html["lang"] == "el"
    assert page.h1.get_text() == "Περιοχή Self-awareness"
    legends = [f.legend.get_text(" ", strip=True) for f in page.select("form.assessment-form fieldset")]
    assert legends == [f"SA.1 {greek_title('SA.1')}", f"SA.2 {greek_title('SA.2')}"]
    names = [n.get_text() for n in page.select("fieldset[id='id_level_SA.1'] .level-option__name")]
    assert names[:3] == GREEK_LEVELS
    statements = [s.get_text() for s in page.select("fieldset[id='id_level_SA.1'] .level-option__statement")]
    assert statements == [greek_statement("SA.1", level) for level in (1, 2, 3)]
    assert page.select_one("input[name='level_SA.1'][checked]")["value"] == "2"
    assert page.select_one("input[name='level_SA.2'][checked]")["value"] == "unsure"

    # Answering in Greek keeps the same answers (by code) and the Greek texts read.
    response = answer_area(learner_client, started, 1, {"SA.1": 3, "SA.2": 1}, language="el")
    assert response["Location"] == area_url(started, 2, "el")
    answer = started.answers.get(competence_code="SA.1")
    assert (answer.level, answer.statement, answer.competence_title) == (
        3,
        greek_statement("SA.1", 3),
        greek_title("SA.1"),
    )
    assert started.answers.count() == 2


def test_a_competence_added_while_the_learner_is_on_the_area_must_be_answered(started, learner_client, platform):
    CompetenceFactory(area=platform.framework.areas[0], code="SA.3", title="A new one")
    response = answer_area(learner_client, started, 1, {"SA.1": 1, "SA.2": 2})
    assert response.status_code == 400
    assert soup(response).select_one("[id='id_level_SA.3-error']") is not None
    assert not AssessmentAnswer.objects.exists()


# Bounded queries.


def test_an_area_screen_runs_as_many_queries_whatever_the_number_of_assessments(
    platform, learner_client, learner, started
):
    answer_area(learner_client, started, 1, {"SA.1": 1, "SA.2": 2})
    before = count_queries(learner_client, area_url(started, 2))
    framework = english_framework(platform)
    for days in range(10, 15):
        take(learner, framework, dict.fromkeys(CODES, 2), completed_at=timezone.now().replace(year=2020, day=days))
    assert count_queries(learner_client, area_url(started, 2)) == before


def test_the_result_runs_as_many_queries_whatever_the_number_of_assessments(platform, learner_client, learner):
    framework = english_framework(platform)
    first = take(learner, framework, dict.fromkeys(CODES, 1), completed_at=timezone.now().replace(year=2020))
    latest = take(learner, framework, dict.fromkeys(CODES, 2))
    before = count_queries(learner_client, result_url(latest))
    for day in range(2, 8):
        take(learner, framework, dict.fromkeys(CODES, 3), completed_at=first.completed_at.replace(day=day))
    assert count_queries(learner_client, result_url(latest)) == before


def assert_ids_unique_and_references_resolve(page):
    ids = [tag["id"] for tag in page.select("[id]")]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for attribute in ("aria-describedby", "aria-labelledby"):
        for tag in page.select(f"[{attribute}]"):
            for reference in tag[attribute].split():
                assert reference in ids, (attribute, reference)
    for label in page.select("label[for]"):
        assert label["for"] in ids, label
    for link in page.select("a[href^='#']"):
        assert link["href"][1:] in ids, link


def test_every_screen_has_unique_ids_and_its_references_resolve(platform, learner_client, learner, started):
    framework = english_framework(platform)
    take(learner, framework, dict.fromkeys(CODES, 1), completed_at=timezone.now().replace(year=2020))
    latest = take(learner, framework, dict.fromkeys(CODES, 2))
    bad = learner_client.post(area_url(started, 1), {"level_SA.1": "9", "note_SA.2": "x" * 600})
    assert bad.status_code == 400
    national = FrameworkPageFactory(parent=platform.framework.home, title="National framework", slug="national")
    two_frameworks = learner_client.post(START, {"framework": str(national.translation_key)[:-1]})
    assert two_frameworks.status_code == 400
    for response in [
        learner_client.get(INDEX),
        learner_client.get(area_url(started, 1)),
        bad,
        two_frameworks,
        learner_client.get(result_url(latest)),
        learner_client.get(result_url(started)),
        learner_client.get("/en/my/profile/"),
        learner_client.get("/en/my/suggestions/"),
    ]:
        assert_ids_unique_and_references_resolve(soup(response))
