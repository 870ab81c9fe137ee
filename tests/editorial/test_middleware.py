"""The guard in front of wagtail-localize's views fails closed and leaves the read-only views open."""

import pytest
from django.test import RequestFactory

from editorial.middleware import OPEN_VIEWS, allowed


def request_by(user, method="get"):
    request = getattr(RequestFactory(), method)("/admin/localize/")
    request.user = user
    return request


def test_a_view_the_guard_does_not_know_is_refused_to_all_but_superusers(world):
    for user in (world.editors["it"], world.moderators["el"], world.coordinator):
        assert not allowed(request_by(user), "some_new_view", {})
    assert allowed(request_by(world.admin), "some_new_view", {})


@pytest.mark.parametrize("name", sorted(OPEN_VIEWS))
def test_read_only_views_stay_open(world, name):
    assert allowed(request_by(world.editors["tr"]), name, {})


def test_the_library_url_names_are_all_known():
    """A new view in a wagtail-localize upgrade shows up here, to be looked at and classified."""
    from django.urls import get_resolver

    from editorial.middleware import SUBMIT_VIEWS, TRANSLATION_VIEWS

    names = set()
    for pattern in get_resolver().url_patterns:
        for sub in getattr(pattern, "url_patterns", []):
            if getattr(sub, "namespace", None) == "wagtail_localize":
                names |= {p.name for p in sub.url_patterns}
    known = OPEN_VIEWS | TRANSLATION_VIEWS | SUBMIT_VIEWS | {"update_translations", "convert_to_alias"}
    assert names
    assert names - known == set()


def test_every_translatable_snippet_has_the_language_policy():
    from editorial.checks import check_translatable_snippets

    assert check_translatable_snippets() == []


def test_a_translatable_model_with_another_policy_is_an_error():
    from wagtail.models import Locale, Page

    from editorial.checks import check_translatable_snippets

    # Page is translatable and has Wagtail's page policy: as a snippet, it would be reported.
    assert [error.id for error in check_translatable_snippets(models=[Page])] == ["editorial.E001"]
    assert check_translatable_snippets(models=[Locale]) == []  # not translatable


def test_the_snippet_policy_narrows_to_own_languages(world):
    from wagtail.permissions import policy_registry

    from home.models import Footer

    policy = policy_registry.get_by_type(Footer)
    editor = world.editors["it"]
    italian, spanish = (Footer.objects.get(locale__language_code=code) for code in ("it", "es"))
    assert policy.user_has_permission_for_instance(editor, "change", italian)
    assert not policy.user_has_permission_for_instance(editor, "change", spanish)
    assert list(policy.instances_user_has_any_permission_for(editor, ["change"])) == [italian]
    assert policy.instances_user_has_any_permission_for(world.coordinator, ["change"]).count() == 6
