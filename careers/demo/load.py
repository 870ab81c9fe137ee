"""Create or update the English demo careers index and its career profiles."""

import uuid

from careers.demo import content
from careers.models import CareerIndexPage, CareerPage
from home.demo.build import child_page, stable_id

NAMESPACE = uuid.UUID("eca5f501-f61f-413e-b95c-211a295b46c3")


def index(home):
    spec = content.INDEX
    page = child_page(
        home,
        CareerIndexPage,
        spec["slug"],
        title=spec["title"],
        subtitle=spec["subtitle"],
        summary=spec["summary"],
        show_in_menus=False,  # in the navigation, not in the seed's numbered outline
    )
    page.body = [
        {"type": block_type, "value": value, "id": stable_id(NAMESPACE, "index", number)}
        for number, (block_type, value) in enumerate(spec["body"])
    ]
    page.save_revision().publish()
    return page


def country_links():
    return [
        {
            "type": "link",
            "value": {"country": country, "kind": kind, "text": text, "url": url},
            "id": stable_id(NAMESPACE, "country-link", country, kind),
        }
        for country, kind, text, url in content.COUNTRY_LINKS
    ]


def careers(index_page, areas, resources):
    area_by_code = {area.code: area for area in areas}
    resource_by_slug = {resource.slug: resource for resource in resources}
    pages = []
    for spec in content.career_specs():
        fields = {
            key: spec[key] for key in ("title", "key", "isco_code", "esco_uri", "summary", "work", "requirements")
        }
        page = child_page(index_page, CareerPage, spec["slug"], **fields)
        page.country_links = country_links()
        page.areas.set([area_by_code[code] for code in spec["areas"]])
        page.related_resources.set([resource_by_slug[slug] for slug in spec["resources"]])
        page.save_revision().publish()
        pages.append(page)
    return pages
