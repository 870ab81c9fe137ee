"""Admin views of the editorial workflow: translating into one's own languages, review, updates, the status report."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView

from editorial.permissions import can_edit_instance, can_work_in_locale, editable_locale_ids
from editorial.progress import translation_progress
from editorial.status import STATES, language_statuses, ordered_locales


class OwnLanguagesOnlyMixin:
    """The "Translate" form of wagtail-localize, offering only the languages the editor works in."""

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=editable_locale_ids(self.request.user))
        if len(field.queryset) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        return form

    def get(self, request, *args, **kwargs):
        if not self.get_form().fields["locales"].queryset.exists():
            messages.info(request, _("This is already translated into every language you work in."))
            return redirect(self.get_success_url() or self.get_default_success_url())
        return super().get(request, *args, **kwargs)


class SubmitOwnPageTranslationView(OwnLanguagesOnlyMixin, SubmitPageTranslationView):
    pass


class SubmitOwnSnippetTranslationView(OwnLanguagesOnlyMixin, SubmitSnippetTranslationView):
    pass


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[instance.pk])


def redirect_unless_complete(request, translation, page, refused):
    """None when every string is translated; otherwise the translator stays on the editor, told what is missing."""
    progress = translation_progress(translation)
    if progress.complete:
        return None
    messages.error(request, f"{refused} {progress.missing_sentence()}")
    return redirect(edit_url(page))


def refuse_incomplete_publication(request, translation, page):
    """wagtail-localize would publish the English text of untranslated strings; a translation goes live whole."""
    return redirect_unless_complete(request, translation, page, _("The page was not published."))


def submit_for_review(request, translation, page):
    """Save the translated strings into a draft of the page and start the page's review workflow.

    wagtail-localize's translation editor offers "Publish" to those who may publish and nothing to the others; this
    is the editor's way to hand a translation to their country's moderators.
    """
    page = page.specific
    permissions = page.permissions_for_user(request.user)
    if not can_edit_instance(request.user, page):
        raise PermissionDenied
    if not permissions.can_submit_for_moderation():
        messages.error(request, _("This page cannot be sent for review now: it has no workflow or is already in one."))
        return redirect(edit_url(page))
    # A moderator's approval publishes the page: it must not go live with English text in it.
    if refusal := redirect_unless_complete(request, translation, page, _("The page was not sent for review.")):
        return refusal
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(request, _("The translation has errors: fix the highlighted strings and send it again."))
        return redirect(edit_url(page))
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)  # the moderators asked for changes: the same review goes on, as in Wagtail's editor
    else:
        page.get_workflow().start(page, request.user)
    messages.success(
        request,
        _("'%(title)s' in %(language)s has been sent for review.")
        % {"title": page.get_admin_display_title(), "language": translation.target_locale.get_display_name()},
    )
    return redirect(edit_url(page))


def editable_translation(request, translation_id):
    """The Translation and its target object, when the user may edit the target; 404 or 403 otherwise."""
    translation = get_object_or_404(Translation.objects.select_related("source", "target_locale"), pk=translation_id)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        raise Http404 from None
    if isinstance(target, Page):
        target = target.specific
    if not can_edit_instance(request.user, target):
        raise PermissionDenied
    return translation, target


@require_GET
def progress(request, translation_id):
    """The progress of one translation, for the panel above the translation editor to follow the editor's saves."""
    try:
        translation, _target = editable_translation(request, translation_id)
    except Http404:
        return JsonResponse({"error": _("There is no such translation.")}, status=404)
    except PermissionDenied:  # answered as JSON: the admin would redirect a refusal to its dashboard
        return JsonResponse({"error": _("You cannot edit this translation.")}, status=403)
    current = translation_progress(translation)
    return JsonResponse(
        {
            "total": current.total,
            "done": current.done,
            "complete": current.complete,
            "summary": current.summary(translation.target_locale.get_display_name()),
            "missing": current.missing_sentence(),
        }
    )


@require_POST
def update_from_source(request, translation_id):
    """Take the source's current text into the translation editor of one translation the user works on."""
    translation, target = editable_translation(request, translation_id)
    try:
        translation.source.update_from_db()
    except ObjectDoesNotExist:
        raise Http404 from None  # the source page or snippet has been deleted
    messages.success(
        request,
        _("The new text of '%(title)s' is in the translation editor: translate the highlighted strings.")
        % {"title": translation.source.object_repr},
    )
    return redirect(edit_url(target))


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """For each language: how many pages are translated, translated but not sent for review, untranslated, in review
    and out of date, with the pages."""

    template_name = "editorial/translation_status.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "site"
    state_labels = {
        "translated": gettext_lazy("Translated"),
        "not_sent": gettext_lazy("Translated, not sent for review"),
        "untranslated": gettext_lazy("Untranslated"),
        "in_review": gettext_lazy("In review"),
        "out_of_date": gettext_lazy("Out of date"),
    }

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def cells(self, status):
        return [(key, self.state_labels[key], status.count(key)) for key in STATES]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        statuses = language_statuses(ordered_locales(user))
        language, state = self.request.GET.get("language"), self.request.GET.get("state")
        selected = next((s for s in statuses if s.locale.language_code == language), None)
        if state not in STATES:
            state = None
        context.update(
            {
                "table": [(status, self.cells(status)) for status in statuses],
                "states": [(key, self.state_labels[key]) for key in STATES],
                "own_locale_ids": editable_locale_ids(user),
                "selected": selected,
                "selected_state": state,
                "selected_state_label": self.state_labels.get(state, ""),
                "rows": selected.rows[state] if selected and state else [],
                "can_work_in_selected": bool(selected) and can_work_in_locale(user, selected.locale),
            }
        )
        return context


def translation_status_summary(user):
    """The status of the user's own languages, for the dashboard panel."""
    own = editable_locale_ids(user)
    default = Locale.get_default()
    locales = [locale for locale in ordered_locales(user) if locale.pk in own and locale.pk != default.pk]
    return language_statuses(locales)
