"""The open platform's demo: the privacy notice, the path "Improving my Career Management Skills" with its six steps,
and the learner statements of every competence, live and translated in six languages."""

import pytest

from cms_framework.models import Competence, FrameworkAreaPage
from home.models import ContentPage, HomePage
from learners.accounts import privacy_notice
from learners.demo import content as learners_demo
from learners.models import PathPage, PrivacyNoticePage, StepPage
from tests.utils import LANGUAGE_CODES, STEP_PATHS, contains_html

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = LANGUAGE_CODES[1:]
# The seed's path, in its order: what the learner does in each step.
SEED_ACTIVITIES = [
    StepPage.REFLECT,
    StepPage.ASSESS,
    StepPage.SUGGESTIONS,
    StepPage.EXPLORE,
    StepPage.GOALS,
    StepPage.REVIEW,
]
STEP_SLUGS = [path.split("/")[-2] for path in STEP_PATHS]


def english(model, **filters):
    return model.objects.get(locale__language_code="en", **filters)


def texts(stream):
    """The visible texts of a body of headings and paragraphs, in order."""
    return [block.value["text"] if block.block_type == "heading" else block.value.source for block in stream]


# The privacy notice.


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_privacy_notice_is_live_under_the_home_page_and_out_of_the_menus(code):
    notice = PrivacyNoticePage.objects.get(locale__language_code=code)
    assert notice.live
    assert notice.slug == "privacy-notice"
    assert notice.get_parent().specific_class is HomePage
    assert notice.get_parent().locale.language_code == code
    assert not notice.show_in_menus
    source = english(PrivacyNoticePage)
    assert [block.block_type for block in notice.body] == [block.block_type for block in source.body]


def test_privacy_notice_answers_what_the_platform_keeps_why_how_long_and_who_sees_it():
    notice = english(PrivacyNoticePage)
    headings = [block.value["text"] for block in notice.body if block.block_type == "heading"]
    assert headings == [
        "Who is responsible",
        "What we keep",
        "Why we keep it",
        "Who can see it",
        "How long we keep it",
        "Your rights",
        "What is kept after you delete your account",
        "How old you must be",
        "Cookies",
    ]
    body = " ".join(texts(notice.body))
    for fact in [
        "e-mail address",
        "password",
        "self-assessments, your reflections, your goals",
        "two-factor authentication",
        "no advertising",
        "never confirmed may be removed after 30 days",
        "“My data”",
        "data protection authority",
        "kept for up to 30 days",
        "Backups are overwritten within 30 days",
        "<li>Italy: 14</li><li>Spain: 14</li><li>Greece: 15</li><li>Romania: 16</li>",
        "<li>United Kingdom: 13</li>",
        "CSRF",
        "no tracking cookies",
    ]:
        assert fact in body, fact


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_privacy_notice_is_translated_block_by_block(code):
    source = english(PrivacyNoticePage)
    notice = PrivacyNoticePage.objects.get(locale__language_code=code)
    assert notice.translation_key == source.translation_key
    assert notice.title != source.title
    assert notice.subtitle != source.subtitle
    translated, original = texts(notice.body), texts(source.body)
    assert len(translated) == len(original)
    # Every paragraph differs; a heading may not ("Cookies" is the Spanish and Greek word too).
    same = [text for text, text_en in zip(translated, original, strict=True) if text == text_en]
    assert same in ([], ["Cookies"]), same


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_sign_up_finds_the_privacy_notice_in_the_readers_language(code):
    notice = privacy_notice(code)
    assert notice is not None
    assert notice.locale.language_code == code


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_privacy_notice_page_renders(client, code):
    response = client.get(f"/{code}/privacy-notice/")
    assert response.status_code == 200
    notice = PrivacyNoticePage.objects.get(locale__language_code=code)
    assert contains_html(response, f"<h1>{notice.title}</h1>")
    first_heading = next(block.value["text"] for block in notice.body if block.block_type == "heading")
    assert contains_html(response, f"<h2>{first_heading}</h2>")


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_footer_links_the_privacy_notice_in_every_language(client, code):
    notice = PrivacyNoticePage.objects.get(locale__language_code=code)
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert contains_html(response, f'<a href="/{code}/privacy-notice/">{notice.title}</a>')


