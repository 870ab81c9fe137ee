"""Editors create career profiles in the admin; the form offers the page's own language's areas and resources."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from careers.models import CareerPage
from tests.careers.trees import careers_tree
from tests.utils import create_in_admin

ESCO_URI = "http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000777"


@pytest.fixture
def tree(db):
    return careers_tree(careers=1)


def career_data(**fields):
    return nested_form_data(
        {
            "title": "Guidance counsellor",
            "slug": "guidance-counsellor",
            "key": "guidance-counsellor",
            "esco_uri": ESCO_URI,
            "isco_code": "2423",
            "work": "Helps people choose.",
            "requirements": "Listening.",
            "country_links": streamfield(
                [("link", {"country": "GR", "kind": "jobs", "text": "ΔΥΠΑ", "url": "https://www.dypa.gov.gr/"})]
            ),
            **fields,
        }
    )


def test_an_editor_creates_a_career_with_its_codes_and_links(tree, admin_client):
    data = career_data()
    data["areas"] = [str(tree.framework.areas[0].pk)]
    data["related_resources"] = [str(tree.framework.resources[1].pk)]
    career = create_in_admin(admin_client, tree.index, CareerPage, data)
    assert (career.esco_uri, career.isco_code) == (ESCO_URI, "2423")
    assert [area.code for area in career.areas.all()] == ["SA"]
    assert career.links_by_country()[0][1][0]["text"] == "ΔΥΠΑ"


@pytest.mark.parametrize(
    ("field", "value"), [("isco_code", "24230"), ("esco_uri", "http://data.europa.eu/esco/skill/x")]
)
def test_a_bad_code_is_refused_beside_its_field(tree, admin_client, field, value):
    url = reverse("wagtailadmin_pages:add", args=["careers", "careerpage", tree.index.pk])
    response = admin_client.post(url, {**career_data(**{field: value}), "action-publish": "action-publish"})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not CareerPage.objects.filter(slug="guidance-counsellor").exists()
