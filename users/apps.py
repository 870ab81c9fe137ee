from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(AppConfig):
    default = True
    name = "users"
    verbose_name = "Users"


class AdminUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user management with our user views (users/admin_views.py); replaces `wagtail.users`."""

    default = False
    user_viewset = "users.admin_views.UserViewSet"
