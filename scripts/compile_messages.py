"""Compile the catalogues under locale/ and locale-admin/ with polib, for machines without GNU gettext's msgfmt."""

from pathlib import Path

import polib

BASE = Path(__file__).resolve().parent.parent
for po_path in sorted([*BASE.glob("locale/*/LC_MESSAGES/*.po"), *BASE.glob("locale-admin/*/LC_MESSAGES/*.po")]):
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"compiled {po_path}")
