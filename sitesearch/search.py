"""Searching the index in the reader's language: `SearchFilterSet` reads the address (`q`, `kind`, `page`) and
`matching(entries, text, language)` does the search.

- PostgreSQL: the query goes through `websearch_to_tsquery` with the language's configuration, once as typed and
  once folded (home/folding.py), and the two are joined by OR, as the entries' vectors hold both forms; ranked by
  `ts_rank`, the title and the excerpt marked by `ts_headline`. Greek: PostgreSQL's stemmer leaves a vowel on some
  inflections (σταδιοδρομία → σταδιοδρομ, σταδιοδρομίας → σταδιοδρομι), so a Greek query matches its stems as
  prefixes without their last vowel.
- SQLite: every word of the query, folded, must occur in the folded title or text; a word after "-" must not;
  ranked by the words found in the title, then in the text; the excerpt is marked here.

Both read only the typed words (and on PostgreSQL websearch's own quotes, "-" and "or"), so no operator reaches the
database from the reader; the number of queries does not depend on the content.
"""

import re

import django_filters
from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchRank
from django.db import IntegrityError, connection, transaction
from django.db.models import BooleanField, Case, F, Func, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from home.filters import PortalFilterSet
from home.folding import collated, fold
from home.searchable import kinds
from sitesearch.models import SearchMiss, text_search_config

MAX_LENGTH = 200
MAX_WORDS = 12
PER_PAGE = 20
START, STOP = "\x02", "\x03"  # what ts_headline puts around a word found; never in an entry's text
_GREEK_PREFIX = re.compile(r"'([^']{4,}?)[αεηιουω]?'")


def query_words(text):
    """The query's words, folded: (wanted, unwanted); "or" between words and every other sign are left out."""
    wanted, unwanted = [], []
    for piece in text.split():
        if piece == "OR":
            continue
        words = re.findall(r"\w+", fold(piece))
        (unwanted if piece.startswith("-") else wanted).extend(words)
    return list(dict.fromkeys(wanted))[:MAX_WORDS], list(dict.fromkeys(unwanted))[:MAX_WORDS]


class TsQuery(Func):
    """A tsquery given as PostgreSQL's own text of it (from `websearch_to_tsquery`), cast back: nothing re-parsed."""

    template = "%(expressions)s::tsquery"
    output_field = BooleanField()  # only read through the functions below

    def __init__(self, text):
        super().__init__(Value(text))


class Matches(Func):
    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def _tsquery_text(text, language):
    """The reader's query for PostgreSQL, as typed OR folded; "" when it has no word to look for (stop words)."""
    config = text_search_config(language)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery(%s::regconfig, %s)::text, websearch_to_tsquery(%s::regconfig, %s)::text",
            [config, text, config, fold(text)],
        )
        forms_ = [form for form in cursor.fetchone() if form]
    if language == "el":
        forms_ = [_GREEK_PREFIX.sub(r"'\1':*", form) for form in forms_]
    return " | ".join(f"( {form} )" for form in dict.fromkeys(forms_))


def matching(entries, text, language):
    """`entries` that match `text`, best first, annotated with `marked_title` and `marked_excerpt` (PostgreSQL) for
    `excerpts()`; None when the text has no word to look for."""
    wanted, unwanted = query_words(text)
    if not wanted:
        return None
    if connection.vendor == "postgresql":
        tsquery = _tsquery_text(text, language)
        if not tsquery:
            return None
        query = TsQuery(tsquery)
        config = text_search_config(language)
        marks = {"start_sel": START, "stop_sel": STOP, "config": config}
        return (
            entries.filter(Matches(F("vector"), query))
            .annotate(
                rank=SearchRank(F("vector"), query),
                marked_title=SearchHeadline("title", query, highlight_all=True, **marks),
                marked_excerpt=SearchHeadline(
                    "body", query, max_words=40, min_words=20, max_fragments=2, fragment_delimiter=" … ", **marks
                ),
            )
            .order_by("-rank", collated("title", language), "pk")
        )
    for word in wanted:
        entries = entries.filter(Q(folded_title__contains=word) | Q(folded_body__contains=word))
    for word in unwanted:
        entries = entries.exclude(Q(folded_title__contains=word) | Q(folded_body__contains=word))

    def hits(field):
        total = Value(0)
        for word in wanted:
            total += Case(When(**{f"{field}__contains": word}, then=Value(1)), default=Value(0))
        return Coalesce(total, 0, output_field=IntegerField())

    # Ties in the folded title's order, not the language's collation: SQLite would call Python for each comparison
    # of the whole list of matches, to show twenty.
    return entries.annotate(title_hits=hits("folded_title"), body_hits=hits("folded_body")).order_by(
        "-title_hits", "-body_hits", "folded_title", "pk"
    )


