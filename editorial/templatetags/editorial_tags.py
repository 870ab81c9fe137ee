"""The review and update panel shown above wagtail-localize's translation editor."""

from django import template
from django.urls import reverse
from wagtail.models import Page

from editorial.permissions import can_edit_instance
from editorial.status import is_source_ahead

register = template.Library()


@register.inclusion_tag("editorial/includes/translation_panel.html", takes_context=True)
def translation_panel(context, translation, instance):
    request = context["request"]
    source = translation.source
    source_instance = source.get_source_instance()
    is_page = isinstance(instance, Page)
    total, done = translation.get_progress()
    panel = {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "is_page": is_page,
        "progress_total": total,
        "progress_done": done,
        "complete": done == total,
        "source_ahead": is_page and is_source_ahead(source_instance, source),
        "update_url": reverse("editorial_update_from_source", args=[translation.pk]),
        "can_edit": can_edit_instance(request.user, instance),
        "status_url": reverse("editorial_translation_status"),
        "language": translation.target_locale.get_display_name(),
        "source_language": source.locale.get_display_name(),
    }
    if is_page:
        permissions = instance.permissions_for_user(request.user)
        panel.update(
            {
                "in_review": instance.workflow_in_progress,
                "needs_changes": bool(
                    (state := instance.current_workflow_state) and state.status == state.STATUS_NEEDS_CHANGES
                ),
                "can_submit": panel["can_edit"] and permissions.can_submit_for_moderation(),
                "can_publish": permissions.can_publish(),
                "unpublished_text": bool(
                    instance.live and instance.last_published_at and instance.last_published_at < source.last_updated_at
                ),
            }
        )
    return panel
