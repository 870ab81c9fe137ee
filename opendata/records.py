"""The portal's content as plain records for the open data API: one function per kind, a fixed number of queries
for a whole list whatever its length."""

from collections import defaultdict

from django.db.models import Prefetch
from wagtail.models import Page

from careers.choices import ISCO_MAJOR_GROUP_NAMES, LINK_KINDS, major_group_of
from careers.models import EscoOccupation
from cms_framework.choices import COUNTRY_NAMES, SETTINGS
from cms_framework.models import Competence, FrameworkAreaPage, PilotActionPage
from resources.choices import CATEGORIES, RESOURCE_LANGUAGE_NAMES, TARGET_GROUPS
from resources.models import ResourcePage
from training.choices import COSTS, KINDS

CATEGORY_NAMES = dict(CATEGORIES)
SETTING_NAMES = dict(SETTINGS)
TARGET_GROUP_NAMES = dict(TARGET_GROUPS)
KIND_NAMES = dict(KINDS)
COST_NAMES = dict(COSTS)
LINK_KIND_NAMES = dict(LINK_KINDS)


def choice(code, names):
    """A code and its name in the active language; None for an empty code."""
    if not code:
        return None
    return {"code": code, "name": str(names.get(code, code))}


def translations_of(pages, request):
    """For each translation key of `pages`: the live, public pages of that key in every language, as records.

    One query for them all (Wagtail caches the site's root paths on the request for the addresses)."""
    by_key = defaultdict(list)
    keys = {page.translation_key for page in pages}
    others = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys, alias_of__isnull=True)
        .select_related("locale")
        .only("id", "url_path", "depth", "path", "translation_key", "locale__language_code")
        .order_by("locale__language_code")
    )
    for page in others:
        by_key[page.translation_key].append({"locale": page.locale.language_code, "url": page.get_full_url(request)})
    return by_key


def area_titles(locale_id, objects):
    """Each framework area code linked from `objects` (resources or pilot actions) -> its title in the language of
    `locale_id` (a chosen area may be the source language's page: codes are the same in every language). One query,
    plus the prefetched links."""
    codes = {area.code for obj in objects for area in obj.areas.all()}
    titles = {area.code: area.title for obj in objects for area in obj.areas.all()}
    in_language = (
        FrameworkAreaPage.objects.live().filter(locale_id=locale_id, code__in=codes).values_list("code", "title")
    )
    titles.update(in_language)
    return titles


def pilot_titles(locale_id, resources):
    """Each pilot action's translation key linked from `resources` -> its title in the language of `locale_id`."""
    titles = {pilot.translation_key: pilot.title for resource in resources for pilot in resource.pilot_actions.all()}
    in_language = PilotActionPage.objects.live().filter(locale_id=locale_id, translation_key__in=titles)
    titles.update(in_language.values_list("translation_key", "title"))
    return titles


def _areas(obj, titles):
    return [{"code": area.code, "title": titles[area.code]} for area in obj.areas.all()]


def _document_url(document, request):
    return request.build_absolute_uri(document.url) if document else None


def frameworks(queryset, request):
    """The frameworks with their levels, areas and competences: three queries and the translations' one."""
    frameworks = list(queryset)
    areas_by_parent = defaultdict(list)
    areas = (
        FrameworkAreaPage.objects.live()
        .public()
        .filter(
            locale_id__in={framework.locale_id for framework in frameworks}, depth__in={f.depth + 1 for f in frameworks}
        )
        .defer_streamfields()
        .prefetch_related(Prefetch("competences", queryset=Competence.objects.order_by("sort_order")))
        .order_by("path")
    )
    for area in areas if frameworks else ():
        areas_by_parent[area.path[: -FrameworkAreaPage.steplen]].append(area)
    translations = translations_of(frameworks, request)
    return [
        {
            "id": str(framework.translation_key),
            "locale": framework.locale.language_code,
            "title": framework.title,
            "summary": framework.summary,
            "version": framework.version,
            "licence": framework.licence,
            "source": framework.source,
            "source_url": framework.source_url,
            "citation": framework.citation,
            "url": framework.get_full_url(request),
            "translations": translations[framework.translation_key],
            "levels": [
                {"name": level.value["name"], "description": level.value.get("description") or ""}
                for level in framework.levels
            ],
            "areas": [
                {
                    "code": area.code,
                    "title": area.title,
                    "summary": area.summary,
                    "url": area.get_full_url(request),
                    "competences": [
                        {"code": competence.code, "title": competence.title, "description": competence.description}
                        for competence in area.competences.all()
                    ],
                }
                for area in areas_by_parent[framework.path]
            ],
        }
        for framework in frameworks
    ]


