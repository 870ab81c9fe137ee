"""Which languages an editor works in, derived from the page permissions rooted at each language's home page.

The page tree is the one source of truth: a group holding "add" or "edit" page permission on a language's home page
works in that language; a permission on the tree's root means every language. Snippets, translations and
wagtail-localize's views, which Wagtail and wagtail-localize check per model only, are checked against this.
"""

from django.apps import apps
from modelcluster.fields import ParentalKey
from wagtail.models import GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

EDITING_PAGE_PERMISSIONS = ("add_page", "change_page")
_CACHE_ATTRIBUTE = "_editorial_locale_ids"


def editable_locale_ids(user):
    """The ids of the locales whose content `user` may write, cached on the user object for the request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    if user.is_superuser:
        ids = frozenset(Locale.objects.values_list("pk", flat=True))
    else:
        roots = GroupPagePermission.objects.filter(
            group__user=user, permission__codename__in=EDITING_PAGE_PERMISSIONS
        ).values_list("page__depth", "page__locale_id")
        if any(depth == 1 for depth, _locale in roots):
            ids = frozenset(Locale.objects.values_list("pk", flat=True))
        else:
            ids = frozenset(locale_id for _depth, locale_id in roots)
    setattr(user, _CACHE_ATTRIBUTE, ids)
    return ids


def can_work_in_locale(user, locale):
    locale_id = locale if isinstance(locale, int) else getattr(locale, "pk", None)
    return locale_id in editable_locale_ids(user)


def can_edit_instance(user, instance):
    """Whether `user` may change this page or translatable snippet, language included."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit() and can_work_in_locale(user, instance.locale_id)
    if not policy_registry.get_by_type(type(instance)).user_has_permission_for_instance(user, "change", instance):
        return False
    return not isinstance(instance, TranslatableMixin) or can_work_in_locale(user, instance.locale_id)


class LocalizedModelPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed to the languages the user works in for translatable objects.

    Reading ("view") stays global: an editor reads the English source and the other languages' snippets.
    """

    READ_ONLY_ACTIONS = frozenset({"view"})

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action in self.READ_ONLY_ACTIONS or not isinstance(instance, TranslatableMixin):
            return True
        return can_work_in_locale(user, instance.locale_id)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) <= self.READ_ONLY_ACTIONS or not issubclass(self.model, TranslatableMixin):
            return queryset
        return queryset.filter(locale_id__in=editable_locale_ids(user))


def translatable_models_edited_alone():
    """The translatable models that are edited on their own (snippets), not as pages or inline in a page."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
        and not any(isinstance(field, ParentalKey) for field in model._meta.get_fields())
    ]


def register_language_policies():
    """Give every translatable model edited on its own the language-aware policy, before the admin registers it.

    Called from the app's `ready()`: this app comes first in INSTALLED_APPS, and Wagtail would otherwise create its
    per-model policy when the snippet's viewset is registered.
    """
    for model in translatable_models_edited_alone():
        register_permission_policy(model, LocalizedModelPermissionPolicy(model))
