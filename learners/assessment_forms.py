"""The self-assessment's forms: choosing a framework, and one area's answers (a level or "not sure yet", a note)."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from learners.assessments import UNSURE
from learners.models import NOTE_MAX_LENGTH


class StartForm(forms.Form):
    framework = forms.ChoiceField(
        label=_("Framework"),
        error_messages={
            "required": _("Choose the framework you want to assess yourself against."),
            "invalid_choice": _("This framework is not offered: choose one of the frameworks listed."),
        },
    )

    def __init__(self, *args, frameworks, **kwargs):
        super().__init__(*args, **kwargs)
        self.frameworks = {str(page.translation_key): page for page in frameworks}
        self.fields["framework"].choices = [(key, page.title) for key, page in self.frameworks.items()]

    @property
    def framework_page(self):
        return self.frameworks[self.cleaned_data["framework"]]


class NoteField(forms.CharField):
    """A note, its length counted as the reader's browser counts it: a line break is one character."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Option:
    value: str
    id: str
    name: str  # the level's name, or "Not sure yet"
    statement: str  # what the learner reads for this level ("" for "Not sure yet")
    checked: bool


@dataclass(frozen=True)
class Question:
    competence: object
    level: forms.BoundField
    note: forms.BoundField
    options: list

    @property
    def id(self):
        return self.level.auto_id

    @property
    def note_widget(self):
        """The note's textarea, described by its hint and, when it has one, its error."""
        attrs = {"aria-describedby": f"{self.note.auto_id}-hint"}
        if self.note.errors:
            attrs.update(
                {"aria-describedby": f"{self.note.auto_id}-hint {self.note.auto_id}-error", "aria-invalid": "true"}
            )
        return self.note.as_widget(attrs=attrs)


class AreaForm(forms.Form):
    """One area of a framework: for each competence a level (1..level count) or "not sure yet", and a note.

    The fields are named by competence code, so an answer never lands on another competence; fields of competences
    not in the area are ignored.
    """

    def __init__(self, *args, area, level_names, answers=None, **kwargs):
        answers = answers or {}
        initial = {}
        for competence in area.competences:
            answer = answers.get(competence.code)
            if answer is not None:
                initial[self.level_name(competence)] = UNSURE if answer.level is None else str(answer.level)
                initial[self.note_name(competence)] = answer.note
        super().__init__(*args, initial=initial, **kwargs)
        self.area = area
        self.level_names = list(level_names)
        choices = [(str(number), name) for number, name in enumerate(self.level_names, start=1)]
        choices.append((UNSURE, _("Not sure yet")))
        for competence in area.competences:
            self.fields[self.level_name(competence)] = forms.ChoiceField(
                label=competence.title,
                choices=choices,
                error_messages={
                    "required": _("Choose the level that fits you best, or “Not sure yet”."),
                    "invalid_choice": _("Choose one of the levels shown, or “Not sure yet”."),
                },
            )
            self.fields[self.note_name(competence)] = NoteField(
                label=_("Your note (optional)"),
                required=False,
                max_length=NOTE_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
            )

    @staticmethod
    def level_name(competence):
        return f"level_{competence.code}"

    @staticmethod
    def note_name(competence):
        return f"note_{competence.code}"

    def questions(self):
        """Each competence with its fields and its options, as the template shows them."""
        questions = []
        for competence in self.area.competences:
            level = self[self.level_name(competence)]
            current = str(level.value() or "")
            options = []
            for index, (value, name) in enumerate(level.field.choices):
                statement = "" if value == UNSURE else competence.statement(int(value))
                options.append(Option(value, f"{level.auto_id}_{index}", name, statement, value == current))
            questions.append(Question(competence, level, self[self.note_name(competence)], options))
        return questions

    def choices(self):
        """The cleaned answers as {competence code: (level or None, note)}."""
        data = self.cleaned_data
        answers = {}
        for competence in self.area.competences:
            value = data[self.level_name(competence)]
            answers[competence.code] = (None if value == UNSURE else int(value), data[self.note_name(competence)])
        return answers
