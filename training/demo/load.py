"""Create or update the English demo training catalogue and its opportunities."""

import uuid

from home.demo.build import child_page, stable_id
from training.demo import content
from training.models import TrainingIndexPage, TrainingPage

NAMESPACE = uuid.UUID("5f0e8f7c-3c1b-4a45-9a55-2b7f1c9d4e61")


def catalogue(home):
    """The index, under the home page but out of the outline (linked from the navigation)."""
    spec = content.INDEX
    page = child_page(
        home,
        TrainingIndexPage,
        spec["slug"],
        title=spec["title"],
        subtitle=spec["subtitle"],
        summary=spec["summary"],
        show_in_menus=False,
    )
    page.body = [
        {"type": block_type, "value": value, "id": stable_id(NAMESPACE, "training", number)}
        for number, (block_type, value) in enumerate(spec["body"])
    ]
    page.save_revision().publish()
    return page


def training(index, areas):
    area_by_code = {area.code: area for area in areas}
    pages = []
    for spec in content.training_specs():
        fields = {key: value for key, value in spec.items() if key not in ("slug", "areas")}
        page = child_page(index, TrainingPage, spec["slug"], **fields)
        for key, value in fields.items():
            setattr(page, key, value)
        page.areas.set([area_by_code[code] for code in spec["areas"]])
        page.save_revision().publish()
        pages.append(page)
    return pages
