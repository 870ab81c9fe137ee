"""What our panel above wagtail-localize's translation editor and our footer below it show."""

import json

from django import template
from django.urls import reverse
from wagtail.models import Page

from editorial.permissions import can_edit_instance
from editorial.progress import translation_progress
from editorial.status import is_source_ahead

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_state(context, translation, instance):
    """The state of one translation for its editor: progress, review, what the user may do, and the footer's actions.

    The footer's actions take wagtail-localize's own permissions and links (the `props` it hands its editor), so that
    they are the library's actions, in an order of ours: the main action is what the translator does next.
    """
    request = context["request"]
    source = translation.source
    is_page = isinstance(instance, Page)
    progress = translation_progress(translation)
    language = translation.target_locale.get_display_name()
    state = {
        "is_page": is_page,
        "progress": progress,
        "summary": progress.summary(language),
        "progress_url": reverse("editorial_translation_progress", args=[translation.pk]),
        "complete": progress.complete,
        "source_ahead": is_page and is_source_ahead(source.get_source_instance(), source),
        "update_url": reverse("editorial_update_from_source", args=[translation.pk]),
        "can_edit": can_edit_instance(request.user, instance),
        "status_url": reverse("editorial_translation_status"),
        "language": language,
        "source_language": source.locale.get_display_name(),
    }
    if not is_page:
        return state
    permissions = instance.permissions_for_user(request.user)
    workflow_state = instance.current_workflow_state
    state.update(
        {
            "in_review": instance.workflow_in_progress,
            "needs_changes": bool(workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES),
            "can_submit": state["can_edit"] and permissions.can_submit_for_moderation() and not state["source_ahead"],
            "can_publish": permissions.can_publish(),
            "unpublished_text": bool(
                instance.live and instance.last_published_at and instance.last_published_at < source.last_updated_at
            ),
        }
    )
    state["footer"] = footer_actions(context.get("props"), state)
    return state


def footer_actions(props, state):
    """The main action and the others, from wagtail-localize's props of its editor and our own state.

    wagtail-localize's editor makes the last action of its list the main one: for a page in review that the user
    may not approve, that is *Delete*. Ours: publish for those who may, else send for review, else the translation
    status (a page in review waits for the moderators: there is nothing to do on it).
    """
    props = json.loads(props) if props else {}
    perms, links = props.get("perms", {}), props.get("links", {})
    locked = props.get("object", {}).get("isLocked", False)
    if perms.get("canPublish"):
        main = "publish"
    elif state["can_submit"]:
        main = "submit"
    else:
        main = "status"
    others = [
        name
        for name, shown in (
            ("lock", perms.get("canLock") and not locked),
            ("unlock", perms.get("canUnlock") and locked),
            ("unpublish", perms.get("canUnpublish")),
            # Converting publishes the page as a mirror of its source: the middleware lets only publishers do it.
            ("convert_to_alias", bool(links.get("convertToAliasUrl")) and state["can_publish"]),
            ("stop", bool(links.get("stopTranslationUrl"))),
            ("delete", perms.get("canDelete")),
            ("status", main != "status"),
        )
        if shown
    ]
    preview = (props.get("previewModes") or [None])[0]
    return {"main": main, "others": others, "links": links, "preview_url": preview and preview["url"]}
