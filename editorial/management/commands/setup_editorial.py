"""Create or update the partner countries' groups, collections, permissions and review workflows (safe to run again)."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from editorial.countries import COORDINATORS_GROUP, COUNTRIES
from editorial.permissions import translatable_models_edited_alone

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
MODERATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "unlock_page", "bulk_delete_page"]
COORDINATOR_PAGE_PERMISSIONS = MODERATOR_PAGE_PERMISSIONS

EDITOR_MEDIA_PERMISSIONS = ["add_image", "change_image", "add_document", "change_document"]
MODERATOR_MEDIA_PERMISSIONS = [*EDITOR_MEDIA_PERMISSIONS, "delete_image", "delete_document"]
CHOOSE_MEDIA_PERMISSIONS = ["choose_image", "choose_document"]
COORDINATOR_MEDIA_PERMISSIONS = [*MODERATOR_MEDIA_PERMISSIONS, *CHOOSE_MEDIA_PERMISSIONS]

# Model permissions: every partner reaches the admin, asks for translations and edits their language's copy of each
# translatable snippet (the language itself is checked by editorial.permissions); coordinators also add and delete
# snippets and own locales, workflows, groups, users and the Career Management Skills framework.
PARTNER_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
]
PARTNER_SNIPPET_ACTIONS = ["change"]
COORDINATOR_SNIPPET_ACTIONS = ["add", "change", "delete"]
COORDINATOR_MODEL_PERMISSIONS = [
    *PARTNER_MODEL_PERMISSIONS,
    "wagtailcore.add_locale",
    "wagtailcore.change_locale",
    "wagtailcore.delete_locale",
    "wagtailcore.add_workflow",
    "wagtailcore.change_workflow",
    "wagtailcore.delete_workflow",
    "wagtailcore.add_task",
    "wagtailcore.change_task",
    "wagtailcore.delete_task",
    "wagtailcore.add_collection",
    "wagtailcore.change_collection",
    "auth.add_group",
    "auth.change_group",
    "home.change_portalsettings",  # the sample content banner's switch
    f"{settings.AUTH_USER_MODEL.split('.')[0]}.add_user",
    f"{settings.AUTH_USER_MODEL.split('.')[0]}.change_user",
]
COORDINATOR_APPS = ["cms_framework"]  # every permission of the framework's models, whatever models it grows


def snippet_permissions(actions):
    """The given actions' permissions on every translatable snippet the admin has, whatever app registered it."""
    return [
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in translatable_models_edited_alone()
        for action in actions
    ]


def permissions(names):
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query))
    if len(found) != len(names):
        missing = set(names) - {f"{p.content_type.app_label}.{p.codename}" for p in found}
        raise LookupError(f"Unknown permissions: {', '.join(sorted(missing))}")
    return found


class Command(BaseCommand):
    help = (
        "Create or update, for each partner country, an editors and a moderators group rooted at that language's "
        "home page, a media collection and a review workflow; and a coordinators group over every language."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        root_collection = Collection.get_first_root_node()
        root_page = Page.get_first_root_node()

        coordinators = Group.objects.get_or_create(name=COORDINATORS_GROUP)[0]
        coordinator_models = permissions(
            COORDINATOR_MODEL_PERMISSIONS + snippet_permissions(COORDINATOR_SNIPPET_ACTIONS)
        ) + list(Permission.objects.filter(content_type__app_label__in=COORDINATOR_APPS))
        coordinators.permissions.set(coordinator_models)
        self.set_page_permissions(coordinators, root_page, COORDINATOR_PAGE_PERMISSIONS)
        self.set_collection_permissions(coordinators, {root_collection: COORDINATOR_MEDIA_PERMISSIONS})

        partner_models = permissions(PARTNER_MODEL_PERMISSIONS + snippet_permissions(PARTNER_SNIPPET_ACTIONS))
        plain_page = ContentType.objects.get_for_model(Page)
        for country in COUNTRIES:
            editors = self.named(Group.objects.all(), country, "editors_group")
            moderators = self.named(Group.objects.all(), country, "moderators_group")
            editors.permissions.set(partner_models)
            moderators.permissions.set(partner_models)

            collection = self.named(root_collection.get_children(), country, "collection", root=root_collection)
            self.set_collection_permissions(
                editors, {collection: EDITOR_MEDIA_PERMISSIONS, root_collection: CHOOSE_MEDIA_PERMISSIONS}
            )
            self.set_collection_permissions(
                moderators, {collection: MODERATOR_MEDIA_PERMISSIONS, root_collection: CHOOSE_MEDIA_PERMISSIONS}
            )

            locale = Locale.objects.get_or_create(language_code=country.language_code)[0]
            # The language's home page: a page of ours under the root, never the welcome page of a new install.
            home = Page.objects.filter(depth=2, locale=locale).exclude(content_type=plain_page).first()
            if home is None:
                self.stdout.write(
                    self.style.WARNING(
                        f"{country.name}: no home page in '{locale.language_code}' yet; page permissions and the "
                        "review workflow will be set when this command runs after it exists."
                    )
                )
                continue
            self.set_page_permissions(editors, home, EDITOR_PAGE_PERMISSIONS)
            self.set_page_permissions(moderators, home, MODERATOR_PAGE_PERMISSIONS)
            self.review_workflow(country, home, [moderators, coordinators])
            self.stdout.write(f"{country.name}: groups, collection and review workflow on '{home.title}'")
        self.stdout.write(self.style.SUCCESS("Editorial groups and workflows are set up."))

    def named(self, queryset, country, kind, root=None):
        """The country's record named by `kind` in its language: found by that name, or renamed from its old English
        name, or created (a collection under `root`)."""
        name, legacy = getattr(country, kind), country.legacy_names[kind]
        record = queryset.filter(name=name).first()
        if record is None and (record := queryset.filter(name=legacy).first()) is not None:
            record.name = name
            record.save(update_fields=["name"])
            self.stdout.write(f"{country.name}: '{legacy}' renamed '{name}'")
        if record is None:
            record = root.add_child(name=name) if root is not None else queryset.create(name=name)
        return record

    def set_page_permissions(self, group, page, codenames):
        """Exactly these permissions, rooted at `page`, and no other page permission for the group."""
        wanted = list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))
        GroupPagePermission.objects.filter(group=group).exclude(page=page, permission__in=wanted).delete()
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)

    def set_collection_permissions(self, group, codenames_by_collection):
        keep = Q(pk__in=[])
        for collection, codenames in codenames_by_collection.items():
            wanted = list(
                Permission.objects.filter(
                    content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename__in=codenames
                )
            )
            for permission in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
            keep |= Q(collection=collection, permission__in=wanted)
        GroupCollectionPermission.objects.filter(group=group).exclude(keep).delete()

    def review_workflow(self, country, home, approvers):
        task = self.named(GroupApprovalTask.objects.all(), country, "task")
        task.active = True
        task.save()
        task.groups.set(approvers)
        workflow = self.named(Workflow.objects.all(), country, "workflow")
        workflow.active = True
        workflow.save()
        WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
