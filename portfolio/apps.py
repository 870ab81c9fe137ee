from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = _("E-portfolio")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portfolio import export  # noqa: F401 - registers the export's sections and the account's eraser
