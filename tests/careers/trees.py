"""A framework tree with a careers index and careers in English, and a Greek and a Turkish home with their own."""

from dataclasses import dataclass, field

from careers.factories import CareerIndexPageFactory, CareerPageFactory
from home.factories import LocaleFactory, copy_translation
from tests.trees import framework_tree


def uri(number):
    return f"http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-{number:012d}"


@dataclass
class CareersTree:
    framework: object
    index: object
    careers: list = field(default_factory=list)

    def add_career(self, number, *, areas=(), resources=(), parent=None, **fields):
        career = CareerPageFactory(
            parent=parent or self.index,
            title=fields.pop("title", f"Career {number:03d}"),
            slug=fields.pop("slug", f"career-{number}"),
            key=fields.pop("key", f"C-{number:04d}"),
            esco_uri=fields.pop("esco_uri", uri(number)),
            **fields,
        )
        career.areas.set(list(areas))
        career.related_resources.set(list(resources))
        career.save()
        self.careers.append(career)
        return career


def careers_tree(careers=3):
    """`framework_tree` with a careers index (/en/careers/) and `careers` careers: career n in ISCO group n % 9 + 1,
    in area n % 3 (SA, EX, CB), linked to resource 0."""
    framework = framework_tree(resources=2)
    index = CareerIndexPageFactory(parent=framework.home)
    tree = CareersTree(framework, index)
    for number in range(careers):
        tree.add_career(
            number,
            isco_code=f"{number % 9 + 1}{number:03d}",
            areas=[framework.areas[number % 3]],
            resources=[framework.resources[0]],
        )
    return tree


def translate_tree(tree, code):
    """Copies of the home, the framework, its areas, the index and the careers into `code`; the copies' page."""
    locale = LocaleFactory(language_code=code)
    framework = tree.framework
    copy_translation(framework.home, locale)
    copy_translation(framework.framework, locale)
    for area in framework.areas:
        copy_translation(area, locale)
    index = copy_translation(tree.index, locale)
    return index, [copy_translation(career, locale) for career in tree.careers]
