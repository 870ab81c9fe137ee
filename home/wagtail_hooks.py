"""Admin registration of the site-wide snippets, each language's copy editable by that language's editors only."""

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.permissions import LocalizedModelPermissionPolicy
from home.models import Footer, NavigationMenu

# Before the viewsets are registered: Wagtail's default policy would check the model only, not the language.
for _model in (NavigationMenu, Footer):
    register_permission_policy(_model, LocalizedModelPermissionPolicy(_model))


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Navigation")
    add_to_settings_menu = True


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "doc-empty"
    menu_label = _("Footer")
    add_to_settings_menu = True


register_snippet(NavigationMenuViewSet)
register_snippet(FooterViewSet)
