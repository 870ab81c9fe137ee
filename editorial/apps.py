from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial work: countries, review and translation")

    def ready(self):
        from editorial import checks  # noqa: F401 - registers the system check
        from editorial.permissions import register_language_policies

        register_language_policies()
