from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsFrameworkConfig(AppConfig):
    name = "cms_framework"
    verbose_name = _("Career Management Skills framework")

    def ready(self):
        from cms_framework import related  # noqa: F401 - fills the home pages' related content
