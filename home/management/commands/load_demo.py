"""Load the demo content: the seed's outline in English, translated into the five other languages."""

import argparse
import io
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.html import strip_tags
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from cms_framework.demo import content as framework_content
from cms_framework.demo import load as framework_demo
from editorial.countries import COORDINATORS_GROUP, COUNTRIES
from home.demo import content
from home.demo.localize import read_catalogue, translate
from home.models import ContentPage, Footer, HomePage, NavigationMenu
from resources.demo import content as resources_content
from resources.demo import load as resources_demo

TRANSLATIONS_DIRS = [
    Path(module.__file__).resolve().parent / "translations"
    for module in (content, framework_content, resources_content)
]
# The home page's outline, in this order; the framework, pilot actions and matrix come from their own apps.
OUTLINE = [
    "introduction",
    "cms-emerging-needs",
    "framework",
    "pilot-actions",
    "teaching-resources",
    "open-platform",
    "documents",
]
DEMO_NAMESPACE = uuid.UUID("6f1c3f0e-9a57-4f1e-8f59-1e2d3c4b5a69")
DEMO_SUPERUSER = {"username": "admin", "password": "leader-demo", "email": "admin@example.com"}
DEMO_PASSWORD = DEMO_SUPERUSER["password"]  # the demo's partner accounts share it: demo only, never in production
HOME_SLUG = "leader"


