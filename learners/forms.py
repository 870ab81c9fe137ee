"""The forms of a learner's journal: reflections, goals with their actions, and deleting the account."""

from allauth.account.forms import ReauthenticateForm
from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from learners.journal import step_for
from learners.models import TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, Goal, GoalAction, Reflection

# Enough actions for any plan; the formset refuses more, whatever the management form claims.
MAX_ACTIONS = 30
EXTRA_ACTIONS = 2


def at_most(count):
    return ngettext("At most %(count)s character.", "At most %(count)s characters.", count) % {
        "count": number_format(count, force_grouping=True)
    }


class LongText(forms.CharField):
    """Text from a textarea, each line break counted as one character, as the browser counts it for `maxlength`
    (browsers send "\\r\\n")."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class GeneralErrorsMixin:
    """`general_errors`: the messages that belong to no visible field (the form's own, and its hidden fields')."""

    def general_errors(self):
        errors = list(self.non_field_errors())
        for field in self.hidden_fields():
            errors.extend(field.errors)
        return errors


def find_step(value, language=None):
    """The live step whose translation key is `value` (a UUID or its text), or a ValidationError for the form."""
    error = ValidationError(_("This step of the path does not exist, or is no longer published."), code="step")
    try:
        key = forms.UUIDField().clean(value)
    except ValidationError:
        raise error from None
    step = step_for(key, language)
    if step is None:
        raise error
    return step


class ReflectionForm(GeneralErrorsMixin, forms.ModelForm):
    """A reflection: new (answering a step's prompt when `step` is given, or standalone), or edited (its step and
    prompt stay as they were written)."""

    step = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)
    next = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)

    class Meta:
        model = Reflection
        fields = ["text"]
        field_classes = {"text": LongText}
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.step_page = None
        if not self.instance._state.adding:
            del self.fields["step"]
        text = self.fields["text"]
        text.label = _("Your reflection")
        text.help_text = at_most(TEXT_MAX_LENGTH)
        text.error_messages["required"] = _("Write something before you save.")

    def answers(self, prompt):
        """Label the text as the answer to the prompt shown above it (`id="reflection-prompt"`), which then describes
        the text field, with its limit and its errors."""
        if not prompt:
            return
        text = self["text"]
        text.field.label = text.label = _("Your answer")
        described = ["reflection-prompt", f"{text.auto_id}_helptext"]
        if self.is_bound and text.errors:
            described.append(f"{text.auto_id}_error")
        text.field.widget.attrs["aria-describedby"] = " ".join(described)

    def clean_step(self):
        value = self.cleaned_data["step"]
        if not value:
            return None
        self.step_page = find_step(value, self.language)
        return self.step_page.translation_key

    def save(self, commit=True):
        reflection = super().save(commit=False)
        if self.step_page is not None:
            reflection.step_key = self.step_page.translation_key
            reflection.prompt = self.step_page.prompt
        if commit:
            reflection.save()
        return reflection


class GoalForm(GeneralErrorsMixin, forms.ModelForm):
    """A goal: its title, why it matters and the competences it works on, chosen among the live frameworks'.

    The codes a goal already has stay choices even when no live framework has them any more, so that editing a goal
    never drops them silently; any other code is refused.
    """

    competences = forms.MultipleChoiceField(
        label=_("The competences it works on"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("%(value)s is not a competence of a published framework.")},
    )

    class Meta:
        model = Goal
        fields = ["title", "why"]
        field_classes = {"why": LongText}
        labels = {"title": _("Your goal"), "why": _("Why it matters to you")}
        widgets = {"why": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, competences, **kwargs):
        super().__init__(*args, **kwargs)
        self.index = competences
        self.kept_codes = [code for code in self.instance.competence_codes if code not in competences.titles]
        field = self.fields["competences"]
        field.choices = [*competences.choices(), *((code, code) for code in self.kept_codes)]
        field.initial = list(self.instance.competence_codes)
        self.fields["title"].help_text = at_most(TITLE_MAX_LENGTH)
        self.fields["title"].error_messages["required"] = _("Give your goal a title.")
        self.fields["why"].help_text = at_most(TEXT_MAX_LENGTH)

    def competence_groups(self):
        """The checkboxes grouped as the frameworks are: [{title, show_title, areas: [{code, title, boxes}]}], then the
        codes no live framework has any more, under a title of their own."""
        boxes = {box.data["value"]: box for box in self["competences"]}
        several = len(self.index.frameworks) > 1
        groups = [
            {
                "title": framework.title,
                "show_title": several,
                "areas": [
                    {
                        "code": area.code,
                        "title": area.title,
                        "boxes": [boxes[code] for code, _title in area.competences],
                    }
                    for area in framework.areas
                ],
            }
            for framework in self.index.frameworks
        ]
        if self.kept_codes:
            groups.append(
                {
                    "title": _("No longer in a published framework"),
                    "show_title": True,
                    "areas": [{"code": "", "title": "", "boxes": [boxes[code] for code in self.kept_codes]}],
                }
            )
        return groups

    def save(self, commit=True):
        goal = super().save(commit=False)
        chosen = set(self.cleaned_data["competences"])
        goal.competence_codes = [code for code, _label in self.fields["competences"].choices if code in chosen]
        if commit:
            goal.save()
        return goal


class ActionForm(GeneralErrorsMixin, forms.ModelForm):
    class Meta:
        model = GoalAction
        fields = ["text", "target_date", "status"]
        labels = {"text": _("What you will do"), "target_date": _("By when"), "status": _("Status")}
        widgets = {"target_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {"target_date": {"invalid": _("Enter a date, for example 2030-06-30.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = at_most(TITLE_MAX_LENGTH)


class BaseActionFormSet(forms.BaseInlineFormSet):
    """The actions of one goal. A form left empty adds nothing; "Remove this action" deletes one."""

    default_error_messages = {
        "missing_management_form": _(
            "This form was changed on its way or is out of date. Please open the goal again and redo your changes."
        ),
        "too_many_forms": _("A goal can have at most %(num)d actions."),
    }

    def clean(self):
        """An action shown as existing must be one of this goal's: another id (tampered, or an action deleted meanwhile
        in another tab) refuses the whole form rather than adding it as a new action."""
        super().clean()
        for form in self.initial_forms:
            if form.instance.pk is None:
                raise ValidationError(self.error_messages["missing_management_form"], code="stale_action")

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this action")

    def save_for(self, goal):
        """Write the actions in the order of the form: new ones added, changed ones updated, removed ones deleted.
        Call inside the goal's transaction, after `is_valid()`."""
        deleted = set(self.deleted_forms)
        position = 0
        for form in self.forms:
            action = form.instance
            if form in deleted:
                if action.pk is not None:
                    action.delete()
                continue
            if action.pk is None and not form.has_changed():
                continue
            if form.has_changed() or action.position != position or action.pk is None:
                action = form.save(commit=False)
                action.goal = goal
                action.position = position
                action.save()
            position += 1


ActionFormSet = forms.inlineformset_factory(
    Goal,
    GoalAction,
    form=ActionForm,
    formset=BaseActionFormSet,
    extra=EXTRA_ACTIONS,
    can_delete=True,
    max_num=MAX_ACTIONS,
    validate_max=True,
    absolute_max=MAX_ACTIONS,
)


class DeleteAccountForm(GeneralErrorsMixin, ReauthenticateForm):
    """allauth's password check (with its rate limit on failed attempts), and the learner's "I understand"."""

    understand = forms.BooleanField(
        label=_("I understand that my account and everything in it will be erased at once, and cannot be restored."),
        error_messages={"required": _("Please tick this box to confirm that you want to delete everything.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Your password")
        self.fields["password"].widget.attrs.pop("placeholder", None)
