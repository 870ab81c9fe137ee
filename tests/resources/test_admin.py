"""Editors create resources in the admin, choosing among the framework areas of the page's own language."""

from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data

from resources.models import ResourcePage
from tests.cms_framework.tree import build_tree


class ResourceAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls, resources=0)
        italian = Locale.objects.get(language_code="it")
        cls.home.copy_for_translation(italian).save_revision().publish()
        cls.framework.copy_for_translation(italian).save_revision().publish()
        cls.italian_area = cls.areas[0].copy_for_translation(italian)
        cls.italian_area.title = "Consapevolezza di sé"
        cls.italian_area.save_revision().publish()

    def test_editor_creates_a_resource_linked_to_the_framework(self):
        self.login()
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
                "areas": [str(self.areas[0].pk)],
                "competences": [str(self.competences[0].pk)],
                "pilot_actions": [str(self.pilots[0].pk)],
            }
        )
        # Several choices are several values of one name, which nested_form_data would number instead.
        data.update(
            languages=["it", "en"],
            areas=[str(self.areas[0].pk)],
            competences=[str(self.competences[0].pk)],
            learning_outcomes=[str(self.outcome.pk)],
            pilot_actions=[str(self.pilots[0].pk)],
        )
        self.assertCanCreate(self.matrix, ResourcePage, data)
        resource = ResourcePage.objects.get(key="IT-PRE-100")
        self.assertEqual(resource.languages, ["it", "en"])
        self.assertEqual([area.code for area in resource.areas.all()], ["SA"])
        self.assertEqual([pilot.slug for pilot in resource.pilot_actions.all()], ["careers-week"])

    def test_choices_are_the_areas_of_the_pages_language(self):
        self.login()
        response = self.client.get(f"/admin/pages/add/resources/resourcepage/{self.matrix.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Self-awareness")
        self.assertNotContains(response, "Consapevolezza di sé")
