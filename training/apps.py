from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training opportunities")

    def ready(self):
        from training import related  # noqa: F401 - the areas' training, the search's kind
