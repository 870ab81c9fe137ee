"""setup_editorial: groups, permissions, collections and workflows per country, safe to run again; demo accounts."""

from io import StringIO

import pytest
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


@pytest.mark.parametrize("country", COUNTRIES, ids=lambda country: country.language_code)
def test_each_country_is_rooted_at_its_language_home(world, country):
    home = world.homes[country.language_code]
    editors = Group.objects.get(name=country.editors_group)
    moderators = Group.objects.get(name=country.moderators_group)
    assert set(GroupPagePermission.objects.filter(group=editors).values_list("page_id", flat=True)) == {home.pk}
    codes = set(GroupPagePermission.objects.filter(group=moderators).values_list("permission__codename", flat=True))
    assert "publish_page" in codes
    assert "publish_page" not in GroupPagePermission.objects.filter(group=editors).values_list(
        "permission__codename", flat=True
    )
    workflow = home.get_workflow()
    assert workflow.name == country.workflow
    task = workflow.tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {country.moderators_group, COORDINATORS_GROUP}
    collection = Collection.objects.get(name=country.collection)
    assert GroupCollectionPermission.objects.filter(
        group=editors, collection=collection, permission__codename="add_image"
    ).exists()


def test_partners_work_in_their_language_only_and_coordinators_in_all(world):
    for code in LANGUAGE_CODES:
        assert editable_locale_ids(world.editors[code]) == {world.locales[code].pk}
        assert editable_locale_ids(world.moderators[code]) == {world.locales[code].pk}
    assert editable_locale_ids(world.coordinator) == {locale.pk for locale in world.locales.values()}
    root = Page.get_first_root_node()
    assert root.permissions_for_user(world.coordinator).can_add_subpage()
    assert world.coordinator.has_perm("wagtailcore.change_locale")
    assert world.coordinator.has_perm("home.change_portalsettings")  # the sample content banner
    assert not world.editors["it"].has_perm("wagtailcore.change_locale")


def test_second_run_changes_nothing(world):
    before = snapshot()
    call_command("setup_editorial", stdout=StringIO())
    assert snapshot() == before


def test_a_stray_permission_is_put_right(world):
    editors = Group.objects.get(name="Italy editors")
    GroupPagePermission.objects.create(
        group=editors, page=world.homes["es"], permission=GroupPagePermission.objects.first().permission
    )
    call_command("setup_editorial", stdout=StringIO())
    assert not GroupPagePermission.objects.filter(group=editors, page=world.homes["es"]).exists()


def test_demo_accounts(world):
    """The accounts of load_demo's demo_partners (the world makes them with it) and their groups."""
    for code in LANGUAGE_CODES:
        country = next(c for c in COUNTRIES if c.language_code == code)
        assert world.editors[code].check_password("leader-demo")
        assert list(world.editors[code].groups.values_list("name", flat=True)) == [country.editors_group]
        assert list(world.moderators[code].groups.values_list("name", flat=True)) == [country.moderators_group]
    assert list(world.coordinator.groups.values_list("name", flat=True)) == [COORDINATORS_GROUP]
