"""Create or update the English demo pages of the open platform: the privacy notice, the path and its steps."""

import uuid

from home.demo.build import child_page, stable_id
from home.demo.load import order_children
from learners.demo import content
from learners.models import PathPage, PrivacyNoticePage, StepPage

NAMESPACE = uuid.UUID("3d0f6b52-7c1e-4b8a-a5f4-2e9c81d6b7a0")
ACTIVITIES = {code for code, _label in StepPage.ACTIVITIES}


def privacy_notice(home):
    """The privacy notice under the home page, out of the menus (the portal's privacy page links it), published."""
    spec = content.PRIVACY_NOTICE
    page = child_page(
        home,
        PrivacyNoticePage,
        spec["slug"],
        title=spec["title"],
        subtitle=spec["subtitle"],
        summary=spec["summary"],
        show_in_menus=False,
    )
    page.body = [
        {"type": block_type, "value": value, "id": stable_id(NAMESPACE, "privacy", number)}
        for number, (block_type, value) in enumerate(spec["body"])
    ]
    page.save_revision().publish()
    return page


def path(section):
    """The path "Improving my Career Management Skills" under the open-platform section, published; its steps come
    later (`steps`), once the Matrix resources they use exist, but the path exists early so that the section's body
    can link to it."""
    spec = content.PATH
    page = child_page(
        section,
        PathPage,
        spec["slug"],
        title=spec["title"],
        subtitle=spec["subtitle"],
        summary=spec["summary"],
        introduction=spec["introduction"],
        show_in_menus=False,
    )
    page.save_revision().publish()
    return page


def steps(path_page, resources, pilots):
    """The path's six steps in the seed's order, with the demo resources and pilot actions they use, published.

    `resources` and `pilots` are the English demo pages; a step names them by slug.
    """
    resource_by_slug = {page.slug: page for page in resources}
    pilot_by_slug = {page.slug: page for page in pilots}
    pages = []
    for spec in content.STEPS:
        if spec["activity"] not in ACTIVITIES:
            raise ValueError(f"Unknown activity {spec['activity']!r} for the demo step {spec['slug']}")
        page = child_page(
            path_page,
            StepPage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            activity=spec["activity"],
            prompt=spec["prompt"],
            show_in_menus=False,
        )
        page.body = [
            {"type": "paragraph", "value": text, "id": stable_id(NAMESPACE, spec["slug"], number)}
            for number, text in enumerate(spec["body"])
        ]
        page.resources.set([resource_by_slug[slug] for slug in spec["resources"]])
        page.pilot_actions.set([pilot_by_slug[slug] for slug in spec["pilot_actions"]])
        page.save_revision().publish()
        pages.append(page)
    order_step_pages(path_page)
    return pages


def order_step_pages(path_page):
    """Put the path's steps in the seed's order (in any language: the slugs are shared)."""
    order_children(path_page, [spec["slug"] for spec in content.STEPS])
