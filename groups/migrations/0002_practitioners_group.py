"""The Django group "Practitioners": a coordinator adds an account to it (Settings → Groups in the admin, or the
user's Roles) to let it lead learners' groups. It gives no permission in the admin."""

from django.db import migrations

PRACTITIONERS_GROUP = "Practitioners"  # groups.access.PRACTITIONERS_GROUP; a migration keeps its own copy


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=PRACTITIONERS_GROUP)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PRACTITIONERS_GROUP, permissions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0001_groups_invitations_shares_comments"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
