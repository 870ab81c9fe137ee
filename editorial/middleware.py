"""Language checks in front of wagtail-localize's admin views, which check the model or a global permission only.

wagtail-localize lets anyone holding "Can submit translations" create a translation into any locale, and lets anyone
who may edit a snippet model write the strings of every language's copy of it. Every request routed to one of its
views passes here first; a view we do not know about is refused to everyone but superusers, so a new view in a
later version of the library stays closed until it has been looked at.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from editorial.permissions import can_work_in_locale, editable_locale_ids

LOCALIZE_NAMESPACE = "wagtail_localize"

# Read-only views: the JavaScript catalogue, the library's translations report and the snippet API the editor reads.
OPEN_VIEWS = frozenset(
    {
        "javascript_catalog",
        "translations_report",
        "translations_report_results",
        "snippets_api_listing",
        "snippets_api_detail",
    }
)
# Views acting on one translation: the language written to is the translation's target.
TRANSLATION_VIEWS = frozenset(
    {
        "edit_string_translation",
        "edit_override",
        "download_pofile",
        "upload_pofile",
        "machine_translate",
        "preview_translation",
        "stop_translation",
    }
)
JSON_VIEWS = frozenset({"edit_string_translation", "edit_override"})
SUBMIT_VIEWS = frozenset({"submit_page_translation", "submit_snippet_translation"})


def requested_locales_allowed(user, locale_ids):
    """Whether every locale chosen in a "Translate" form is one of the user's languages."""
    try:
        requested = {int(value) for value in locale_ids}
    except (TypeError, ValueError):
        return False
    return requested <= editable_locale_ids(user)


def may_update_translations(request, source):
    """'Sync translated pages' rewrites and may publish every language's translation: only for whoever owns all."""
    translations = source.translations.filter(enabled=True).select_related("target_locale")
    if not all(can_work_in_locale(request.user, t.target_locale_id) for t in translations):
        return False
    if request.method == "POST" and request.POST.get("publish_translations"):
        for translation in translations:
            target = translation.source.get_translated_instance(translation.target_locale)
            if isinstance(target, Page) and not target.permissions_for_user(request.user).can_publish():
                return False
    return True


def allowed(request, url_name, kwargs):
    user = request.user
    if user.is_superuser or url_name in OPEN_VIEWS:
        return True
    if url_name in TRANSLATION_VIEWS:
        translation = get_object_or_404(Translation, pk=kwargs["translation_id"])
        return can_work_in_locale(user, translation.target_locale_id)
    if url_name in SUBMIT_VIEWS:
        return request.method != "POST" or requested_locales_allowed(user, request.POST.getlist("locales"))
    if url_name == "update_translations":
        source = get_object_or_404(TranslationSource, pk=kwargs["translation_source_id"])
        try:
            return may_update_translations(request, source)
        except ObjectDoesNotExist:
            return False
    if url_name == "convert_to_alias":
        # The page becomes a live mirror of its source at once: a publication, so only for who may publish it.
        page = get_object_or_404(Page, pk=kwargs["page_id"])
        return can_work_in_locale(user, page.locale_id) and page.permissions_for_user(user).can_publish()
    return False


class TranslationPermissionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or LOCALIZE_NAMESPACE not in match.namespaces:
            return None
        if not request.user.is_authenticated:
            return None  # the admin's own login check answers
        try:
            if allowed(request, match.url_name, view_kwargs):
                return None
        except Http404:
            return None  # the view answers "not found" itself
        # The translation editor's JSON endpoints answer 403; a page gets the admin's usual message and redirect.
        if match.url_name in JSON_VIEWS:
            raise PermissionDenied
        return permission_denied(request)
