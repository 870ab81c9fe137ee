"""The e-portfolio's forms: a piece of evidence (its kind fixed when it is added), a showcase, an item of it, and a
share link."""

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learners.forms import GeneralErrorsMixin, LongText, at_most
from learners.models import TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, Goal
from portfolio.evidence import CompetenceChoice, choice_value
from portfolio.files import ACCEPT, check_file, megabytes
from portfolio.models import Evidence, Showcase

MAX_SHARE_DAYS = 366


class HttpsURLField(forms.URLField):
    """An address typed without a scheme is taken as https://."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class EvidenceForm(GeneralErrorsMixin, forms.ModelForm):
    """A piece of evidence of one kind: a text (the text is required), a link (the address is) or a file (a file is,
    when there is none yet). Competences are chosen among the frameworks the learner reads; those a piece already
    has stay choices even when no framework has them any more."""

    upload = forms.FileField(label=_("File"), required=False, widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))
    competences = forms.MultipleChoiceField(
        label=_("The competences it shows"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("%(value)s is not a competence of a published framework.")},
    )
    goal = forms.ModelChoiceField(
        label=_("The goal it is for"),
        queryset=Goal.objects.none(),
        required=False,
        empty_label=_("No goal"),
        error_messages={"invalid_choice": _("Choose one of your goals.")},
    )
    step = forms.ChoiceField(label=_("The step of the path it is for"), required=False)

    class Meta:
        model = Evidence
        fields = ["title", "date", "text", "url"]
        field_classes = {"text": LongText, "url": HttpsURLField}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 8}),
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "url": forms.URLInput(attrs={"placeholder": "https://"}),
        }
        error_messages = {"date": {"invalid": _("Enter a date, for example 2030-06-30.")}}

    def __init__(self, *args, user, frameworks, paths, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.frameworks = frameworks
        self.content_type = None
        kind = self.instance.kind
        title, text, url = self.fields["title"], self.fields["text"], self.fields["url"]
        title.label = _("Title")
        title.help_text = at_most(TITLE_MAX_LENGTH)
        title.error_messages["required"] = _("Give your evidence a title.")
        self.fields["date"].label = _("Date")
        self.fields["date"].help_text = _("When you did it, for example 2030-06-30.")
        text.help_text = at_most(TEXT_MAX_LENGTH)
        url.label = _("Address of the page")
        url.error_messages["invalid"] = _("Enter a whole web address, starting with https://")
        if kind == Evidence.TEXT:
            text.label = _("What you did and what it shows")
            text.required = True
            text.error_messages["required"] = _("Write the text of your evidence.")
            del self.fields["url"], self.fields["upload"]
        else:
            text.label = _("A few words about it")
            del self.fields["upload" if kind == Evidence.LINK else "url"]
        if kind == Evidence.LINK:
            url.required = True
            url.error_messages["required"] = _("Enter the address of the page.")
        if kind == Evidence.FILE:
            upload = self.fields["upload"]
            upload.widget = forms.FileInput(attrs={"accept": ACCEPT})
            upload.required = not self.instance.file
            upload.label = _("Replace the file") if self.instance.file else _("File")
            upload.help_text = _(
                "A PDF, an image (PNG, JPEG, GIF, WebP), an office document (DOCX, XLSX, PPTX, ODT, ODS, ODP) or a "
                "plain text file, up to %(size)s MB."
            ) % {"size": megabytes(settings.PORTFOLIO_MAX_FILE_SIZE)}
            upload.error_messages["required"] = _("Choose the file to add.")
            upload.error_messages["empty"] = _("The file is empty: choose a file with something in it.")
        self._choices = {
            choice.value: choice for _view, areas in frameworks for _area, choices in areas for choice in choices
        }
        existing = list(self.instance.competences.all()) if self.instance.pk else []
        self.kept = [
            CompetenceChoice(
                choice_value(row.framework_key, row.competence_code),
                row.framework_key,
                row.framework_title,
                row.competence_code,
                row.competence_title,
            )
            for row in existing
            if choice_value(row.framework_key, row.competence_code) not in self._choices
        ]
        field = self.fields["competences"]
        field.choices = [(c.value, f"{c.code} {c.title}") for c in [*self._choices.values(), *self.kept]]
        field.initial = [choice_value(row.framework_key, row.competence_code) for row in existing]
        goals = Goal.objects.filter(user=user).order_by("created_at")
        self.fields["goal"].queryset = goals
        self.fields["goal"].initial = self.instance.goal_id
        step_choices = [("", _("No step"))]
        self._steps = {}
        for progress in paths:
            options = []
            for state in progress.steps:
                self._steps[str(state.step.translation_key)] = state.step
                options.append((str(state.step.translation_key), state.step.title))
            if options:
                step_choices.append((progress.path.title, options))
        if self.instance.step_key and str(self.instance.step_key) not in self._steps:
            kept_title = self.instance.step_title or _("A step no longer published")
            step_choices.append((str(self.instance.step_key), kept_title))
        self.fields["step"].choices = step_choices
        self.fields["step"].initial = str(self.instance.step_key) if self.instance.step_key else ""
        self.fields["step"].error_messages["invalid_choice"] = _("Choose a step of a published path.")

    def clean_upload(self):
        uploaded = self.cleaned_data.get("upload")
        if uploaded:
            self.content_type = check_file(uploaded, self.user, replacing=self.instance if self.instance.pk else None)
        return uploaded

    def competence_groups(self):
        """The checkboxes grouped as the frameworks are, then those no framework has any more."""
        boxes = {box.data["value"]: box for box in self["competences"]}
        several = len(self.frameworks) > 1
        groups = [
            {
                "title": view.title,
                "show_title": several,
                "areas": [
                    {"code": area.code, "title": area.title, "boxes": [boxes[c.value] for c in choices]}
                    for area, choices in areas
                ],
            }
            for view, areas in self.frameworks
        ]
        if self.kept:
            groups.append(
                {
                    "title": _("No longer in a published framework"),
                    "show_title": True,
                    "areas": [{"code": "", "title": "", "boxes": [boxes[c.value] for c in self.kept]}],
                }
            )
        return groups

    def chosen_competences(self):
        chosen = set(self.cleaned_data.get("competences") or [])
        every = [*self._choices.values(), *self.kept]
        return [choice for choice in every if choice.value in chosen]

    def save(self, commit=True):
        evidence = super().save(commit=False)
        evidence.goal = self.cleaned_data.get("goal")
        key = self.cleaned_data.get("step")
        if not key:
            evidence.step_key, evidence.step_title = None, ""
        elif key in self._steps:
            evidence.step_key = self._steps[key].translation_key
            evidence.step_title = self._steps[key].title
        if commit:
            evidence.save()
        return evidence


class ShowcaseForm(GeneralErrorsMixin, forms.ModelForm):
    class Meta:
        model = Showcase
        fields = ["title", "intro"]
        field_classes = {"intro": LongText}
        widgets = {"intro": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Title of the page")
        self.fields["title"].help_text = at_most(TITLE_MAX_LENGTH)
        self.fields["title"].error_messages["required"] = _("Give the page a title.")
        self.fields["intro"].label = _("Introduction")
        self.fields["intro"].help_text = at_most(TEXT_MAX_LENGTH)


class TextItemForm(GeneralErrorsMixin, forms.Form):
    heading = forms.CharField(label=_("Heading"), max_length=TITLE_MAX_LENGTH, required=False)
    text = LongText(label=_("Text"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = _("Write the text to add.")
        self.fields["text"].help_text = at_most(TEXT_MAX_LENGTH)


class ShareLinkForm(GeneralErrorsMixin, forms.Form):
    expires = forms.DateField(
        label=_("Open until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date, for example 2030-06-30.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires"].help_text = _(
            "Leave it empty for a link that stays open until you revoke it. The link closes at the end of this day."
        )

    def clean_expires(self):
        value = self.cleaned_data.get("expires")
        if value is None:
            return None
        today = timezone.localdate()
        if value < today:
            raise forms.ValidationError(_("Choose today or a later day."), code="past")
        if value > today + datetime.timedelta(days=MAX_SHARE_DAYS):
            raise forms.ValidationError(_("Choose a day within a year from today."), code="too_far")
        return value

    def expires_at(self):
        value = self.cleaned_data.get("expires")
        if value is None:
            return None
        end = datetime.datetime.combine(value + datetime.timedelta(days=1), datetime.time.min)
        return timezone.make_aware(end)
