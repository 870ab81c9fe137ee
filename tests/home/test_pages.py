"""Page types: the tree can only be built the right way, and each page type renders its content."""

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.blocks import CallToActionBlock
from home.factories import ContentPageFactory, HomePageFactory, LocaleFactory
from home.models import ContentPage, HomePage
from tests.trees import make_root
from tests.utils import contains_html, create_in_admin


def test_home_page_sits_at_the_root_only():
    assert set(HomePage.allowed_parent_page_models()) == {Page}


def test_home_page_holds_content_pages():
    assert ContentPage in HomePage.creatable_subpage_models()


def test_content_pages_nest_under_home_or_content_pages():
    assert set(ContentPage.allowed_parent_page_models()) == {HomePage, ContentPage}
    assert ContentPage in ContentPage.creatable_subpage_models()


@pytest.fixture
def home(db):
    LocaleFactory(language_code="en")
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Portal home", slug="portal")
    make_root(home)
    return home


@pytest.fixture
def introduction(home):
    return ContentPageFactory(
        parent=home,
        title="I – Introduction",
        slug="introduction",
        subtitle="Understanding Career Management Skills",
        body=[
            ("heading", {"text": "Lifelong guidance", "level": "h2"}),
            ("paragraph", "<p>Guidance throughout the lifespan.</p>"),
            ("quote", {"quote": "Careers are built for life.", "attribution": "A practitioner"}),
            ("call_to_action", {"text": "Go home", "page": home, "url": "", "description": ""}),
        ],
    )


def test_editor_can_create_a_content_page_with_every_kind_of_block(home, admin_client):
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
                    ("call_to_action", {"text": "Home", "page": home.pk, "url": "", "description": ""}),
                ]
            ),
        }
    )
    page = create_in_admin(admin_client, home, ContentPage, data)
    assert [block.block_type for block in page.body] == ["heading", "paragraph", "quote", "call_to_action"]
    assert page.body[3].value["page"].pk == home.pk


def test_call_to_action_needs_exactly_one_destination(home):
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({"text": "Nowhere", "page": None, "url": "", "description": ""}))
    assert "either a page" in str(raised.value.block_errors["page"])
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Both", "page": home.pk, "url": "https://example.org", "description": ""}))


def test_content_page_renders_its_blocks(home, introduction, client):
    response = client.get(introduction.url)
    assert response.status_code == 200
    assert contains_html(response, "<h1>I – Introduction</h1>")
    assert contains_html(response, "<h2>Lifelong guidance</h2>")
    assert "Guidance throughout the lifespan." in response.content.decode()
    assert contains_html(response, "<figcaption>A practitioner</figcaption>")
    assert f'href="{home.url}"' in response.content.decode()


def test_home_page_lists_sections_in_tree_order(home, introduction, client):
    ContentPageFactory(parent=home, title="Hidden from outline", show_in_menus=False)
    response = client.get(home.url)
    assert response.status_code == 200
    assert [page.title for page in response.context["outline"]] == ["I – Introduction"]
    assert "Hidden from outline" not in response.content.decode()


def test_anonymous_readers_get_no_userbar_and_no_session(home, client):
    response = client.get(home.url)
    assert "wagtail-userbar" not in response.content.decode()
    assert "Cookie" not in response.headers.get("Vary", "")


def test_signed_in_editors_get_the_userbar(home, admin_client):
    assert "wagtail-userbar" in admin_client.get(home.url).content.decode()
