from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    name = "sitesearch"
    verbose_name = _("Site search")

    def ready(self):
        from sitesearch import signals  # noqa: F401 - keeps the index fresh on publish, unpublish, move and delete
