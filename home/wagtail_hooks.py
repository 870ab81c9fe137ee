"""Admin registration of the site-wide snippets (the editorial app keeps each language's copy to its editors)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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


register_snippet(NavigationMenuViewSet)
register_snippet(FooterViewSet)
