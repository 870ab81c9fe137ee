"""The practitioner groups, under /<lang>/my/groups/: every page needs an account and shows only what is meant for
it (see groups.access)."""

from django.urls import path

from groups.views import groups, invitations, shares

app_name = "groups"

urlpatterns = [
    path("", groups.index, name="index"),
    path("new/", groups.create, name="create"),
    path("join/", invitations.join_code, name="join"),
    path("invite/<str:token>/", invitations.invitation, name="invitation"),
    path("<uuid:group_id>/", groups.detail, name="detail"),
    path("<uuid:group_id>/edit/", groups.edit, name="edit"),
    path("<uuid:group_id>/feed/", groups.feed, name="feed"),
    path("<uuid:group_id>/leave/", groups.leave, name="leave"),
    path("<uuid:group_id>/notifications/", groups.notifications, name="notifications"),
    path("<uuid:group_id>/invitations/", invitations.manage, name="invitations"),
    path("<uuid:group_id>/invitations/<uuid:invitation_id>/revoke/", invitations.revoke, name="revoke"),
    path("<uuid:group_id>/share/", shares.new, name="share_new"),
    path("<uuid:group_id>/shares/<uuid:share_id>/", shares.detail, name="share"),
    path("<uuid:group_id>/shares/<uuid:share_id>/files/<uuid:evidence_id>/", shares.evidence_file, name="share_file"),
    path("<uuid:group_id>/shares/<uuid:share_id>/unshare/", shares.unshare, name="unshare"),
    path("<uuid:group_id>/shares/<uuid:share_id>/comments/", shares.comment, name="comment"),
    path("<uuid:group_id>/comments/<uuid:comment_id>/delete/", shares.delete_comment, name="comment_delete"),
    path("<uuid:group_id>/comments/<uuid:comment_id>/hide/", shares.hide_comment, name="comment_hide"),
]
