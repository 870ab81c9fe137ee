"""Editors create resources in the admin, choosing among the framework areas of the page's own language."""

import pytest
from wagtail.test.utils.form_data import nested_form_data

from home.factories import LocaleFactory
from resources.models import ResourcePage
from tests.trees import copy_of, framework_tree, shared
from tests.utils import create_in_admin


def framework_tree_with_an_italian_area():
    """The tree without resources; its home, framework and first area also in Italian."""
    tree = framework_tree(resources=0)
    italian = LocaleFactory(language_code="it")
    tree.home.copy_for_translation(italian).save_revision().publish()
    tree.framework.copy_for_translation(italian).save_revision().publish()
    tree.italian_area = tree.areas[0].copy_for_translation(italian)
    tree.italian_area.title = "Consapevolezza di sé"
    tree.italian_area.save_revision().publish()
    return tree


built_tree = shared(framework_tree_with_an_italian_area)


@pytest.fixture
def tree(built_tree, db):
    return copy_of(built_tree)


def test_editor_creates_a_resource_linked_to_the_framework(tree, admin_client):
    data = nested_form_data(
        {
            "title": "Values auction",
            "slug": "values-auction",
            "key": "IT-PRE-100",
            "category": "presentations",
            "description": "A game about values.",
            "instructions": "Play it in groups.",
            "country": "IT",
            "provider": "",
            "target_group": "secondary-students",
            "setting": "school",
            "duration": "60",
            "licence": "CC BY 4.0",
            "url": "https://example.org/values",
            "video_url": "",
            "link_checked": "2017-06-30",
        }
    )
    # Several choices are several values of one name, which nested_form_data would number instead.
    data.update(
        languages=["it", "en"],
        areas=[str(tree.areas[0].pk)],
        competences=[str(tree.competences[0].pk)],
        learning_outcomes=[str(tree.outcome.pk)],
        pilot_actions=[str(tree.pilots[0].pk)],
    )
    resource = create_in_admin(admin_client, tree.matrix, ResourcePage, data)
    assert resource.key == "IT-PRE-100"
    assert resource.languages == ["it", "en"]
    assert [area.code for area in resource.areas.all()] == ["SA"]
    assert [competence.code for competence in resource.competences.all()] == ["SA.1"]
    assert [outcome.pk for outcome in resource.learning_outcomes.all()] == [tree.outcome.pk]
    assert [pilot.slug for pilot in resource.pilot_actions.all()] == ["careers-week"]


def test_choices_are_the_areas_of_the_pages_language(tree, admin_client):
    response = admin_client.get(f"/admin/pages/add/resources/resourcepage/{tree.matrix.pk}/")
    assert response.status_code == 200
    assert "Self-awareness" in response.content.decode()
    assert "Consapevolezza di sé" not in response.content.decode()
