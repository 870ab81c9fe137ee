"""factory_boy factories for the open platform: paths and steps, the privacy notice, learners and their rows."""

import datetime
import uuid

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from learners.models import (
    Assessment,
    AssessmentAnswer,
    Goal,
    GoalAction,
    LearnerProfile,
    PathPage,
    PrivacyNoticePage,
    Reflection,
    StepPage,
    StepProgress,
)

LEARNER_PASSWORD = "a-long-learner-passphrase"  # noqa: S105 - the factories' learners, in tests only


class PathPageFactory(wagtail_factories.PageFactory):
    title = "Improving my Career Management Skills"
    slug = factory.Sequence(lambda n: f"path-{n}")
    introduction = "<p>Step by step, at your own pace.</p>"

    class Meta:
        model = PathPage


class StepPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Step {n}")
    slug = factory.Sequence(lambda n: f"step-{n}")
    activity = StepPage.REFLECT
    prompt = "What do you expect from your next year?"

    class Meta:
        model = StepPage


class PrivacyNoticePageFactory(wagtail_factories.PageFactory):
    title = "Privacy notice"
    slug = "privacy"
    body = factory.LazyFunction(lambda: [("paragraph", "<p>What we store, why, for how long, who sees it.</p>")])

    class Meta:
        model = PrivacyNoticePage


class LearnerFactory(factory.django.DjangoModelFactory):
    """A learner who signed up and verified their e-mail address; their password is LEARNER_PASSWORD."""

    username = factory.Sequence(lambda n: f"learner{n}")
    email = factory.Sequence(lambda n: f"learner{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", LEARNER_PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if not create:
            return
        self.save()
        EmailAddress.objects.create(user=self, email=self.email, primary=True, verified=extracted is not False)
        LearnerProfile.objects.create(
            user=self, language="en", privacy_accepted_at=timezone.now(), consent_confirmed_at=timezone.now()
        )


class StepProgressFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(LearnerFactory)
    path_key = factory.LazyFunction(uuid.uuid4)
    step_key = factory.LazyFunction(uuid.uuid4)

    class Meta:
        model = StepProgress


class AssessmentFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(LearnerFactory)
    framework_key = factory.LazyFunction(uuid.uuid4)
    framework_title = "Sample framework"
    framework_version = "1.0"
    level_names = factory.LazyFunction(lambda: ["Discover", "Develop", "Master"])
    language = "en"
    completed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Assessment


class AssessmentAnswerFactory(factory.django.DjangoModelFactory):
    assessment = factory.SubFactory(AssessmentFactory)
    area_code = "SA"
    area_title = "Self-awareness"
    competence_code = factory.Sequence(lambda n: f"SA.{n}")
    competence_title = factory.Sequence(lambda n: f"Competence {n}")
    position = factory.Sequence(int)
    level = 1
    level_count = 3
    statement = "I can name some of my interests."

    class Meta:
        model = AssessmentAnswer


class ReflectionFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(LearnerFactory)
    prompt = "What do you expect from your next year?"
    text = "To find an apprenticeship near home."

    class Meta:
        model = Reflection


class GoalFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(LearnerFactory)
    title = factory.Sequence(lambda n: f"Goal {n}")
    why = "It matters to me."
    competence_codes = factory.LazyFunction(lambda: ["SA.1"])

    class Meta:
        model = Goal


class GoalActionFactory(factory.django.DjangoModelFactory):
    goal = factory.SubFactory(GoalFactory)
    text = factory.Sequence(lambda n: f"Action {n}")
    target_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    status = GoalAction.PLANNED

    class Meta:
        model = GoalAction
