"""What the learner's pages read from the editors' pages: steps by translation key, the competences of the live
frameworks, the Matrix and the pilot-action index, each in the reader's language, in a fixed number of queries."""

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q
from django.utils.translation import get_language
from wagtail.models import Page

from cms_framework.models import Competence, FrameworkAreaPage, FrameworkPage, PilotActionIndexPage
from home.i18n import best_by_key, live_pages_by_key
from learners.models import Goal, GoalAction, StepPage
from resources.models import ResourceIndexPage


def steps_by_key(keys, language=None):
    """The live steps with these translation keys, in the reader's language (`home.i18n.live_pages_by_key`)."""
    return live_pages_by_key(StepPage, keys, language)


def step_for(key, language=None):
    """The live step with this translation key in the reader's language (see `steps_by_key`), or None."""
    return steps_by_key([key], language).get(key)


@dataclass
class AreaChoices:
    code: str
    title: str
    competences: list  # [(code, title)]


@dataclass
class FrameworkChoices:
    title: str
    areas: list = field(default_factory=list)  # [AreaChoices]


@dataclass
class CompetenceIndex:
    """The competences a learner can choose, grouped by framework and area, and their titles by code."""

    frameworks: list  # [FrameworkChoices]
    titles: dict  # {code: title}

    def choices(self):
        return [(code, f"{code} {title}") for code, title in self.titles.items()]

    def label(self, code):
        """A code with its title now, or the code alone if no live framework has it any more."""
        title = self.titles.get(code)
        return f"{code} {title}" if title else code


def competence_index(language=None):
    """The competences of every live framework, each framework in the reader's language where it is translated
    (else in English, else in its own language), in the order of the page tree. Three queries at most."""
    language = language or get_language()
    frameworks = sorted(
        best_by_key(FrameworkPage.objects.live().public().select_related("locale"), language).values(),
        key=operator.attrgetter("path"),
    )
    if not frameworks:
        return CompetenceIndex([], {})
    in_framework = reduce(
        operator.or_, (Q(path__startswith=framework.path, depth=framework.depth + 1) for framework in frameworks)
    )
    areas = list(
        FrameworkAreaPage.objects.live()
        .public()
        .filter(in_framework)
        .order_by("path")
        .only("id", "path", "title", "code")
        .prefetch_related(
            Prefetch(
                "competences",
                queryset=Competence.objects.only("id", "area_id", "code", "title", "sort_order").order_by(
                    "sort_order", "pk"
                ),
            )
        )
    )
    groups = {framework.path: FrameworkChoices(framework.title) for framework in frameworks}
    titles = {}
    for area in areas:
        choices = AreaChoices(area.code, area.title, [])
        for competence in area.competences.all():
            if competence.code in titles:  # codes are unique in a language; a fallback framework could repeat one
                continue
            titles[competence.code] = competence.title
            choices.competences.append((competence.code, competence.title))
        groups[area.path[: -FrameworkAreaPage.steplen]].areas.append(choices)
    return CompetenceIndex(list(groups.values()), titles)


def goals_with_actions(user):
    """The learner's goals in the order they were set, each with its actions prefetched (two queries)."""
    return list(
        Goal.objects.filter(user=user).prefetch_related(
            Prefetch("actions", queryset=GoalAction.objects.order_by("position", "id"))
        )
    )


def index_pages(language=None, source_fallback=True):
    """The live Matrix and pilot-action index of the reader's language (or else, with `source_fallback`, the source
    language's), in one query: {"matrix": page or None, "pilot_index": page or None}, plain pages (a title and a URL
    are all their links need); the first of each type in the tree."""
    language = language or get_language()
    languages = {language, settings.LANGUAGE_CODE} if source_fallback else {language}
    names = {
        ContentType.objects.get_for_model(model).pk: name
        for model, name in ((ResourceIndexPage, "matrix"), (PilotActionIndexPage, "pilot_index"))
    }
    found = {}
    pages = (
        Page.objects.live()
        .public()
        .filter(content_type_id__in=names, locale__language_code__in=languages)
        .select_related("locale")
        .order_by("-path")
    )
    for page in pages:
        found[names[page.content_type_id], page.locale.language_code] = page
    return {name: found.get((name, language)) or found.get((name, settings.LANGUAGE_CODE)) for name in names.values()}