def _marked_html(pieces):
    """HTML of alternating plain and found texts ([plain, found, plain, …]), every text escaped."""
    pieces = [*pieces, ""] if len(pieces) % 2 else pieces
    return format_html_join("", "{}<mark>{}</mark>", zip(pieces[::2], pieces[1::2], strict=True))


def _from_headline(text):
    return _marked_html(re.split(f"{START}(.*?){STOP}", (text or "").replace(STOP + " " + START, " "), flags=re.S))


def _spans(folded, words):
    spans = []
    for word in words:
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(word), folded)]
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark(text, words, width=None, folded=None):
    """`text`, escaped, with each of the (folded) `words` in <mark>; with `width`, only about that many characters
    around the first word found, cut at spaces. `folded`: `fold(text)`, when known (an entry keeps it)."""
    folded = fold(text) if folded is None or len(folded) != len(text) else folded
    spans = _spans(folded, words)
    begin, end = 0, len(text)
    if width and len(text) > width:
        first = spans[0][0] if spans else 0
        begin = max(0, first - width // 3)
        begin = text.rfind(" ", 0, begin) + 1 if begin else 0
        end = min(len(text), begin + width)
        if end < len(text):
            space = text.rfind(" ", begin, end)
            end = space if space > first else end
    pieces, position = [], begin
    for start, stop in spans:
        if stop <= begin or start >= end:
            continue
        start, stop = max(start, begin), min(stop, end)
        pieces += [text[position:start], text[start:stop]]
        position = stop
    pieces.append(text[position:end])
    pieces[0] = ("… " if begin else "") + pieces[0]
    pieces[-1] += " …" if end < len(text) else ""
    return _marked_html(pieces)


def excerpts(entries, text):
    """Give each of the (page's) entries `title_html` and `excerpt_html`, marked and escaped."""
    wanted, _unwanted = query_words(text)
    for entry in entries:
        if hasattr(entry, "marked_title"):
            entry.title_html = _from_headline(entry.marked_title)
            entry.excerpt_html = _from_headline(entry.marked_excerpt) if START in (entry.marked_excerpt or "") else None
        else:
            entry.title_html = mark(entry.title, wanted, folded=entry.folded_title)
            entry.excerpt_html = None
        if entry.excerpt_html is None and entry.body:
            entry.excerpt_html = mark(entry.body, wanted, width=240, folded=entry.folded_body)
    return entries


def normalised(text):
    return " ".join(fold(text).split())[:MAX_LENGTH]


def record_miss(language, text):
    """Count one search that found nothing: the language and the normalised query, nothing of the reader."""
    query, today = normalised(text), timezone.localdate()
    misses = SearchMiss.objects.filter(language=language, query=query)
    updated = misses.update(count=F("count") + 1, last_searched=today)
    if not updated:
        try:
            with transaction.atomic():
                SearchMiss.objects.create(language=language, query=query, count=1, last_searched=today)
        except IntegrityError:  # another request counted it first
            misses.update(count=F("count") + 1)


class SearchForm(forms.Form):
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)


class SearchFilterSet(PortalFilterSet):
    q = django_filters.CharFilter(label=_("Search for"), method="search", max_length=MAX_LENGTH, strip=True)
    kind = django_filters.ChoiceFilter(label=_("Show"))

    class Meta:
        form = SearchForm

    def __init__(self, data=None, *, queryset, language):
        super().__init__(data, queryset=queryset)
        self.language = language
        self.nothing_to_search = False
        self.set_choices("kind", kinds())
        self.filters["q"].field.widget.input_type = "search"

    def filter_queryset(self, queryset):
        text = self.form.cleaned_data.get("q") or ""
        if not text:
            return queryset.none()
        return super().filter_queryset(queryset)

    def search(self, queryset, name, text):
        results = matching(queryset, text, self.language)
        if results is None:
            self.nothing_to_search = True
            return queryset.none()
        return results
