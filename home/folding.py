"""Text that matches and sorts the way each language expects, on SQLite and on PostgreSQL alike.

- `fold(text)`: lower case without accents, one character for one character: Greek tonos and dialytika dropped,
  final ς as σ, and the four Turkish i (I, İ, ı, i) all as i, so that a reader typing "ilgi", "ILGI" or "ılgı" finds
  "İlgi envanteri", and "καρτες" finds "Κάρτες". The database has the same function, `portal_fold(text)`: on
  SQLite a Python function registered on each connection, on PostgreSQL an SQL function (a `translate()` by the same
  table, written by home's migration 0003). `folded_contains` is the free-text filter of a list built on it.
- `sort_key(text, language)` and `collated(field, language)`: the language's alphabetical order (Turkish ç after c,
  ı before i; Romanian ă â î ș ț after their letters; Spanish ñ after n; Greek and the others ignoring accents at
  first, then lower case before upper case). On PostgreSQL the collation `portal_<lang>` is an ICU collation (the
  migration creates it); on SQLite it is the same name, registered on each connection with `sort_key`.
"""

import unicodedata
from functools import lru_cache

from django.db.models import CharField, F, Func, Q
from django.db.models.functions import Collate
from django.db.models.lookups import Contains

# Characters that fold to another one: every upper-case letter and every letter with a diacritic in the Latin and
# Greek blocks, and the few letters Unicode does not decompose.
_SPECIAL = {"ı": "i", "İ": "i", "ς": "σ", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o"}
_RANGES = [(0x41, 0x5A), (0xC0, 0x24F), (0x370, 0x3FF), (0x1F00, 0x1FFF)]


def _fold_char(char):
    if char in _SPECIAL:
        return _SPECIAL[char]
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)) or char
    lower = base.lower()
    folded = _SPECIAL.get(lower, lower)
    return folded if len(folded) == 1 else char


FOLDS = {
    char: _fold_char(char)
    for start, end in _RANGES
    for char in map(chr, range(start, end + 1))
    if unicodedata.category(char).startswith("L") and _fold_char(char) != char
}
_TABLE = str.maketrans(FOLDS)


def fold(text):
    """`text` in lower case without accents (see the module's docstring); as long as `text`, character for character."""
    # After the table, no character is left whose lower case is longer (İ) or depends on its place (Σ).
    return (text or "").translate(_TABLE).lower()


class Fold(Func):
    """`portal_fold(expression)` in SQL: `fold` run by the database."""

    function = "portal_fold"
    output_field = CharField()


def folded_contains(text, *fields):
    """A filter: the folded `text` occurs in the folded value of one of `fields`."""
    folded = fold(text)
    query = Q()
    for field in fields:
        query |= Contains(Fold(F(field)), folded)
    return query


# ---- Alphabetical order ----

# Letters that are letters of their own in a language, sorted right after the letter named (by its base letter).
_OWN_LETTERS = {
    "tr": {"ç": "c", "ğ": "g", "ı": "h", "ö": "o", "ş": "s", "ü": "u"},
    "ro": {"ă": "a", "â": "a", "î": "i", "ș": "s", "ş": "s", "ț": "t", "ţ": "t"},
    "es": {"ñ": "n"},
}
# Romanian â sorts after ă: the second letter after "a" gets a higher weight.
_AFTER = {("ro", "â"): 2}
_GREEK = "αβγδεζηθικλμνξοπρστυφχψω"


def _lower(char, language):
    if language == "tr" and char in "Iİ":
        return "ı" if char == "I" else "i"
    return char.lower() if len(char.lower()) == 1 else char


@lru_cache(maxsize=4096)
def _char_weights(char, language):
    """(primary, secondary, tertiary) weights of one character: its letter, its accent, its case."""
    lower = _lower(char, language)
    tertiary = 1 if lower != char else 0
    own = _OWN_LETTERS.get(language, {})
    if lower in own:
        return (_base_weight(own[lower]) + _AFTER.get((language, lower), 1), 0, tertiary)
    decomposed = unicodedata.normalize("NFD", lower)
    base = decomposed[0] if decomposed else lower
    secondary = sum(ord(c) for c in decomposed[1:] if unicodedata.combining(c))
    base = _SPECIAL.get(base, base)
    return (_base_weight(base), secondary, tertiary)


def _base_weight(char):
    if char.isspace():
        return 1
    if char.isdigit():
        return 1000 + (unicodedata.digit(char, 0))
    if "a" <= char <= "z":
        return 2000 + 10 * (ord(char) - ord("a"))
    if char in _GREEK:
        return 3000 + 10 * _GREEK.index(char)
    if not char.isalnum():
        return 100 + ord(char) % 800  # punctuation before digits and letters
    return 10_000 + ord(char)


@lru_cache(maxsize=65536)
def sort_key(text, language):
    """A key that sorts texts in the language's alphabetical order: letters first, then accents, then case."""
    weights = [_char_weights(char, language) for char in text or ""]
    return (tuple(w[0] for w in weights), tuple(w[1] for w in weights), tuple(w[2] for w in weights))


def collation_name(language):
    return f"portal_{language}"


def collated(field, language):
    """An ORDER BY expression: `field` in the alphabetical order of `language`."""
    return Collate(F(field) if isinstance(field, str) else field, collation_name(language))


# The languages whose collation the database knows: the portal's, and the root order for any other.
COLLATION_LANGUAGES = ["en", "it", "ro", "es", "el", "tr"]


def _comparator(language):
    def compare(a, b):
        key_a, key_b = sort_key(a, language), sort_key(b, language)
        return (key_a > key_b) - (key_a < key_b)

    return compare


def register_sqlite_functions(sender, connection, **kwargs):
    """On each new SQLite connection: `portal_fold()` and the `portal_<lang>` collations (`connection_created`)."""
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_function("portal_fold", 1, lambda text: None if text is None else fold(text), deterministic=True)
    for language in COLLATION_LANGUAGES:
        raw.create_collation(collation_name(language), _comparator(language))


def postgresql_fold_function_sql():
    """The SQL that creates `portal_fold(text)` on PostgreSQL, with `fold`'s table."""
    source = "".join(FOLDS).replace("'", "''")
    target = "".join(FOLDS.values()).replace("'", "''")
    return (
        "CREATE OR REPLACE FUNCTION portal_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
        f"AS $$ SELECT lower(translate($1, '{source}', '{target}')) $$"
    )
