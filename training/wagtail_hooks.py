"""Admin additions for the training catalogue: the spreadsheet import view and its menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from resources.admin_views import importable_locales
from training.admin_views import ImportTrainingView
from training.models import TrainingIndexPage


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("training/import/", ImportTrainingView.as_view(), name="training_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(importable_locales(request.user, TrainingIndexPage))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import training"), reverse("training_import"), icon_name="upload", order=301)
