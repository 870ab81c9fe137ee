"""Create or update the English demo Matrix page and its resources."""

from cms_framework.demo.load import NAMESPACE
from cms_framework.models import Competence
from home.demo.build import child_page, stable_id
from resources.demo import content
from resources.models import ResourceIndexPage, ResourcePage


def matrix(home):
    spec = content.INDEX
    page = child_page(
        home,
        ResourceIndexPage,
        spec["slug"],
        title=spec["title"],
        subtitle=spec["subtitle"],
        summary=spec["summary"],
        show_in_menus=True,
    )
    page.body = [
        {"type": block_type, "value": value, "id": stable_id(NAMESPACE, "matrix", number)}
        for number, (block_type, value) in enumerate(spec["body"])
    ]
    page.save_revision().publish()
    return page


def resources(index, areas, outcomes, pilots):
    area_by_code = {area.code: area for area in areas}
    competence_by_code = {c.code: c for c in Competence.objects.filter(area__in=areas)}
    outcome_by_number = {outcome.number: outcome for outcome in outcomes}
    pilots_by_country = {}
    for pilot in pilots:
        pilots_by_country.setdefault(pilot.country, []).append(pilot)
    pages = []
    for spec in content.resource_specs():
        fields = {
            key: spec[key]
            for key in (
                "title",
                "key",
                "description",
                "instructions",
                "category",
                "country",
                "provider",
                "target_group",
                "setting",
                "duration",
                "licence",
                "url",
                "video_url",
                "link_checked",
            )
        }
        page = child_page(index, ResourcePage, spec["slug"], **fields)
        page.languages = spec["languages"]
        page.areas.set([area_by_code[code] for code in spec["areas"]])
        page.competences.set([competence_by_code[code] for code in spec["competences"]])
        page.learning_outcomes.set([outcome_by_number[number] for number in spec["outcomes"]])
        page.pilot_actions.set(pilots_by_country.get(spec["pilots_country"], []))
        page.save_revision().publish()
        pages.append(page)
    return pages
