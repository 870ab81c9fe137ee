"""Admin additions for the Matrix: the spreadsheet import view and its menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from resources.admin_views import ImportResourcesView, ImportRunsView, ImportRunView, importable_locales


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("resources/import/", ImportResourcesView.as_view(), name="resources_import"),
        path("resources/import/runs/", ImportRunsView.as_view(), name="resources_import_runs"),
        path("resources/import/runs/<uuid:pk>/", ImportRunView.as_view(), name="resources_import_run"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(importable_locales(request.user))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import resources"), reverse("resources_import"), icon_name="upload", order=300)
