"""The admin's user management, where only a superuser may make, change or remove a superuser.

Wagtail lets anyone with the `change_user` permission (the coordinators) tick *Administrator* on a new or existing
account, and edit a superuser's e-mail address, user name and password, and so log in as it. Here the
*Administrator* field is only on a superuser's forms, a superuser's edit view and the bulk actions on a superuser
are refused to everyone else, and a superuser's row in the list links them to no edit view.
"""

from django.core.exceptions import PermissionDenied
from wagtail.users.views import users


def refuse_unless_superuser(request, account):
    """Only a superuser may change a superuser."""
    if account.is_superuser and not request.user.is_superuser:
        raise PermissionDenied


class SuperuserFieldMixin:
    """The *Administrator* field is shown to, and accepted from, superusers only."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.is_superuser:
            form.fields.pop("is_superuser", None)
        return form


class IndexView(users.IndexView):
    def get_edit_url(self, instance):
        if instance.is_superuser and not self.request.user.is_superuser:
            return None
        return super().get_edit_url(instance)


class CreateView(SuperuserFieldMixin, users.CreateView):
    pass


class EditView(SuperuserFieldMixin, users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        refuse_unless_superuser(request, self.object)


class UserViewSet(users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
