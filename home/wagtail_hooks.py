"""Admin registration of the site-wide snippets, each language's copy editable by that language's editors only."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.permissions import register_translatable_snippet
from home.models import Footer, NavigationMenu


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


register_translatable_snippet(NavigationMenuViewSet)
register_translatable_snippet(FooterViewSet)
