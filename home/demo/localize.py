"""Translate demo objects through wagtail-localize from PO catalogues, as an editor's PO upload would."""

from pathlib import Path

import polib
from django.core.management.base import CommandError
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource


def read_catalogue(language_code, *directories):
    """The msgid → msgstr pairs of `<language_code>.po` in each directory, merged."""
    catalogue = {}
    for directory in directories:
        path = Path(directory) / f"{language_code}.po"
        if not path.exists():
            raise CommandError(f"Missing demo translations: {path}")
        catalogue.update(
            (entry.msgid, entry.msgstr) for entry in polib.pofile(str(path)) if entry.msgstr and not entry.obsolete
        )
    return catalogue


def translate(instance, locale, catalogue):
    """Create or update the translation of a page or snippet into `locale` and publish it.

    Every string of the source must be in the catalogue: a missing one stops the load and is named.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    missing = []
    for entry in po:
        entry.msgstr = catalogue.get(entry.msgid, "")
        if not entry.msgstr:
            missing.append(entry.msgid)
    if missing:
        listed = "\n".join(f"  - {msgid}" for msgid in missing)
        raise CommandError(f"{locale.language_code}.po lacks {len(missing)} demo strings:\n{listed}")
    translation.import_po(po, tool_name="load_demo")
    if isinstance(instance, Page):
        # wagtail-localize publishes page translations when the transaction commits, from a copy of the page
        # taken before its children existed; publishing the saved draft here keeps the tree consistent.
        translation.save_target(publish=False)
        translation.get_target_instance().get_latest_revision().publish()
    else:
        translation.save_target(publish=True)
