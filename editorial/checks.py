"""A system check: every translatable snippet carries the language-aware permission policy."""

from django.core import checks


@checks.register(checks.Tags.security)
def check_translatable_snippets(app_configs=None, models=None, **kwargs):
    from wagtail.models import TranslatableMixin
    from wagtail.permissions import policy_registry
    from wagtail.snippets.models import get_snippet_models

    from editorial.permissions import LocalizedModelPermissionPolicy

    errors = []
    for model in get_snippet_models() if models is None else models:
        if not issubclass(model, TranslatableMixin):
            continue
        if not isinstance(policy_registry.get_by_type(model, fallback=False), LocalizedModelPermissionPolicy):
            errors.append(
                checks.Error(
                    f"{model._meta.label} is a translatable snippet without the language-aware permission policy: "
                    "any editor allowed to change it could change every language's copy.",
                    hint="Register it with editorial.permissions.register_translatable_snippet(viewset).",
                    obj=model,
                    id="editorial.E001",
                )
            )
    return errors