def resources(queryset, request):
    """The resources with their links to the framework: the prefetches and the translations' one query."""
    resources = list(
        queryset.select_related("locale", "document").prefetch_related("areas", "competences", "pilot_actions")
    )
    translations = translations_of(resources, request)
    locale_id = resources[0].locale_id if resources else None
    areas, pilots = area_titles(locale_id, resources), pilot_titles(locale_id, resources)
    return [
        {
            "key": resource.key,
            "locale": resource.locale.language_code,
            "title": resource.title,
            "summary": resource.summary,
            "description": resource.description,
            "instructions": resource.instructions,
            "category": choice(resource.category, CATEGORY_NAMES),
            "languages": [choice(code, RESOURCE_LANGUAGE_NAMES) for code in resource.languages],
            "country": choice(resource.country, COUNTRY_NAMES),
            "provider": resource.provider,
            "target_group": choice(resource.target_group, TARGET_GROUP_NAMES),
            "setting": choice(resource.setting, SETTING_NAMES),
            "duration_minutes": resource.duration,
            "licence": resource.licence,
            "link": resource.url,
            "video_link": resource.video_url,
            "document": _document_url(resource.document, request),
            "link_checked": resource.link_checked,
            "areas": _areas(resource, areas),
            "competences": [competence.code for competence in resource.competences.all()],
            "pilot_actions": [
                {"id": str(pilot.translation_key), "title": pilots[pilot.translation_key]}
                for pilot in resource.pilot_actions.all()
            ],
            "url": resource.get_full_url(request),
            "translations": translations[resource.translation_key],
        }
        for resource in resources
    ]


def pilot_actions(queryset, request):
    pilots = list(queryset.select_related("locale", "report").prefetch_related("areas"))
    translations = translations_of(pilots, request)
    areas = area_titles(pilots[0].locale_id if pilots else None, pilots)
    return [
        {
            "id": str(pilot.translation_key),
            "locale": pilot.locale.language_code,
            "title": pilot.title,
            "summary": pilot.summary,
            "country": choice(pilot.country, COUNTRY_NAMES),
            "organisation": pilot.organisation,
            "setting": choice(pilot.setting, SETTING_NAMES),
            "target_group": pilot.target_group,
            "start_date": pilot.start_date,
            "end_date": pilot.end_date,
            "participants": pilot.participants,
            "areas": _areas(pilot, areas),
            "report": _document_url(pilot.report, request),
            "url": pilot.get_full_url(request),
            "translations": translations[pilot.translation_key],
        }
        for pilot in pilots
    ]


def training(queryset, request):
    """The training opportunities with their areas: the areas' prefetch, their titles' query and the translations'
    one."""
    pages = list(queryset.select_related("locale").prefetch_related("areas"))
    translations = translations_of(pages, request)
    areas = area_titles(pages[0].locale_id if pages else None, pages)
    return [
        {
            "key": page.key,
            "locale": page.locale.language_code,
            "title": page.title,
            "summary": page.summary,
            "description": page.description,
            "kind": choice(page.kind, KIND_NAMES),
            "provider": page.provider,
            "country": choice(page.country, COUNTRY_NAMES),
            "city": page.city,
            "online": page.online,
            "eqf_level": page.eqf_level,
            "languages": [choice(code, RESOURCE_LANGUAGE_NAMES) for code in page.languages],
            "duration": (
                {"value": page.duration, "unit": page.duration_unit, "iso": page.iso_duration}
                if page.duration
                else None
            ),
            "cost": choice(page.cost, COST_NAMES),
            "link": page.url,
            "areas": _areas(page, areas),
            "url": page.get_full_url(request),
            "translations": translations[page.translation_key],
        }
        for page in pages
    ]


def resource_titles(locale_id, careers):
    """Each resource key linked from `careers` -> its title in the language of `locale_id` (a chosen resource may be
    the source language's page: keys are the same in every language)."""
    titles = {resource.key: resource.title for career in careers for resource in career.related_resources.all()}
    in_language = ResourcePage.objects.live().filter(locale_id=locale_id, key__in=titles)
    titles.update(in_language.values_list("key", "title"))
    return titles


def esco_labels(language, careers):
    """Each ESCO URI of `careers` -> ESCO's labels in `language`, where imported (one query)."""
    uris = {career.esco_uri for career in careers}
    found = EscoOccupation.objects.filter(language=language, uri__in=uris) if uris else ()
    return {
        occupation.uri: {
            "preferred_label": occupation.preferred_label,
            "alt_labels": occupation.alt_label_list,
            "description": occupation.description,
        }
        for occupation in found
    }


def careers(queryset, request):
    """The career profiles with their ESCO labels in their language: the prefetches, the translations', the titles'
    and ESCO's queries, whatever the number of careers."""
    careers = list(queryset.select_related("locale").prefetch_related("areas", "related_resources"))
    translations = translations_of(careers, request)
    locale_id = careers[0].locale_id if careers else None
    language = careers[0].locale.language_code if careers else None
    areas, resources = area_titles(locale_id, careers), resource_titles(locale_id, careers)
    esco = esco_labels(language, careers)
    return [
        {
            "key": career.key,
            "locale": career.locale.language_code,
            "title": career.title,
            "summary": career.summary,
            "work": career.work,
            "requirements": career.requirements,
            "isco_code": career.isco_code,
            "major_group": choice(major_group_of(career.isco_code), ISCO_MAJOR_GROUP_NAMES),
            "esco_uri": career.esco_uri,
            "esco": esco.get(career.esco_uri),
            "areas": _areas(career, areas),
            "resources": [
                {"key": resource.key, "title": resources[resource.key]} for resource in career.related_resources.all()
            ],
            "country_links": [
                {
                    "country": choice(block.value["country"], COUNTRY_NAMES),
                    "kind": choice(block.value["kind"], LINK_KIND_NAMES),
                    "text": block.value["text"],
                    "url": block.value["url"],
                }
                for block in career.country_links
            ],
            "url": career.get_full_url(request),
            "translations": translations[career.translation_key],
        }
        for career in careers
    ]