# The path and its steps.


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_path_and_its_six_steps_are_live_in_the_seeds_order(code):
    path = PathPage.objects.get(locale__language_code=code)
    assert path.live
    assert path.slug == "improving-my-cms"
    parent = path.get_parent()
    assert parent.specific_class is ContentPage
    assert parent.slug == "open-platform"
    assert parent.locale.language_code == code
    assert path.introduction
    steps = list(path.steps())
    assert [step.slug for step in steps] == STEP_SLUGS
    assert [step.activity for step in steps] == SEED_ACTIVITIES
    assert all(step.live and step.locale.language_code == code for step in steps)
    for step in steps:
        assert 1 <= len(step.body) <= 3, step.slug
        assert step.summary, step.slug
    # The first and the last step ask a question; the others give none.
    assert [bool(step.prompt) for step in steps] == [True, False, False, False, False, True]


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_path_and_steps_are_real_translations(code):
    source = english(PathPage)
    path = PathPage.objects.get(locale__language_code=code)
    assert path.translation_key == source.translation_key
    assert (path.title, path.subtitle, path.summary) != (source.title, source.subtitle, source.summary)
    assert path.introduction != source.introduction
    english_steps = {step.translation_key: step for step in source.steps()}
    for step in path.steps():
        original = english_steps[step.translation_key]
        assert step.title != original.title, step.slug
        assert step.summary != original.summary, step.slug
        assert all(a != b for a, b in zip(texts(step.body), texts(original.body), strict=True)), step.slug
        if original.prompt:
            assert step.prompt and step.prompt != original.prompt, step.slug


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_steps_use_the_demo_resources_and_pilot_actions_chosen_for_them(code):
    steps = {step.slug: step for step in PathPage.objects.get(locale__language_code=code).steps()}
    for spec in learners_demo.STEPS:
        step = steps[spec["slug"]]
        assert sorted(step.resources.values_list("slug", flat=True)) == sorted(spec["resources"]), step.slug
        assert sorted(step.pilot_actions.values_list("slug", flat=True)) == sorted(spec["pilot_actions"]), step.slug
    assert steps["explore-careers-and-training"].resources.count() >= 3


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_open_platform_section_calls_to_the_path(client, code):
    section = ContentPage.objects.get(locale__language_code=code, slug="open-platform")
    cta = [block for block in section.body if block.block_type == "call_to_action"]
    assert len(cta) == 1
    assert cta[0].value["page"].translation_key == english(PathPage).translation_key
    response = client.get(f"/{code}/open-platform/")
    assert response.status_code == 200
    assert f'href="/{code}/open-platform/improving-my-cms/"' in response.content.decode()


# The learner statements of the framework.


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_competence_has_a_learner_statement_for_each_level(code):
    areas = FrameworkAreaPage.objects.live().filter(locale__language_code=code)
    competences = Competence.objects.filter(area__in=areas)
    assert competences.count() == 8
    for competence in competences:
        statements = [block.value for block in competence.statements]
        assert len(statements) == 3, competence.code
        assert all(text.strip() for text in statements), competence.code
        assert competence.statement_texts == statements
        assert statements != competence.descriptor_texts, competence.code


def test_english_statements_are_written_in_the_first_person():
    for competence in Competence.objects.filter(locale__language_code="en"):
        for text in competence.statement_texts:
            assert text.startswith("I can ") and text.endswith("."), text


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_statements_are_translated(code):
    originals = {c.code: c.statement_texts for c in Competence.objects.filter(locale__language_code="en")}
    translated = Competence.objects.filter(locale__language_code=code)
    assert {c.code for c in translated} == set(originals)
    for competence in translated:
        statements = competence.statement_texts
        assert len(statements) == 3, competence.code
        assert not set(statements) & set(originals[competence.code]), competence.code
        assert len(set(statements)) == 3, competence.code
