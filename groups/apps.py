from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "groups"
    verbose_name = _("Practitioner groups")

    def ready(self):
        # The export's sections, the account's eraser and the sign-up through an invitation.
        from groups import data_rights, signals  # noqa: F401
