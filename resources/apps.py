from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Matrix of Career Management Skills Resources")

    def ready(self):
        from resources import related  # noqa: F401 - fills the framework pages' related content
