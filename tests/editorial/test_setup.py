"""setup_editorial: groups, permissions, collections and workflows per country, safe to run again; demo accounts."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from editorial.countries import COORDINATORS_GROUP, COUNTRIES
from editorial.permissions import editable_locale_ids
from tests.editorial.base import EditorialTestCase
from tests.utils import LANGUAGE_CODES


def snapshot():
    return (
        sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")),
        sorted(GroupCollectionPermission.objects.values_list("group__name", "collection_id", "permission__codename")),
        sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
        Group.objects.count(),
        Collection.objects.count(),
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
    )


class SetupEditorialTests(EditorialTestCase):
    def test_each_country_is_rooted_at_its_language_home(self):
        for country in COUNTRIES:
            with self.subTest(country=country.name):
                home = self.homes[country.language_code]
                editors = Group.objects.get(name=country.editors_group)
                moderators = Group.objects.get(name=country.moderators_group)
                self.assertEqual(
                    set(GroupPagePermission.objects.filter(group=editors).values_list("page_id", flat=True)),
                    {home.pk},
                )
                codes = set(
                    GroupPagePermission.objects.filter(group=moderators).values_list("permission__codename", flat=True)
                )
                self.assertIn("publish_page", codes)
                self.assertNotIn(
                    "publish_page",
                    GroupPagePermission.objects.filter(group=editors).values_list("permission__codename", flat=True),
                )
                workflow = home.get_workflow()
                self.assertEqual(workflow.name, country.workflow)
                task = workflow.tasks.get().specific
                self.assertEqual(
                    set(task.groups.values_list("name", flat=True)), {country.moderators_group, COORDINATORS_GROUP}
                )
                collection = Collection.objects.get(name=country.collection)
                self.assertTrue(
                    GroupCollectionPermission.objects.filter(
                        group=editors, collection=collection, permission__codename="add_image"
                    ).exists()
                )

    def test_partners_work_in_their_language_only_and_coordinators_in_all(self):
        for code in LANGUAGE_CODES:
            self.assertEqual(editable_locale_ids(self.editors[code]), {self.locales[code].pk})
            self.assertEqual(editable_locale_ids(self.moderators[code]), {self.locales[code].pk})
        self.assertEqual(editable_locale_ids(self.coordinator), {locale.pk for locale in self.locales.values()})
        root = Page.get_first_root_node()
        self.assertTrue(root.permissions_for_user(self.coordinator).can_add_subpage())
        self.assertTrue(self.coordinator.has_perm("wagtailcore.change_locale"))
        self.assertFalse(self.editors["it"].has_perm("wagtailcore.change_locale"))

    def test_second_run_changes_nothing(self):
        before = snapshot()
        call_command("setup_editorial", stdout=StringIO())
        self.assertEqual(snapshot(), before)

    def test_a_stray_permission_is_put_right(self):
        editors = Group.objects.get(name="Italy editors")
        GroupPagePermission.objects.create(
            group=editors, page=self.homes["es"], permission=GroupPagePermission.objects.first().permission
        )
        call_command("setup_editorial", stdout=StringIO())
        self.assertFalse(GroupPagePermission.objects.filter(group=editors, page=self.homes["es"]).exists())

    def test_demo_accounts(self):
        for code in LANGUAGE_CODES:
            country = next(c for c in COUNTRIES if c.language_code == code)
            self.assertTrue(self.editors[code].check_password("leader-demo"))
            self.assertEqual(list(self.editors[code].groups.values_list("name", flat=True)), [country.editors_group])
            self.assertEqual(
                list(self.moderators[code].groups.values_list("name", flat=True)), [country.moderators_group]
            )
        self.assertEqual(list(self.coordinator.groups.values_list("name", flat=True)), [COORDINATORS_GROUP])
