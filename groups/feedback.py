"""Comments on shared items: who may write, hide and delete them, and the e-mail that tells a member feedback has
arrived (sent in the background, in the member's language, unless they turned it off for the group)."""

from django.db import transaction
from django.utils import timezone

from groups.models import Comment, Membership


def add_comment(share, author, text):
    comment = Comment.objects.create(share=share, author=author, text=text)
    if author.pk != share.user_id and wants_email(share):
        from groups.tasks import send_feedback_email  # the task module imports this one

        transaction.on_commit(lambda: send_feedback_email.enqueue(str(comment.pk)))
    return comment


def wants_email(share):
    return Membership.objects.filter(group=share.group_id, user=share.user_id, feedback_emails=True).exists()


def can_delete(seat, comment):
    return comment.author_id is not None and comment.author_id == seat_user(seat)


def seat_user(seat):
    return seat.group.practitioner_id if seat.practitioner else seat.membership.user_id


def set_hidden(comment, hidden):
    comment.hidden_at = timezone.now() if hidden else None
    comment.save(update_fields=["hidden_at"])
