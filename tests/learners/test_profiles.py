"""The profile of a self-assessment: by area and competence, its chart and table, what changed since the previous
one, and how it reads after the framework changes or in another language."""

import re

import pytest
from django.utils import timezone

from cms_framework.factories import CompetenceFactory, levels
from cms_framework.models import Competence
from learners import assessments, charts
from learners.profiles import DOWN, NEW, REMOVED, SAME, UNSURE, UP, build_profile, latest_profile, profile_of
from tests.learners.assessing import (
    CODES,
    GREEK_LEVELS,
    count_queries,
    days_ago,
    english_framework,
    greek_statement,
    greek_title,
    result_url,
    soup,
    take,
    translate_into_greek,
)

PROFILE = "/en/my/profile/"


def by_code(profile):
    return {competence.code: competence for competence in profile.competences}


def table_rows(page):
    rows = page.select(".profile-table tbody tr:not(.profile-table__area)")
    return {
        row.th.select_one(".code").get_text(): [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in rows
    }


@pytest.fixture
def framework(platform):
    return english_framework(platform)


def test_the_profile_holds_every_area_and_competence_in_order(learner, framework):
    assessment = take(learner, framework, {"SA.1": 1, "SA.2": 3, "EX.1": 2, "CB.2": 2}, notes={"EX.1": "With help."})
    profile = build_profile(assessment)
    assert [(area.code, area.title) for area in profile.areas] == [
        ("SA", "Self-awareness"),
        ("EX", "Exploring learning and work"),
        ("CB", "Career building"),
    ]
    assert [c.code for c in profile.competences] == CODES
    sa1, ex1, ex2 = by_code(profile)["SA.1"], by_code(profile)["EX.1"], by_code(profile)["EX.2"]
    assert (sa1.title, sa1.level, sa1.level_count, sa1.level_name) == ("Self-awareness competence 1", 1, 3, "Discover")
    assert sa1.statement == "I can do SA.1 at level 1."
    assert (ex1.note, ex1.level_name) == ("With help.", "Develop")
    assert (ex2.level, ex2.unsure, ex2.level_text, ex2.statement) == (None, True, "Not sure yet", "")
    assert all(c.change is None and c.answered and c.in_framework for c in profile.competences)
    assert profile.previous is None and profile.completed and profile.framework_live


def test_the_chart_draws_one_bar_per_level_chosen_and_says_not_sure_yet(learner, framework):
    assessment = take(learner, framework, {"SA.1": 1, "SA.2": 3, "EX.1": 2})
    chart = charts.profile_chart(build_profile(assessment))
    widths = {bar.competence.code: bar.width for bar in chart.bars}
    assert widths == {"SA.1": 133, "SA.2": 400, "EX.1": 267, "EX.2": 0, "CB.1": 0, "CB.2": 0}
    assert [tick.label for tick in chart.ticks] == ["1", "2", "3"]
    assert [label.area.code for label in chart.areas] == ["SA", "EX", "CB"]
    tops = [bar.y for bar in chart.bars]
    assert tops == sorted(tops) and len(set(tops)) == 6
    assert chart.height > chart.bars[-1].y + charts.BAR_HEIGHT


def test_the_profile_page_shows_an_accessible_chart_and_the_same_figures_in_a_table(learner_client, learner, framework):
    take(
        learner,
        framework,
        {"SA.1": 1, "SA.2": 3, "EX.1": 2, "EX.2": 2, "CB.1": 2},
        notes={"SA.1": "Line one\nline two"},
    )
    response = learner_client.get(PROFILE)
    page = soup(response)
    svg = page.select_one("svg.profile-chart__svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title")["id"] == title_id and svg.find("title").get_text() == "Your profile in Sample framework"
    assert "grouped by area" in svg.find("desc").get_text() and svg.find("desc")["id"] == desc_id
    assert len(svg.select("rect.profile-chart__bar")) == 5
    assert [t.get_text() for t in svg.select("text") if t.get_text() == "Not sure yet"] == ["Not sure yet"]
    # No inline style anywhere (the Content-Security-Policy forbids them): presentation attributes and classes only.
    assert not re.search(r"\sstyle=", page.select_one("main").decode())
    assert page.select("main [style]") == []
    table = page.select_one("table.profile-table")
    assert table.caption.get_text() == "Your levels in Sample framework, by area and competence"
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 4
    assert {th["scope"] for th in table.select("tbody th")} == {"row", "rowgroup"}
    rows = table_rows(page)
    assert rows["SA.2"] == ["level 3 of 3: Master", "I can do SA.2 at level 3.", ""]
    assert rows["CB.2"] == ["Not sure yet", "", ""]
    assert "Line one" in table.get_text() and table.select_one("br") is not None
    assert "not a test result" in page.select_one(".lead").get_text()


def luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, two):
    high, low = sorted([luminance(one), luminance(two)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_charts_colours_have_enough_contrast_on_its_background(learner_client, learner, framework):
    first = take(learner, framework, dict.fromkeys(CODES, 1), completed_at=days_ago(30))
    take(learner, framework, dict.fromkeys(CODES, 2))
    svg = soup(learner_client.get(PROFILE)).select_one("svg.profile-chart__svg")
    assert first is not None
    background = svg.select_one("rect.profile-chart__background")["fill"]
    bars = {rect["fill"] for rect in svg.select("rect.profile-chart__bar")}
    texts = {text["fill"] for text in svg.select("text")}
    marks = {line["stroke"] for line in svg.select("line.profile-chart__previous")}
    assert all(contrast(colour, background) >= 3 for colour in bars | marks)  # graphics: 3:1 (WCAG 1.4.11)
    assert all(contrast(colour, background) >= 4.5 for colour in texts)  # text: 4.5:1 (WCAG 1.4.3)
    # The previous assessment's mark has a halo of the background's colour, so it shows on a bar too.
    assert {line["stroke"] for line in svg.select("line.profile-chart__halo")} == {background}


def test_without_an_assessment_the_profile_invites_the_learner_to_take_one(platform, learner_client, learner):
    assert latest_profile(learner) is None
    page = soup(learner_client.get(PROFILE))
    assert page.select_one("svg") is None
    invitation = page.select_one(".invitation a")
    assert invitation["href"] == "/en/my/assessment/"
    assert invitation.get_text(strip=True) == "Take the self-assessment"


def test_an_unfinished_assessment_is_not_the_profile(platform, learner, framework):
    assessment = assessments.start(learner, framework)
    area = framework.area(1)
    assessments.save_area(assessment, framework, area, {c.code: (1, "") for c in area.competences})
    assert latest_profile(learner) is None
    profile = profile_of(assessment)
    assert not profile.completed
    assert [c.code for c in profile.unanswered] == ["EX.1", "EX.2", "CB.1", "CB.2"]


# What changed since the previous assessment.


def test_a_second_assessment_shows_what_changed(learner_client, learner, framework):
    take(
        learner,
        framework,
        {"SA.1": 1, "SA.2": 3, "EX.1": 2, "EX.2": None, "CB.1": 2, "CB.2": None},
        completed_at=days_ago(60),
    )
    second = take(learner, framework, {"SA.1": 2, "SA.2": 1, "EX.1": 2, "EX.2": 3, "CB.1": None, "CB.2": None})
    profile = latest_profile(learner)
    assert profile.assessment == second
    changes = {c.code: c.change for c in profile.competences}
    assert changes == {"SA.1": UP, "SA.2": DOWN, "EX.1": SAME, "EX.2": NEW, "CB.1": UNSURE, "CB.2": SAME}
    assert profile.changes == {UP: 1, DOWN: 1, SAME: 2, NEW: 1, UNSURE: 1}

    page = soup(learner_client.get(PROFILE))
    summary = [li.get_text(strip=True) for li in page.select(".profile__changes li")]
    assert summary == [
        "1 competence up",
        "1 competence down",
        "2 competences the same",
        "1 competence placed for the first time",
        "1 competence you are not sure about now",
    ]
    assert [th.get_text() for th in page.select(".profile-table thead th")][3] == "Change"
    rows = table_rows(page)
    assert rows["SA.1"][2] == "Up from level 1 of 3"
    assert rows["SA.2"][2] == "Down from level 3 of 3"
    assert rows["EX.1"][2] == "Same as before"
    assert rows["EX.2"][2] == "Placed for the first time (before: not sure yet)"
    assert rows["CB.1"][2] == "Not sure now (before: level 2 of 3)"
    # The chart marks where the learner was before, and says so in its legend.
    svg = page.select_one("svg.profile-chart__svg")
    # SA.1, SA.2, EX.1 and CB.1 had a level before; and one mark in the legend.
    assert len(svg.select("line.profile-chart__previous")) == 4 + 1
    assert "A dark mark shows where you were in your previous self-assessment." in svg.find("desc").get_text()


def test_an_earlier_assessment_compares_with_the_one_before_it_not_with_the_latest(learner_client, learner, framework):
    first = take(learner, framework, dict.fromkeys(CODES, 1), completed_at=days_ago(90))
    second = take(learner, framework, dict.fromkeys(CODES, 2), completed_at=days_ago(30))
    take(learner, framework, dict.fromkeys(CODES, 3))
    assert assessments.previous_completed(second) == first
    assert assessments.previous_completed(first) is None
    rows = table_rows(soup(learner_client.get(result_url(second))))
    assert rows["SA.1"][2] == "Up from level 1 of 3"
    assert assessments.latest_completed(learner).answers.first().level == 3


def test_only_assessments_of_the_same_framework_are_compared(platform, learner, framework):
    other = assessments.start(learner, framework)
    other.framework_key = platform.framework.home.translation_key  # another framework's key
    other.completed_at = days_ago(10)
    other.save()
    take(learner, framework, dict.fromkeys(CODES, 2))
    assert latest_profile(learner).previous is None


# The framework changes after the assessment.


def test_a_competence_removed_from_the_framework_still_reads_as_taken(learner_client, learner, platform, framework):
    take(learner, framework, {"SA.1": 2, "SA.2": 3}, notes={"SA.2": "Proud of it."})
    Competence.objects.filter(code="SA.2").delete()
    profile = latest_profile(learner)
    removed = by_code(profile)["SA.2"]
    assert (removed.title, removed.level, removed.statement, removed.note) == (
        "Self-awareness competence 2",
        3,
        "I can do SA.2 at level 3.",
        "Proud of it.",
    )
    assert removed.in_framework is False and removed.answered
    assert removed.level_name == "Master"
    page = soup(learner_client.get(PROFILE))
    assert table_rows(page)["SA.2"][:2] == ["level 3 of 3: Master", "I can do SA.2 at level 3."]
    assert "no longer in the framework" in page.select_one(".profile-table").get_text()
    assert [bar.competence.code for bar in profile.chart.bars] == CODES


def test_a_competence_removed_before_the_next_assessment_shows_as_no_longer_in_the_framework(
    learner, framework, platform
):
    take(learner, framework, dict.fromkeys(CODES, 2), completed_at=days_ago(30))
    Competence.objects.filter(code="EX.2").delete()
    now = english_framework(platform)
    take(learner, now, dict.fromkeys(now.competence_codes, 2))
    profile = latest_profile(learner)
    gone = by_code(profile)["EX.2"]
    assert (gone.change, gone.answered, gone.in_framework, gone.previous_level) == (REMOVED, False, False, 2)
    assert gone.level_text == "No longer in the framework"
    assert gone.change_text == "No longer in the framework (before: level 2 of 3)"
    assert [area.code for area in profile.areas if gone in area.competences] == ["EX"]
    assert profile.changes == {SAME: 5, REMOVED: 1}


def test_a_competence_added_later_shows_as_not_assessed_without_breaking_the_old_profile(
    learner_client, learner, platform, framework
):
    first = take(learner, framework, dict.fromkeys(CODES, 1), completed_at=days_ago(30))
    CompetenceFactory(
        area=platform.framework.areas[1],
        code="EX.3",
        title="Exploring something new",
        statements=[{"type": "statement", "value": f"I can explore at level {n}."} for n in (1, 2, 3)],
    )
    page = soup(learner_client.get(result_url(first)))
    assert table_rows(page)["EX.3"] == ["Not assessed", "Added to the framework after this self-assessment.", ""]
    assert by_code(profile_of(first))["EX.3"].answered is False
    first.refresh_from_db()
    assert first.completed_at is not None  # still completed

    now = english_framework(platform)
    second = assessments.start(learner, now)
    for area in now.areas:
        choices = {c.code: (2, "") for c in area.competences if c.code != "EX.3"}
        if area.code == "EX":
            with pytest.raises(ValueError, match="EX.3"):
                assessments.save_area(second, now, area, choices)
            choices["EX.3"] = (1, "")
        assessments.save_area(second, now, area, choices)
    assert assessments.complete(second, now)
    added = by_code(latest_profile(learner))["EX.3"]
    assert (added.change, added.level, added.statement) == (NEW, 1, "I can explore at level 1.")
    assert added.change_text == "New since the previous assessment"


def test_an_assessment_is_not_completed_while_a_competence_of_the_framework_is_unanswered(learner, platform, framework):
    assessment = assessments.start(learner, framework)
    for area in framework.areas[:2]:
        assessments.save_area(assessment, framework, area, {c.code: (1, "") for c in area.competences})
    assert not assessments.complete(assessment, framework)
    assert assessments.resume_area(framework, assessment.answers.values_list("competence_code", flat=True)) == 3
    assessment.refresh_from_db()
    assert assessment.completed_at is None


def test_a_change_of_the_frameworks_levels_leaves_old_answers_as_they_were_taken(learner, platform, framework):
    assessment = take(learner, framework, {"SA.1": 2})
    page = platform.framework.framework
    page.levels = levels("One", "Two", "Three", "Four")
    page.save_revision().publish()
    sa1 = by_code(profile_of(assessment))["SA.1"]
    assert (sa1.level, sa1.level_count, sa1.level_name, sa1.statement) == (2, 3, "Develop", "I can do SA.1 at level 2.")
    assert sa1.level_text == "level 2 of 3"


# In another language.


def test_an_assessment_taken_in_english_reads_in_greek(client, learner, platform, framework):
    take(learner, framework, {"SA.1": 2, "SA.2": 3}, notes={"SA.1": "My own words."})
    translate_into_greek(platform)
    profile = latest_profile(learner, "el")
    sa1 = by_code(profile)["SA.1"]
    assert (sa1.title, sa1.level_name, sa1.statement, sa1.note) == (
        greek_title("SA.1"),
        GREEK_LEVELS[1],
        greek_statement("SA.1", 2),
        "My own words.",
    )
    assert profile.areas[0].title == "Περιοχή Self-awareness"
    client.force_login(learner)
    page = soup(client.get("/el/my/profile/"))
    assert page.html["lang"] == "el"
    assert table_rows(page)["SA.2"][1] == greek_statement("SA.2", 3)
    assert re.search(r"Περιοχή Self-awareness", page.select_one("svg").get_text())
    # The English reader still reads the English texts of the same answers.
    assert by_code(latest_profile(learner, "en"))["SA.1"].statement == "I can do SA.1 at level 2."


# Bounded queries.


def test_the_profile_runs_as_many_queries_whatever_the_number_of_assessments(learner_client, learner, framework):
    take(learner, framework, dict.fromkeys(CODES, 1), completed_at=days_ago(60))
    take(learner, framework, dict.fromkeys(CODES, 2))
    before = count_queries(learner_client, PROFILE)
    for days in range(100, 106):
        take(learner, framework, dict.fromkeys(CODES, 3), completed_at=days_ago(days))
    assessments.start(learner, framework)  # and one in progress
    assert count_queries(learner_client, PROFILE) == before
    assert latest_profile(learner).assessment.completed_at > timezone.now() - timezone.timedelta(minutes=5)
