"""The groups' forms: a group, an invitation, a code to join, a share, a comment, the feedback e-mails."""

import datetime
import uuid

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms_framework.models import PilotActionPage
from groups.models import COMMENT_MAX_LENGTH, DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, LearningGroup, Share
from home.i18n import best_by_key
from learners.models import PathPage

MEMBER_LIMIT_MAX = 500
EXPIRY_DAYS_MAX = 366


def _pages_in(model, language):
    pages = (
        model.objects.live()
        .public()
        .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        .select_related("locale")
        .order_by("title")
    )
    return sorted(best_by_key(pages, language).items(), key=lambda item: item[1].title)


class GroupForm(forms.ModelForm):
    path = forms.TypedChoiceField(label=_("Learning path the group follows"), coerce=uuid.UUID)
    pilot_action = forms.TypedChoiceField(
        label=_("Pilot action it belongs to"), coerce=uuid.UUID, required=False, empty_value=None
    )

    class Meta:
        model = LearningGroup
        fields = ["name", "language", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        language = language or get_language()
        self.fields["name"].max_length = NAME_MAX_LENGTH
        self.fields["description"].max_length = DESCRIPTION_MAX_LENGTH
        self.fields["path"].choices = [(str(key), page.title) for key, page in _pages_in(PathPage, language)]
        self.fields["pilot_action"].choices = [("", _("None"))] + [
            (str(key), page.title) for key, page in _pages_in(PilotActionPage, language)
        ]
        if self.instance.pk:
            self.initial.setdefault("path", str(self.instance.path_key))
            if self.instance.pilot_action_key:
                self.initial.setdefault("pilot_action", str(self.instance.pilot_action_key))
        else:
            self.initial.setdefault("language", language)

    def save(self, commit=True):
        self.instance.path_key = self.cleaned_data["path"]
        self.instance.pilot_action_key = self.cleaned_data.get("pilot_action")
        return super().save(commit=commit)


class InvitationForm(forms.Form):
    expires_on = forms.DateField(
        label=_("Valid until"),
        required=False,
        help_text=_("The last day the invitation can be used, as YYYY-MM-DD. Empty: until you revoke it."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    member_limit = forms.IntegerField(
        label=_("Member limit"),
        required=False,
        min_value=1,
        max_value=MEMBER_LIMIT_MAX,
        help_text=_("How many learners can join through it. Empty: no limit."),
    )

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day is not None and day < today:
            raise forms.ValidationError(_("Choose today or a later day."))
        if day is not None and day > today + datetime.timedelta(days=EXPIRY_DAYS_MAX):
            raise forms.ValidationError(_("Choose a day within a year from today."))
        return day

    def expires_at(self):
        day = self.cleaned_data.get("expires_on")
        if day is None:
            return None
        end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
        return timezone.make_aware(end)


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Invitation code"),
        max_length=20,
        help_text=_("The eight letters and digits your practitioner gave you."),
    )


class ShareForm(forms.Form):
    item = forms.ChoiceField(label=_("What to share"))
    audience = forms.ChoiceField(
        label=_("Share with"), choices=Share.AUDIENCES, initial=Share.PRACTITIONER, widget=forms.RadioSelect
    )
    step = forms.TypedChoiceField(
        label=_("Step of the path it belongs to"), coerce=uuid.UUID, required=False, empty_value=None
    )

    def __init__(self, *args, items=(), steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [(item.value, item.label) for item in items]
        self.fields["step"].choices = [("", _("None"))] + [
            (str(step.translation_key), f"{number}. {step.title}") for number, step in enumerate(steps, start=1)
        ]

    def item_of(self):
        kind, _sep, pk = self.cleaned_data["item"].partition(":")
        return kind, pk


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment before sending it.")},
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write a comment before sending it."))
        return text


class NotificationsForm(forms.Form):
    feedback_emails = forms.BooleanField(label=_("E-mail me when someone comments on what I shared"), required=False)
