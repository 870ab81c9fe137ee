"""Stable codes that are the same in every language (area, competence and resource codes), and their rules."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CODE_HELP = _("A short stable code (letters, digits, dots and dashes), the same in every language, e.g. A1 or A1.2.")
CODE_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_")


def validate_code(value):
    if not value or set(value) - CODE_CHARACTERS:
        raise ValidationError(_("Use only letters, digits, dots, dashes and underscores."))


class UniqueInLanguageMixin:
    """A translatable model whose code is unique among the objects of one language.

    The translations of one object share its code (a synchronised field), so they never clash with each other.
    A model sets `unique_in_language_message`, the message shown beside the field, naming what it is.
    """

    unique_in_language_field = "code"
    unique_in_language_message = None

    def clean(self):
        super().clean()
        name = self.unique_in_language_field
        value = getattr(self, name)
        if not value or not self.locale_id:
            return
        clash = type(self)._default_manager.filter(**{name: value, "locale_id": self.locale_id})
        if self.translation_key:
            clash = clash.exclude(translation_key=self.translation_key)
        if clash.exists():
            raise ValidationError({name: self.unique_in_language_message})
