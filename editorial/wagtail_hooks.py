"""Admin hooks: language checks on snippets, wagtail-localize's "Translate" forms limited to one's languages, review
from the translation editor, the translation status report and its dashboard panel."""

from django.contrib.admin.utils import unquote
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import Translation

from editorial import views
from editorial.permissions import can_work_in_locale, editable_locale_ids

SUBMIT_FOR_REVIEW_ACTION = "editorial-submit-for-review"


# Registered before wagtail-localize's own URLs (order=-1), on the same paths: these views answer instead of theirs.
@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            views.SubmitOwnPageTranslationView.as_view(),
            name="editorial_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.SubmitOwnSnippetTranslationView.as_view(),
            name="editorial_submit_snippet_translation",
        ),
        path(
            "editorial/translations/<int:translation_id>/update/",
            views.update_from_source,
            name="editorial_update_from_source",
        ),
        path(
            "editorial/translations/<int:translation_id>/progress/",
            views.progress,
            name="editorial_translation_progress",
        ),
        path("editorial/status/", views.TranslationStatusView.as_view(), name="editorial_translation_status"),
    ]


@hooks.register("before_edit_page", order=-1)
def review_translation(request, page):
    """'Send for review' from the translation editor; its 'Publish' only once every string is translated."""
    if request.method != "POST" or request.POST.get("action") not in (SUBMIT_FOR_REVIEW_ACTION, "publish"):
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    if request.POST["action"] == "publish":
        return views.refuse_incomplete_publication(request, translation, page)
    return views.submit_for_review(request, translation, page)


def _refuse_unless_own_language(request, locale_id):
    if not can_work_in_locale(request.user, locale_id):
        return permission_denied(request)
    return None


@hooks.register("before_edit_snippet", order=-1)
def edit_snippet_in_own_language(request, instance):
    if isinstance(instance, TranslatableMixin):
        return _refuse_unless_own_language(request, instance.locale_id)
    return None


@hooks.register("before_delete_snippet", order=-1)
def delete_snippets_in_own_language(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin):
            if response := _refuse_unless_own_language(request, instance.locale_id):
                return response
    return None


@hooks.register("before_create_snippet", order=-1)
def create_snippet_in_own_language(request, model):
    if not issubclass(model, TranslatableMixin):
        return None
    copied_pk = request.resolver_match.kwargs.get("pk") if request.resolver_match else None
    if copied_pk is not None:  # the copy view: the copy stays in the original's language
        original = model._default_manager.filter(pk=unquote(copied_pk)).first()
        locale_id = original.locale_id if original else None
    else:
        code = request.GET.get("locale")
        locale = Locale.objects.filter(language_code=code).first() if code else Locale.get_default()
        locale_id = locale.pk if locale else None
    return _refuse_unless_own_language(request, locale_id)


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(editable_locale_ids(request.user))


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"), reverse("editorial_translation_status"), icon_name="site", order=100
    )


class TranslationStatusPanel(Component):
    name = "editorial_translation_status"
    template_name = "editorial/translation_status_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["statuses"] = views.translation_status_summary(self.user)
        context["report_url"] = reverse("editorial_translation_status")
        return context

    def render_html(self, parent_context=None):
        if not editable_locale_ids(self.user):
            return ""
        return super().render_html(parent_context)


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(TranslationStatusPanel(request.user))
