"""Create or update the English demo pages of the home app: the home page, the outline's sections, the snippets."""

import io
import uuid

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.html import strip_tags
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.demo import content
from home.demo.build import stable_id
from home.models import ContentPage, Footer, HomePage, NavigationMenu, PortalSettings
from home.sites import configure_default_site

NAMESPACE = uuid.UUID("6f1c3f0e-9a57-4f1e-8f59-1e2d3c4b5a69")
HOME_SLUG = "leader"


def english_home(english):
    """The English home page, the default site's root; the welcome page of a new Wagtail install goes."""
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
    site.site_name, site.root_page = "LE.A.DE.R", home
    configure_default_site(site)  # the public address (WAGTAILADMIN_BASE_URL): 127.0.0.1:8000 for `make run`
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    return home


def remove_replaced_pages():
    """Earlier demos had the Matrix as a content page; it is a page type of its own now."""
    for page in ContentPage.objects.filter(slug="teaching-resources", depth=3):
        page.delete()


def sections(home):
    """The outline's content pages and the trust pages (out of the outline), by slug (their bodies come later, once
    every page they link to exists)."""
    pages = {spec["slug"]: english_section(home, spec, in_outline=True) for spec in content.SECTIONS}
    pages.update((spec["slug"], english_section(home, spec, in_outline=False)) for spec in content.TRUST_PAGES)
    return pages


def english_section(home, spec, in_outline):
    page = ContentPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is None:
        page = ContentPage(slug=spec["slug"], title=spec["title"], locale=home.locale, show_in_menus=in_outline)
        home.add_child(instance=page)
    page.title, page.subtitle, page.summary = spec["title"], spec["subtitle"], spec["summary"]
    page.show_in_menus = in_outline
    page.save()
    return page


def publish_bodies(sections_by_slug, pages_by_slug):
    """Each section's body, with its calls to action pointing at the pages of `pages_by_slug`, published."""
    image, document = demo_image(), demo_document()
    for spec in [*content.SECTIONS, *content.TRUST_PAGES]:
        body = []
        for index, (block_type, value) in enumerate(spec["body"]):
            if block_type == "call_to_action":
                value = {**value, "page": pages_by_slug[value["page"]].pk, "url": ""}
            elif block_type == "image":
                value = {**value, "image": image.pk}
            elif block_type == "document":
                value = {**value, "document": document.pk}
            body.append({"type": block_type, "value": value, "id": stable_id(NAMESPACE, spec["slug"], index)})
        page = sections_by_slug[spec["slug"]]
        page.body = body
        page.save_revision().publish()


def order_children(parent, slugs):
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


def snippets(english, home, pages_by_slug):
    """The English navigation menu and footer, linking to the home page and the pages of `pages_by_slug`; the
    sample content banner is switched on, since the demo is sample content."""
    navigation = english_snippet(NavigationMenu, english, items=links(content.NAVIGATION, home, pages_by_slug))
    footer = english_snippet(
        Footer,
        english,
        text=content.FOOTER_TEXT,
        funding_statement=content.FUNDING_STATEMENT,
        disclaimer=content.DISCLAIMER,
        links=links(content.FOOTER_LINKS, home, pages_by_slug),
    )
    portal_settings = PortalSettings.load()
    portal_settings.show_phase_banner = True
    portal_settings.save()
    return navigation, footer


def links(entries, home, pages_by_slug):
    return [
        {
            "type": "link",
            "value": {"text": text, "page": (pages_by_slug[slug] if slug else home).pk, "url": ""},
            "id": stable_id(NAMESPACE, "link", text, slug),
        }
        for text, slug in entries
    ]


def english_snippet(model, english, **fields):
    snippet = model.objects.filter(locale=english).first() or model(locale=english)
    for key, value in fields.items():
        setattr(snippet, key, value)
    snippet.save()
    return snippet


def demo_image():
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


def demo_document():
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
