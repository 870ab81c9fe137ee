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
    editors = Group.objects.get(name="Redattori (Italia)")
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


def test_each_country_names_its_records_in_its_language(world):
    greece = next(country for country in COUNTRIES if country.language_code == "el")
    turkey = next(country for country in COUNTRIES if country.language_code == "tr")
    assert Group.objects.filter(name="Συντάκτες (Ελλάδα)").exists()
    assert Group.objects.filter(name="Υπεύθυνοι έγκρισης (Ελλάδα)").exists()
    assert Collection.objects.filter(name="Ελλάδα").exists()
    assert world.homes["el"].get_workflow().name == "Έλεγχος (Ελλάδα)" == greece.workflow
    assert Group.objects.filter(name="Editörler (Türkiye)").exists()
    assert GroupApprovalTask.objects.filter(name="Moderatör onayı (Türkiye)").exists()
    assert world.homes["en"].get_workflow().name == "Review (United Kingdom)"
    assert turkey.collection == "Türkiye"
    assert not Group.objects.filter(name__endswith=" editors").exists()


def test_records_with_the_old_english_names_are_renamed_not_duplicated(world):
    """A database set up when the records were named in English: each record keeps its id and its members."""
    ids = {}
    for country in COUNTRIES:
        legacy = country.legacy_names
        for kind, model in (("editors_group", Group), ("moderators_group", Group), ("workflow", Workflow)):
            record = model.objects.get(name=getattr(country, kind))
            record.name = legacy[kind]
            record.save()
            ids[(kind, country.language_code)] = record.pk
        task = GroupApprovalTask.objects.get(name=country.task)
        GroupApprovalTask.objects.filter(pk=task.pk).update(name=legacy["task"])
        collection = Collection.objects.get(name=country.collection)
        collection.name = legacy["collection"]
        collection.save()
        ids[("task", country.language_code)], ids[("collection", country.language_code)] = task.pk, collection.pk
    assert Group.objects.filter(name="Greece editors").exists()
    before = snapshot()

    output = StringIO()
    call_command("setup_editorial", stdout=output)

    assert "'Greece editors' renamed 'Συντάκτες (Ελλάδα)'" in output.getvalue()
    for country in COUNTRIES:
        code = country.language_code
        assert Group.objects.get(name=country.editors_group).pk == ids[("editors_group", code)]
        assert Group.objects.get(name=country.moderators_group).pk == ids[("moderators_group", code)]
        assert Workflow.objects.get(name=country.workflow).pk == ids[("workflow", code)]
        assert GroupApprovalTask.objects.get(name=country.task).pk == ids[("task", code)]
        assert Collection.objects.get(name=country.collection).pk == ids[("collection", code)]
    assert list(world.editors["el"].groups.values_list("name", flat=True)) == ["Συντάκτες (Ελλάδα)"]
    counts = snapshot()[3:]
    assert counts == before[3:]  # as many groups, collections, workflows and tasks as before: none created
    assert not Group.objects.filter(name="Greece editors").exists()
