"""The frameworks a learner can assess themselves against, read in the reader's language.

A framework is found by its translation key (the same in every language): its page in the reader's language, or in
English while that language has none. What a learner reads of it is gathered into plain objects here, in a fixed
number of queries, so that the assessment, the profile and the suggestions never touch the page tree again.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import get_language

from cms_framework.models import Competence, FrameworkAreaPage, FrameworkPage
from home.i18n import live_pages_by_key


@dataclass(frozen=True)
class CompetenceView:
    code: str
    title: str
    description: str
    statements: tuple  # what the learner reads at each level, in the order of the levels ("" where none is written)
    translation_key: object
    position: int  # its place in the whole framework, from 0

    def statement(self, level):
        """The statement of a level (1..level count), "" where the framework has none."""
        if level is None or not 1 <= level <= len(self.statements):
            return ""
        return self.statements[level - 1]


@dataclass(frozen=True)
class AreaView:
    number: int  # from 1, the order learners take the areas in
    code: str
    title: str
    translation_key: object
    competences: tuple


@dataclass
class FrameworkView:
    page: FrameworkPage
    key: object
    title: str
    version: str
    language: str  # the language of the page read (the reader's, or English where it has none)
    level_names: tuple
    areas: tuple
    _competences: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._competences = {c.code: (area, c) for area in self.areas for c in area.competences}

    @property
    def level_count(self):
        return len(self.level_names)

    @property
    def area_count(self):
        return len(self.areas)

    def area(self, number):
        """Area `number` (from 1), or None when there is no such area."""
        if not 1 <= number <= len(self.areas):
            return None
        return self.areas[number - 1]

    def competence(self, code):
        """The competence of this code and its area as (area, competence), or None."""
        return self._competences.get(code)

    @property
    def competence_codes(self):
        return list(self._competences)

    def level_name(self, level):
        if level is None or not 1 <= level <= len(self.level_names):
            return ""
        return self.level_names[level - 1]


def _language(language):
    return (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _assessable(frameworks):
    return [page for page in frameworks if page.level_names]


def offered_frameworks(language=None):
    """The live, public frameworks with levels a learner may assess themselves against, in the reader's language.

    Those of the reader's language, then the English ones that have no version in it; each in the order of its
    tree. Two queries.
    """
    language = _language(language)
    pages = list(
        FrameworkPage.objects.live()
        .public()
        .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        .select_related("locale")
        .order_by("path")
    )
    own = [page for page in pages if page.locale.language_code == language]
    keys = {page.translation_key for page in own}
    english = [page for page in pages if page.locale.language_code != language and page.translation_key not in keys]
    return _assessable(own + english)


def framework_page(key, language=None):
    """The live, public page of the framework with this translation key: in the reader's language, else in English,
    else in whichever language it is live in; None when it is nowhere live. Two queries."""
    return live_pages_by_key(FrameworkPage, [key], _language(language)).get(key)


def read_framework(page):
    """A framework page as a learner reads it: its levels, its live areas in order and their competences. Three
    queries (the areas, whether any is private, their competences)."""
    # Competences in their editors' order; the primary key settles the order of any the admin has not sorted yet.
    competences = Prefetch("competences", queryset=Competence.objects.order_by("sort_order", "pk"))
    areas = (
        FrameworkAreaPage.objects.child_of(page)
        .live()
        .public()
        .defer_streamfields()
        .order_by("path")
        .prefetch_related(competences)
    )
    position = 0
    views = []
    for number, area in enumerate(areas, start=1):
        competences = []
        for competence in area.competences.all():
            competences.append(
                CompetenceView(
                    code=competence.code,
                    title=competence.title,
                    description=competence.description,
                    statements=tuple(competence.statement_texts),
                    translation_key=competence.translation_key,
                    position=position,
                )
            )
            position += 1
        views.append(AreaView(number, area.code, area.title, area.translation_key, tuple(competences)))
    return FrameworkView(
        page=page,
        key=page.translation_key,
        title=page.title,
        version=page.version,
        language=page.locale.language_code,
        level_names=tuple(page.level_names),
        areas=tuple(views),
    )


def framework_for(key, language=None):
    """The framework with this translation key as the reader reads it (see `read_framework`), or None."""
    page = framework_page(key, language)
    return read_framework(page) if page is not None else None
