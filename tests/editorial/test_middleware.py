"""The guard in front of wagtail-localize's views fails closed and leaves the read-only views open."""

from django.test import RequestFactory

from editorial.middleware import OPEN_VIEWS, allowed
from tests.editorial.base import EditorialTestCase


class GuardTests(EditorialTestCase):
    def request(self, user, method="get"):
        request = getattr(RequestFactory(), method)("/admin/localize/")
        request.user = user
        return request

    def test_a_view_the_guard_does_not_know_is_refused_to_all_but_superusers(self):
        for user in (self.editors["it"], self.moderators["el"], self.coordinator):
            self.assertFalse(allowed(self.request(user), "some_new_view", {}))
        self.assertTrue(allowed(self.request(self.admin), "some_new_view", {}))

    def test_read_only_views_stay_open(self):
        for name in OPEN_VIEWS:
            self.assertTrue(allowed(self.request(self.editors["tr"]), name, {}))

    def test_the_library_url_names_are_all_known(self):
        """A new view in a wagtail-localize upgrade shows up here, to be looked at and classified."""
        from django.urls import get_resolver

        from editorial.middleware import SUBMIT_VIEWS, TRANSLATION_VIEWS

        names = set()
        for pattern in get_resolver().url_patterns:
            for sub in getattr(pattern, "url_patterns", []):
                if getattr(sub, "namespace", None) == "wagtail_localize":
                    names |= {p.name for p in sub.url_patterns}
        known = OPEN_VIEWS | TRANSLATION_VIEWS | SUBMIT_VIEWS | {"update_translations", "convert_to_alias"}
        self.assertTrue(names)
        self.assertEqual(names - known, set())


class SnippetPolicyCheckTests(EditorialTestCase):
    def test_every_translatable_snippet_has_the_language_policy(self):
        from editorial.checks import check_translatable_snippets

        self.assertEqual(check_translatable_snippets(), [])

    def test_a_translatable_model_with_another_policy_is_an_error(self):
        from wagtail.models import Locale, Page

        from editorial.checks import check_translatable_snippets

        # Page is translatable and has Wagtail's page policy: as a snippet, it would be reported.
        self.assertEqual([error.id for error in check_translatable_snippets(models=[Page])], ["editorial.E001"])
        self.assertEqual(check_translatable_snippets(models=[Locale]), [])  # not translatable

    def test_the_snippet_policy_narrows_to_own_languages(self):
        from wagtail.permissions import policy_registry

        from home.models import Footer

        policy = policy_registry.get_by_type(Footer)
        editor = self.editors["it"]
        italian, spanish = (Footer.objects.get(locale__language_code=code) for code in ("it", "es"))
        self.assertTrue(policy.user_has_permission_for_instance(editor, "change", italian))
        self.assertFalse(policy.user_has_permission_for_instance(editor, "change", spanish))
        self.assertEqual(list(policy.instances_user_has_any_permission_for(editor, ["change"])), [italian])
        self.assertEqual(policy.instances_user_has_any_permission_for(self.coordinator, ["change"]).count(), 6)
