"""The framework tree of `tests.trees` with a training catalogue and opportunities in it."""

from tests.trees import framework_tree
from training.factories import TrainingIndexPageFactory, TrainingPageFactory

# (key, title, kind, country, city, online, eqf_level, languages, cost, area index)
SPECS = [
    ("IT-C-1", "Digital skills for adults", "adult-education", "IT", "Roma", False, 3, ["it"], "free", 0),
    ("GR-M-1", "Erasmus+ youth exchange", "mobility", "GR", "", True, None, ["el", "en"], "free", 1),
    ("TR-A-1", "İlgi ve yetenek atölyesi", "apprenticeship", "TR", "İzmir", False, 4, ["tr"], "paid", 2),
    ("ES-H-1", "Career guidance master", "higher-education", "ES", "Madrid", True, 7, ["es", "en"], "paid", 0),
]


def training_tree(extra=0):
    tree = framework_tree(resources=0)
    tree.catalogue = TrainingIndexPageFactory(parent=tree.home)
    tree.training = [add_training(tree, *spec) for spec in SPECS]
    tree.training += [add_training(tree, *extra_spec(number)) for number in range(extra)]
    return tree


def extra_spec(number):
    return (f"X-{number:03d}", f"Extra course {number:03d}", "course", "IT", "Milano", False, 5, ["it"], "free", 1)


def add_training(tree, key, title, kind, country, city, online, level, languages, cost, area):
    page = TrainingPageFactory(
        parent=tree.catalogue,
        key=key,
        title=title,
        slug=key.lower(),
        kind=kind,
        country=country,
        city=city,
        online=online,
        eqf_level=level,
        languages=languages,
        cost=cost,
        summary=f"About {title}.",
    )
    page.areas.set([tree.areas[area]])
    page.save_revision().publish()
    return page
