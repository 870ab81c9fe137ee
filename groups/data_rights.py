"""The groups' part of a learner's data rights: their memberships, groups led, shares and comments in the export,
and, when the account is deleted, their comments' text blanked (the thread keeps "deleted account")."""

from django.utils.translation import gettext_lazy as _

from groups.labels import share_label
from groups.models import Comment, LearningGroup, Membership, Share
from groups.sharing import related_items
from learners.erasure import eraser
from learners.export import section


@section("groups", title=_("Your groups"), template="groups/export.html")
def groups_section(user):
    memberships = Membership.objects.filter(user=user).select_related("group").order_by("joined_at", "id")
    led = LearningGroup.objects.filter(practitioner=user).order_by("created_at", "id")
    shares = Share.objects.filter(user=user).select_related("group", *related_items()).order_by("shared_at", "id")
    comments = Comment.objects.filter(author=user).select_related("share__group").order_by("created_at", "id")
    return {
        "memberships": [
            {
                "group_id": item.group_id,
                "group": item.group.name,
                "joined_at": item.joined_at,
                "feedback_emails": item.feedback_emails,
            }
            for item in memberships
        ],
        "groups_led": [
            {"id": group.id, "name": group.name, "language": group.language, "created_at": group.created_at}
            for group in led
        ],
        "shares": [
            {
                "id": item.id,
                "group": item.group.name,
                "kind": item.kind,
                "item": share_label(item),
                "audience": item.audience,
                "shared_at": item.shared_at,
            }
            for item in shares
        ],
        "comments": [
            {
                "id": item.id,
                "group": item.share.group.name,
                "share_id": item.share_id,
                "text": item.text,
                "created_at": item.created_at,
                "hidden": item.hidden_at is not None,
            }
            for item in comments
        ],
    }


@eraser
def blank_comments(user):
    """Comments on other members' items stay in their threads, without their text or author."""
    Comment.objects.filter(author=user).update(text="", author=None)
