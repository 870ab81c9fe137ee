"""The e-mail a member gets when feedback arrives on what they shared (django-tasks, the `notifications` backend of
`settings.TASKS`: immediate in development and tests, the database's worker in production)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.models import Site

from groups.models import Comment, Membership
from learners.models import LearnerProfile


def _absolute(path):
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return f"{root.rstrip('/')}{path}"


@task(backend="notifications")
def send_feedback_email(comment_id):
    """Tell the member who shared the item that someone commented on it (once; nothing if it is gone or hidden)."""
    comment = (
        Comment.objects.select_related("share__group", "share__user", "author")
        .filter(pk=comment_id, hidden_at__isnull=True)
        .first()
    )
    if comment is None or comment.author is None:
        return
    share, member = comment.share, comment.share.user
    if not Membership.objects.filter(group=share.group_id, user=member, feedback_emails=True).exists():
        return
    profile = LearnerProfile.objects.filter(user=member).first()
    language = profile.language if profile else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "group": share.group,
            "from_practitioner": comment.author_id == share.group.practitioner_id,
            "share_url": _absolute(reverse("groups:share", args=[share.group_id, share.pk])),
            "settings_url": _absolute(reverse("groups:detail", args=[share.group_id])),
        }
        subject = render_to_string("groups/email/feedback_subject.txt", context).strip()
        body = render_to_string("groups/email/feedback_message.txt", context)
    send_mail(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body, None, [member.email])
