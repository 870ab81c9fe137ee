"""factory_boy factories for the training catalogue and its opportunities."""

import factory
import wagtail_factories

from training.models import TrainingIndexPage, TrainingPage


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Training opportunities"
    slug = "training"
    show_in_menus = True

    class Meta:
        model = TrainingIndexPage


class TrainingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Training {n}")
    slug = factory.Sequence(lambda n: f"training-{n}")
    key = factory.Sequence(lambda n: f"T-{n:04d}")
    kind = "course"
    summary = factory.Faker("sentence")
    description = factory.Faker("paragraph")
    provider = "Adult learning centre"
    country = "IT"
    city = "Roma"
    online = False
    eqf_level = 4
    languages = factory.LazyFunction(lambda: ["it"])
    duration = 6
    duration_unit = "weeks"
    cost = "free"
    url = factory.Sequence(lambda n: f"https://example.org/training/{n}")

    class Meta:
        model = TrainingPage
        skip_postgeneration_save = True

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if extracted:
            self.areas.set(extracted)
            if create:
                self.save()