def block_id(*parts):
    """A stable block id, so that reloading the demo updates the same translatable segments."""
    return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(str(part) for part in parts)))


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
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}
        english = locales[settings.LANGUAGE_CODE]

        home = self.english_home(english)
        self.remove_replaced_pages()
        sections = {spec["slug"]: self.english_section(home, spec) for spec in content.SECTIONS}
        framework, areas = framework_demo.framework(home)
        pilot_index, pilots = framework_demo.pilot_actions(home, areas)
        matrix = resources_demo.matrix(home)
        pages = {**sections, "framework": framework, "pilot-actions": pilot_index, "teaching-resources": matrix}
        image, document = self.demo_image(), self.demo_document()
        for spec in content.SECTIONS:
            self.publish_body(sections[spec["slug"]], spec, pages, image, document)
        outcomes = framework_demo.outcomes(sections["cms-emerging-needs"], pages)
        resources_demo.resources(matrix, areas, outcomes, pilots)
        self.order_children(home, OUTLINE)
        navigation = self.english_snippet(NavigationMenu, english, items=self.links(content.NAVIGATION, home, pages))
        footer = self.english_snippet(
            Footer, english, text=content.FOOTER_TEXT, links=self.links(content.FOOTER_LINKS, home, pages)
        )

        # Parents before children, siblings in the order of the English tree.
        english_pages = [page.specific for page in home.get_descendants(inclusive=True).order_by("path")]
        objects = [*english_pages, navigation, footer]
        for code, locale in locales.items():
            if locale == english:
                continue
            catalogue = read_catalogue(code, *TRANSLATIONS_DIRS)
            for instance in objects:
                translate(instance, locale, catalogue)
            translated_home = home.get_translation(locale)
            self.order_children(translated_home, OUTLINE)
            self.stdout.write(f"{code}: {len(objects)} translations published")

        call_command("setup_editorial", stdout=self.stdout)
        if settings.DEBUG if superuser is None else superuser:
            self.demo_superuser()
            self.demo_partners()
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded in {len(locales)} languages."))

    # English source ------------------------------------------------------------------------------------------

    def english_home(self, english):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=english, depth=2).first()
        fields = {key: content.HOME[key] for key in ("title", "seo_title", "search_description", "subtitle", "summary")}
        if home is None:
            home = HomePage(slug=HOME_SLUG, locale=english, **fields, introduction=content.HOME["introduction"])
            root.add_child(instance=home)
        else:
            for key, value in fields.items():
                setattr(home, key, value)
            home.introduction = content.HOME["introduction"]
        home.save_revision().publish()

        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.site_name = "127.0.0.1", 8000, "LE.A.DE.R"
        site.root_page = home
        site.save()
        # The welcome page of a new Wagtail install is not part of the portal.
        Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
        return home

    def remove_replaced_pages(self):
        """Earlier demos had the Matrix as a content page; it is a page type of its own now."""
        for page in ContentPage.objects.filter(slug="teaching-resources", depth=3):
            page.delete()

    def order_children(self, parent, slugs):
        """Put the parent's children with these slugs in this order (and before any others) if they are not."""
        children = list(parent.get_children().order_by("path"))
        wanted = [child for slug in slugs for child in children if child.slug == slug]
        if [child.pk for child in children[: len(wanted)]] == [child.pk for child in wanted]:
            return
        for child in wanted:
            child.refresh_from_db()
            child.move(parent, pos="last-child")
        for child in children:
            if child not in wanted:
                child.refresh_from_db()
                child.move(parent, pos="last-child")

    def english_section(self, home, spec):
        page = ContentPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = ContentPage(slug=spec["slug"], title=spec["title"], locale=home.locale, show_in_menus=True)
            home.add_child(instance=page)
        page.title, page.subtitle, page.summary = spec["title"], spec["subtitle"], spec["summary"]
        page.show_in_menus = True
        page.save()
        return page

    def publish_body(self, page, spec, sections, image, document):
        body = []
        for index, (block_type, value) in enumerate(spec["body"]):
            if block_type == "call_to_action":
                value = {**value, "page": sections[value["page"]].pk, "url": ""}
            elif block_type == "image":
                value = {**value, "image": image.pk}
            elif block_type == "document":
                value = {**value, "document": document.pk}
            body.append({"type": block_type, "value": value, "id": block_id(spec["slug"], index)})
        page.body = body
        page.save_revision().publish()

    def links(self, entries, home, sections):
        return [
            {
                "type": "link",
                "value": {"text": text, "page": (sections[slug] if slug else home).pk, "url": ""},
                "id": block_id("link", text, slug),
            }
            for text, slug in entries
        ]

    def english_snippet(self, model, english, **fields):
        snippet = model.objects.filter(locale=english).first() or model(locale=english)
        for key, value in fields.items():
            setattr(snippet, key, value)
        snippet.save()
        return snippet

    def demo_image(self):
        Image = get_image_model()
        title = "Stepping stones (demo illustration)"
        image = Image.objects.filter(title=title).first()
        if image:
            return image
        canvas = PILImage.new("RGB", (1200, 500), "#e6f0f3")
        draw = ImageDraw.Draw(canvas)
        for step in range(4):
            left, top = 120 + step * 250, 380 - step * 90
            draw.rounded_rectangle((left, top, left + 200, top + 60), radius=24, fill="#0b5566")
        buffer = io.BytesIO()
        canvas.save(buffer, format="PNG")
        image = Image(title=title, file=ImageFile(buffer, name="leader-stepping-stones.png"))
        image.save()
        return image

    def demo_document(self):
        Document = get_document_model()
        title = "LE.A.DE.R topic outline"
        document = Document.objects.filter(title=title).first()
        if document:
            return document
        lines = [content.HOME["title"], "", strip_tags(content.HOME["introduction"].replace("</p>", "\n\n"))]
        for spec in content.SECTIONS:
            lines += [spec["title"], spec["subtitle"], spec["summary"], ""]
        document = Document(title=title)
        document.file.save("leader-topic-outline.txt", ContentFile("\n".join(lines).encode()), save=False)
        document.save()
        return document

    def demo_superuser(self):
        User = get_user_model()
        user = User.objects.filter(username=DEMO_SUPERUSER["username"]).first()
        if user is None:
            User.objects.create_superuser(**DEMO_SUPERUSER)
            self.stdout.write(f"Demo superuser created: {DEMO_SUPERUSER['username']} / {DEMO_SUPERUSER['password']}")

    def demo_partners(self):
        """One editor and one moderator per country, and a coordinator, all with the demo password."""
        User = get_user_model()
        accounts = [("coordinator", COORDINATORS_GROUP)]
        for country in COUNTRIES:
            accounts += [
                (f"editor-{country.language_code}", country.editors_group),
                (f"moderator-{country.language_code}", country.moderators_group),
            ]
        for username, group_name in accounts:
            user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.com"})
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.set([Group.objects.get(name=group_name)])
        self.stdout.write(f"Demo partner accounts: {', '.join(name for name, _group in accounts)} / {DEMO_PASSWORD}")
