"""Resources that fit: the Matrix resources and pilot actions that serve the competences a learner placed lowest in
their latest self-assessment, each with the reason it is suggested and a link to the Matrix filtered the same way.

The competences are ranked by where the learner placed themselves (level / number of levels; "not sure yet" is the
lowest place); the lowest place that some resource serves is the one suggested for. Resources chosen for one of its
competences come first, then those for the competences' areas, then the pilot actions of those areas. Only live
pages in the reader's language; nothing without a reason.
"""

from dataclasses import dataclass
from fractions import Fraction
from itertools import groupby
from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from cms_framework.models import PilotActionPage
from learners.assessments import latest_completed
from learners.frameworks import framework_for
from learners.journal import index_pages
from learners.profiles import build_profile
from resources.models import ResourcePage

RESOURCE, PILOT_ACTION = "resource", "pilot_action"


@dataclass(frozen=True)
class Suggestion:
    page: object  # a live ResourcePage or PilotActionPage in the reader's language
    kind: str  # RESOURCE or PILOT_ACTION
    reason: str  # why it is suggested, in the reader's language
    competence_code: str  # the competence it serves ("" when it is suggested for the area)
    area_code: str
    matrix_url: str  # the Matrix (or the pilot actions) filtered the same way; "" when there is none


class Suggestions(list):
    """The suggestions, and the assessment they come from (None: the learner has completed none yet)."""

    assessment = None


def _language(language):
    return (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _place(competence):
    """Where the learner placed themselves, exactly (0 for "not sure yet")."""
    return Fraction(competence.level, competence.level_count) if competence.level else Fraction(0)


def _reason_for_competence(competence):
    if competence.level is None:
        return gettext("Suggested because you are not sure yet about %(code)s %(title)s.") % {
            "code": competence.code,
            "title": competence.title,
        }
    return gettext("Suggested because you placed yourself at level %(level)s of %(count)s in %(code)s %(title)s.") % {
        "level": competence.level,
        "count": competence.level_count,
        "code": competence.code,
        "title": competence.title,
    }


def _reason_for_area(area):
    return gettext("Suggested because it serves the area %(code)s %(title)s, where you placed yourself lowest.") % {
        "code": area.code,
        "title": area.title,
    }


def _filtered_url(index, **query):
    if index is None:
        return ""
    url = index.get_url()
    return f"{url}?{urlencode(query)}" if url and query else url or ""


def _linked(pages, relation, keys):
    """{translation key: ids of the pages linked to it through `relation`, by title}, for the objects with these
    translation keys. One query of ids: the pages themselves are read once the suggestions are chosen."""
    found = {}
    rows = (
        pages.filter(**{f"{relation}__translation_key__in": keys})
        .order_by("title", "pk")
        .values_list(f"{relation}__translation_key", "pk")
    )
    for key, pk in rows:
        ids = found.setdefault(key, [])
        if pk not in ids:
            ids.append(pk)
    return found


def suggestions_for(user, language=None, limit=None, profile=None):
    """What to suggest to this learner (a `Suggestions` list of `Suggestion`), at most `limit` of them.

    `profile` is the learner's latest profile (`learners.profiles.latest_profile`) when the caller has it already,
    read in the same language. A fixed number of queries, whatever the number of assessments, resources and pilot
    actions.
    """
    language = _language(language)
    suggestions = Suggestions()
    if profile is None:
        assessment = latest_completed(user)
        framework = framework_for(assessment.framework_key, language) if assessment is not None else None
        profile = build_profile(assessment, framework=framework) if framework is not None else None
    else:
        assessment, framework = profile.assessment, profile.framework
    suggestions.assessment = assessment
    if profile is None or framework is None:
        return suggestions
    placed = sorted(
        (competence for competence in profile.competences if competence.answered and competence.in_framework),
        key=lambda competence: (_place(competence), framework.competence(competence.code)[1].position),
    )
    if not placed:
        return suggestions

    competence_keys = {c.code: framework.competence(c.code)[1].translation_key for c in placed}
    areas = {area.code: area for area in framework.areas}
    area_keys = {area.code: area.translation_key for area in framework.areas}
    resources = ResourcePage.objects.live().public().filter(locale__language_code=language)
    by_competence = _linked(resources, "competences", competence_keys.values())
    by_area = _linked(resources, "areas", area_keys.values())
    pilots = PilotActionPage.objects.live().public().filter(locale__language_code=language)
    pilots_by_area = _linked(pilots, "areas", area_keys.values())

    # The Matrix's filters know the competences and areas of its own language: filter by them when the framework
    # is read in that language, otherwise link the whole Matrix.
    filtered = framework.language == language
    indexes = index_pages(language, source_fallback=False)
    matrix, pilot_index = indexes["matrix"], indexes["pilot_index"]

    seen, chosen = set(), []
    with translation.override(language):
        for _score, tier in groupby(placed, key=_place):
            tier = list(tier)
            for competence in tier:
                url = _filtered_url(matrix, **({"competence": competence.code} if filtered else {}))
                for pk in by_competence.get(competence_keys[competence.code], []):
                    if (RESOURCE, pk) not in seen:
                        seen.add((RESOURCE, pk))
                        area_code = framework.competence(competence.code)[0].code
                        reason = _reason_for_competence(competence)
                        chosen.append((RESOURCE, pk, reason, competence.code, area_code, url))
            tier_areas = dict.fromkeys(framework.competence(competence.code)[0].code for competence in tier)
            for kind, found, index in [(RESOURCE, by_area, matrix), (PILOT_ACTION, pilots_by_area, pilot_index)]:
                for code in tier_areas:
                    url = _filtered_url(index, **({"area": code} if filtered else {}))
                    for pk in found.get(area_keys[code], []):
                        if (kind, pk) not in seen:
                            seen.add((kind, pk))
                            reason = _reason_for_area(areas[code])
                            chosen.append((kind, pk, reason, "", code, url))
            if chosen:
                break
    chosen = chosen[:limit] if limit is not None else chosen
    # The chosen pages themselves: one query for the resources, one for the pilot actions.
    pages = {
        RESOURCE: resources.in_bulk([pk for kind, pk, *_rest in chosen if kind == RESOURCE]),
        PILOT_ACTION: pilots.in_bulk([pk for kind, pk, *_rest in chosen if kind == PILOT_ACTION]),
    }
    suggestions.extend(Suggestion(pages[kind][pk], kind, *rest) for kind, pk, *rest in chosen)
    return suggestions
