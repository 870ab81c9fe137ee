"""factory_boy factories for the practitioner groups: practitioners, groups, invitations, members, shares, comments."""

import uuid

import factory
from django.contrib.auth.models import Group

from groups.access import PRACTITIONERS_GROUP
from groups.models import Comment, Invitation, LearningGroup, Membership, Share
from learners.factories import AssessmentFactory, LearnerFactory


class PractitionerFactory(LearnerFactory):
    """An account in the Practitioners group."""

    @factory.post_generation
    def practitioner(self, create, extracted, **kwargs):
        if create and extracted is not False:
            self.groups.add(Group.objects.get_or_create(name=PRACTITIONERS_GROUP)[0])


class LearningGroupFactory(factory.django.DjangoModelFactory):
    practitioner = factory.SubFactory(PractitionerFactory)
    name = factory.Sequence(lambda n: f"Group {n}")
    language = "en"
    description = "We follow the path together."
    path_key = factory.LazyFunction(uuid.uuid4)

    class Meta:
        model = LearningGroup


class InvitationFactory(factory.django.DjangoModelFactory):
    group = factory.SubFactory(LearningGroupFactory)

    class Meta:
        model = Invitation


class MembershipFactory(factory.django.DjangoModelFactory):
    group = factory.SubFactory(LearningGroupFactory)
    user = factory.SubFactory(LearnerFactory)

    class Meta:
        model = Membership


class ShareFactory(factory.django.DjangoModelFactory):
    """A completed self-assessment of a member, shared with their group's practitioner."""

    group = factory.SubFactory(LearningGroupFactory)
    user = factory.LazyAttribute(lambda share: MembershipFactory(group=share.group).user)
    kind = Share.ASSESSMENT
    assessment = factory.LazyAttribute(lambda share: AssessmentFactory(user=share.user))
    audience = Share.PRACTITIONER

    class Meta:
        model = Share


class CommentFactory(factory.django.DjangoModelFactory):
    share = factory.SubFactory(ShareFactory)
    author = factory.LazyAttribute(lambda comment: comment.share.group.practitioner)
    text = "Well done: what would you try next?"

    class Meta:
        model = Comment
