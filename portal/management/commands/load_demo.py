"""Load the demo content: the seed's outline in English, translated into the five other languages.

Each app's demo loader makes its own English pages (`<app>/demo/load.py`); this command puts them together in the
outline's order, translates every page and snippet through wagtail-localize from the apps' demo catalogues
(`<app>/demo/translations/<lang>.po`), sets up the partner countries' editorial groups and, when asked, the demo
accounts.
"""

import argparse
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.users.models import UserProfile

from careers.demo import content as careers_content
from careers.demo import load as careers_demo
from cms_framework.demo import content as framework_content
from cms_framework.demo import load as framework_demo
from editorial.countries import COORDINATORS_GROUP, COUNTRIES
from groups.demo import load as groups_demo
from home.demo import content as home_content
from home.demo import load as home_demo
from home.demo.localize import read_catalogue, translate
from home.models import Footer, NavigationMenu
from learners.demo import content as learners_content
from learners.demo import load as learners_demo
from resources.demo import content as resources_content
from resources.demo import load as resources_demo
from sitesearch.indexing import auto_update_disabled as search_index_auto_update_disabled
from training.demo import content as training_content
from training.demo import load as training_demo

TRANSLATIONS_DIRS = [
    Path(module.__file__).resolve().parent / "translations"
    for module in (
        home_content,
        framework_content,
        resources_content,
        careers_content,
        training_content,
        learners_content,
    )
]
# The home page's outline, in this order.
OUTLINE = [
    "introduction",
    "cms-emerging-needs",
    "framework",
    "pilot-actions",
    "teaching-resources",
    "open-platform",
    "documents",
]
DEMO_SUPERUSER = {"username": "admin", "password": "leader-demo", "email": "admin@example.com"}
DEMO_PASSWORD = DEMO_SUPERUSER["password"]  # the demo's partner accounts share it: demo only, never in production


class Command(BaseCommand):
    help = "Create or update the demo content in all six languages (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--superuser",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="Create the demo superuser (default: only when DEBUG is on).",
        )

    @transaction.atomic
    def handle(self, *args, superuser=None, **options):
        # Wagtail indexes an object's references on every save, and the demo saves each page several times (created,
        # revised, published, translated): it indexes each object once, at the end, instead.
        # The same for the site search's index: rebuilt once, below.
        with disable_reference_index_auto_update(), search_index_auto_update_disabled():
            self.load_content()
        for instance in [
            *Page.objects.filter(depth__gt=1).specific(),
            *NavigationMenu.objects.all(),
            *Footer.objects.all(),
        ]:
            ReferenceIndex.create_or_update_for_object(instance)

        call_command("setup_editorial", stdout=self.stdout)
        call_command("rebuild_search_index", stdout=self.stdout)
        if settings.DEBUG if superuser is None else superuser:
            self.demo_superuser()
            self.demo_partners()
            self.demo_practitioner()
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded in {len(settings.LANGUAGES)} languages."))

    def load_content(self):
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}
        english = locales[settings.LANGUAGE_CODE]

        home = home_demo.english_home(english)
        home_demo.remove_replaced_pages()
        sections = home_demo.sections(home)
        framework, areas = framework_demo.framework(home)
        pilot_index, pilots = framework_demo.pilot_actions(home, areas)
        matrix = resources_demo.matrix(home)
        catalogue = training_demo.catalogue(home)
        careers_index = careers_demo.index(home)
        privacy_notice = learners_demo.privacy_notice(home)
        path = learners_demo.path(sections["open-platform"])
        pages = {
            **sections,
            "framework": framework,
            "pilot-actions": pilot_index,
            "teaching-resources": matrix,
            "training": catalogue,
            "careers": careers_index,
            "privacy-notice": privacy_notice,
            "improving-my-cms": path,
        }
        home_demo.publish_bodies(sections, pages)
        outcomes = framework_demo.outcomes(sections["cms-emerging-needs"], pages)
        resources = resources_demo.resources(matrix, areas, outcomes, pilots)
        training_demo.training(catalogue, areas)
        careers_demo.careers(careers_index, areas, resources)
        learners_demo.steps(path, resources, pilots)
        home_demo.order_children(home, OUTLINE)
        navigation, footer = home_demo.snippets(english, home, pages)

        # Parents before children, siblings in the order of the English tree.
        english_pages = [page.specific for page in home.get_descendants(inclusive=True).order_by("path")]
        objects = [*english_pages, navigation, footer]
        for code, locale in locales.items():
            if locale == english:
                continue
            catalogue = read_catalogue(code, *TRANSLATIONS_DIRS)
            for instance in objects:
                translate(instance, locale, catalogue)
            home_demo.order_children(home.get_translation(locale), OUTLINE)
            learners_demo.order_step_pages(path.get_translation(locale))
            self.stdout.write(f"{code}: {len(objects)} translations published")

    def demo_superuser(self):
        User = get_user_model()
        if not User.objects.filter(username=DEMO_SUPERUSER["username"]).exists():
            User.objects.create_superuser(**DEMO_SUPERUSER)
            self.stdout.write(f"Demo superuser created: {DEMO_SUPERUSER['username']} / {DEMO_SUPERUSER['password']}")

    def demo_practitioner(self):
        user, invitation = groups_demo.practitioner(DEMO_PASSWORD)
        code = f", invitation code {invitation.code}" if invitation else ""
        self.stdout.write(f"Demo practitioner: {user.email} / {DEMO_PASSWORD}{code}")

    def demo_partners(self):
        """One editor and one moderator per country, and a coordinator, all with the demo password.

        Each partner's admin speaks the country's language (Wagtail's preferred language); the coordinator, who works
        across the six, reads it in English.
        """
        User = get_user_model()
        accounts = [("coordinator", COORDINATORS_GROUP, settings.LANGUAGE_CODE)]
        for country in COUNTRIES:
            accounts += [
                (f"editor-{country.language_code}", country.editors_group, country.language_code),
                (f"moderator-{country.language_code}", country.moderators_group, country.language_code),
            ]
        for username, group_name, language in accounts:
            user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.com"})
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.set([Group.objects.get(name=group_name)])
            profile = UserProfile.get_for_user(user)
            if profile.preferred_language != language:
                profile.preferred_language = language
                profile.save(update_fields=["preferred_language"])
        self.stdout.write(
            f"Demo partner accounts: {', '.join(name for name, _group, _language in accounts)} / {DEMO_PASSWORD}"
        )
