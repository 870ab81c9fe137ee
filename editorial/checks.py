"""A system check: every translatable snippet carries the language-aware permission policy."""

from django.core import checks
from wagtail.models import TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

from editorial.permissions import LocalizedModelPermissionPolicy


@checks.register(checks.Tags.security)
def check_translatable_snippets(app_configs=None, models=None, **kwargs):
    errors = []
    for model in get_snippet_models() if models is None else models:
        if not issubclass(model, TranslatableMixin):
            continue
        if not isinstance(policy_registry.get_by_type(model, fallback=False), LocalizedModelPermissionPolicy):
            errors.append(
                checks.Error(
                    f"{model._meta.label} is a translatable snippet without the language-aware permission policy: "
                    "any editor allowed to change it could change every language's copy.",
                    hint="Register no permission policy of its own for it: editorial gives it the language-aware one.",
                    obj=model,
                    id="editorial.E001",
                )
            )
    return errors
