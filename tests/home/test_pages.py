"""Page types: the tree can only be built the right way, and each page type renders its content."""

from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.blocks import CallToActionBlock
from home.factories import ContentPageFactory, HomePageFactory, LocaleFactory
from home.models import ContentPage, HomePage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_content_pages(self):
        self.assertCanCreateAt(HomePage, ContentPage)

    def test_content_pages_nest_under_home_or_content_pages(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertCanCreateAt(ContentPage, ContentPage)


class ContentPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        LocaleFactory(language_code="en")
        cls.home = HomePageFactory(parent=Page.get_first_root_node(), title="Portal home", slug="portal")
        cls.page = ContentPageFactory(
            parent=cls.home,
            title="I – Introduction",
            slug="introduction",
            subtitle="Understanding Career Management Skills",
            body=[
                ("heading", {"text": "Lifelong guidance", "level": "h2"}),
                ("paragraph", "<p>Guidance throughout the lifespan.</p>"),
                ("quote", {"quote": "Careers are built for life.", "attribution": "A practitioner"}),
                ("call_to_action", {"text": "Go home", "page": cls.home, "url": "", "description": ""}),
            ],
        )
        Site.objects.update(root_page=cls.home)

    def test_editor_can_create_a_content_page_with_every_kind_of_block(self):
        self.login()
        data = nested_form_data(
            {
                "title": "II – Emerging needs",
                "slug": "emerging-needs",
                "subtitle": "Learning outcomes",
                "summary": "Four outcomes.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Outcomes", "level": "h3"}),
                        ("paragraph", rich_text("<p>I know the framework.</p>")),
                        ("quote", {"quote": "Reflect on practice.", "attribution": ""}),
                        ("call_to_action", {"text": "Home", "page": self.home.pk, "url": "", "description": ""}),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, ContentPage, data)

    def test_call_to_action_needs_exactly_one_destination(self):
        block = CallToActionBlock()
        with self.assertRaises(StructBlockValidationError) as raised:
            block.clean(block.to_python({"text": "Nowhere", "page": None, "url": "", "description": ""}))
        self.assertIn("either a page", str(raised.exception.block_errors["page"]))
        with self.assertRaises(StructBlockValidationError):
            block.clean(
                block.to_python({"text": "Both", "page": self.home.pk, "url": "https://example.org", "description": ""})
            )

    def test_content_page_renders_its_blocks(self):
        response = self.client.get(self.page.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>I – Introduction</h1>", html=True)
        self.assertContains(response, "<h2>Lifelong guidance</h2>", html=True)
        self.assertContains(response, "Guidance throughout the lifespan.")
        self.assertContains(response, "<figcaption>A practitioner</figcaption>", html=True)
        self.assertContains(response, f'href="{self.home.url}"')

    def test_home_page_lists_sections_in_tree_order(self):
        ContentPageFactory(parent=self.home, title="Hidden from outline", show_in_menus=False)
        response = self.client.get(self.home.url)
        self.assertEqual(response.status_code, 200)
        outline = response.context["outline"]
        self.assertEqual([page.title for page in outline], ["I – Introduction"])
        self.assertNotContains(response, "Hidden from outline")


class EditorUserbarTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        LocaleFactory(language_code="en")
        cls.home = HomePageFactory(parent=Page.get_first_root_node(), slug="portal")
        Site.objects.update(root_page=cls.home)

    def test_anonymous_readers_get_no_userbar_and_no_session(self):
        response = self.client.get(self.home.url)
        self.assertNotContains(response, "wagtail-userbar")
        self.assertNotIn("Cookie", response.headers.get("Vary", ""))

    def test_signed_in_editors_get_the_userbar(self):
        self.login()
        response = self.client.get(self.home.url)
        self.assertContains(response, "wagtail-userbar")
