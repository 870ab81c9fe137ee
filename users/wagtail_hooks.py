from django.contrib.auth import get_user_model
from wagtail import hooks

from users.admin_views import refuse_unless_superuser


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_superusers(request, action_type, objects, action_class_instance):
    """Deleting, deactivating or giving a role to a superuser in bulk is a superuser's act too."""
    if action_class_instance.model is get_user_model():
        for account in objects:
            refuse_unless_superuser(request, account)
