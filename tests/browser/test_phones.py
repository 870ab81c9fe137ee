"""Phones (320 × 640): the page's own heading on the first screen, a menu and a language control that open with the
keyboard and without JavaScript, folding filters; wide screens keep the links in view; and the page on paper."""

import pytest

from tests.utils import LANGUAGE_CODES, PAGE_TYPE_PATHS

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 800}
MENU = ".main-nav summary"
LANGUAGE = ".language-switcher summary"


def new_context(browser, **options):
    """A browser context that waits up to 90 s for a page: on a busy two-core machine the server can be slow."""
    context = browser.new_context(**options)
    context.set_default_navigation_timeout(90_000)
    return context


@pytest.fixture
def phone(browser):
    context = new_context(browser, viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_javascript(browser):
    context = new_context(browser, viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def focus_by_tab(page, selector, limit=30):
    """Press Tab until the element matching `selector` has the focus; the keys pressed are the only way there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{selector} never got the focus with Tab")


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_page_types_heading_is_on_the_first_screen(phone, portal_url, code):
    paths = [path for path in PAGE_TYPE_PATHS if path.startswith(f"/{code}/")] + [f"/{code}/accounts/login/"]
    for path in paths:
        phone.goto(portal_url + path)
        heading = phone.locator("h1").bounding_box()
        assert heading is not None, f"{path} has no visible h1"
        assert heading["y"] >= 0 and heading["y"] + heading["height"] <= PHONE["height"], (
            f"{path}: the h1 ends at {heading['y'] + heading['height']:.0f}px, below the first screen"
        )
        assert phone.locator(".site-header").bounding_box()["height"] <= 170, path
        # The menu and the languages are folded: one button each.
        assert phone.locator(MENU).is_visible() and phone.locator(LANGUAGE).is_visible(), path
        assert not phone.locator(".main-nav a").first.is_visible(), path
        assert not phone.locator(".language-switcher a").first.is_visible(), path


@pytest.mark.parametrize("code", ["el", "tr", "it"])
@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_menu_and_language_open_with_the_keyboard(browser, portal_url, code, javascript):
    context = new_context(browser, viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{portal_url}/{code}/framework/")
    nav_links = page.locator(".main-nav a")

    focus_by_tab(page, MENU)
    page.keyboard.press("Enter")
    assert nav_links.first.is_visible() and nav_links.last.is_visible()
    assert page.locator(".main-nav details").get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.main-nav ul') !== null")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert not nav_links.first.is_visible()

    page.goto(f"{portal_url}/{code}/framework/")
    focus_by_tab(page, LANGUAGE)
    page.keyboard.press("Space")
    assert page.locator('.language-switcher a[hreflang="en"]').is_visible()
    focus_by_tab(page, '.language-switcher a[hreflang="en"]', limit=7)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{portal_url}/en/framework/")
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()


def test_the_header_is_read_in_the_order_it_is_seen(phone, portal_url):
    phone.goto(portal_url + "/ro/")
    order = [".site-header__brand", LANGUAGE, ".account-links a", MENU]
    tops = []
    for selector in order:
        focus_by_tab(phone, selector)
        box = phone.evaluate(
            "(() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.left]; })()"
        )
        tops.append(box)
    # Left to right, then top to bottom: each stop is below the previous one or on its row and to its right.
    for (top_a, left_a), (top_b, left_b) in zip(tops, tops[1:], strict=False):
        assert top_b > top_a + 5 or (abs(top_b - top_a) < 40 and left_b > left_a), tops


def test_without_javascript_the_menu_opens_with_a_tap(phone_without_javascript, portal_url):
    page = phone_without_javascript
    page.goto(portal_url + "/tr/")
    page.locator(MENU).click()
    link = page.locator(".main-nav a").nth(1)
    assert link.is_visible()
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(portal_url + href)
    page.locator(LANGUAGE).click()
    page.locator('.language-switcher a[hreflang="el"]').click()
    page.wait_for_url(f"{portal_url}/el/**")
    assert page.locator("html").get_attribute("lang") == "el"


def test_wide_screens_show_the_links_without_buttons(browser, portal_url):
    context = new_context(browser, viewport=WIDE)
    page = context.new_page()
    page.goto(portal_url + "/el/teaching-resources/")
    assert not page.locator(MENU).is_visible() and not page.locator(LANGUAGE).is_visible()
    assert page.locator(".main-nav a").first.is_visible() and page.locator(".main-nav a").last.is_visible()
    assert page.locator('.language-switcher a[hreflang="tr"]').is_visible()
    assert page.locator(".filters__field select").first.is_visible()
    assert page.locator(".site-header").bounding_box()["height"] <= 240
    context.close()


def test_the_matrix_filters_fold_and_its_caption_wraps(phone, portal_url):
    phone.goto(portal_url + "/it/teaching-resources/")
    caption = phone.locator(".matrix caption").first.bounding_box()
    region = phone.locator(".table-scroll").first.bounding_box()
    assert caption["x"] + caption["width"] <= region["x"] + region["width"] + 1
    assert caption["height"] > 30  # wrapped on more than one line, not cut
    field = phone.locator(".filters__field input, .filters__field select").first
    assert not field.is_visible()
    phone.locator(".filters summary").click()
    assert field.is_visible()
    # Chosen (or wrong) filters are shown open.
    phone.goto(portal_url + "/it/teaching-resources/?area=A1&category=tools")
    assert phone.locator(".filters__field select").first.is_visible()
    phone.goto(portal_url + "/it/teaching-resources/?area=NOPE")
    assert phone.locator(".filters__field select").first.is_visible()


def test_form_fields_show_focus_as_links_do(phone, portal_url):
    phone.goto(portal_url + "/it/teaching-resources/?q=carte")
    style = (
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow]; })()"
    )
    focus_by_tab(phone, ".site-main a")
    link_focus = phone.evaluate(style)
    focus_by_tab(phone, ".filters__field input", limit=80)
    assert phone.evaluate(style) == link_focus
    assert link_focus[0] == "solid" and link_focus[1] == "3px"
    focus_by_tab(phone, ".filters__field select")
    assert phone.evaluate(style) == link_focus


def test_on_paper_only_the_content_the_link_addresses_and_the_pages_address(browser, portal_url):
    context = new_context(browser, viewport=WIDE)
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(portal_url + "/es/teaching-resources/resource-001/")
    for selector in (".site-header", ".main-nav", ".breadcrumbs", ".site-footer"):
        assert not page.locator(selector).is_visible(), selector
    assert page.locator("h1").is_visible()
    external = page.locator('.site-main a[href^="http"]').first
    href = external.get_attribute("href")
    after = external.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert href in after
    address = page.locator(".print-address")
    assert address.is_visible() and address.inner_text().endswith(portal_url + "/es/teaching-resources/resource-001/")
    page.goto(portal_url + "/es/teaching-resources/")
    assert not page.locator("form.filters").is_visible()
    assert page.locator(".matrix").first.is_visible()
    page.emulate_media(media="screen")
    assert not page.locator(".print-address").is_visible()
    context.close()


def test_axe_finds_nothing_with_the_menus_and_filters_open(phone, portal_url):
    from tests.browser.test_journeys import AXE_SOURCE, WCAG_21_AA

    report = {}
    for path in ("/el/teaching-resources/", "/tr/pilot-actions/", "/it/framework/"):
        phone.goto(portal_url + path)
        # The page's filters first: the header's open lists lie over the page (the menu's reaches below the filters'
        # button since it ends with the search box), as they do for a reader.
        for summary in (".filters summary", MENU, LANGUAGE):
            if phone.locator(summary).count():
                phone.locator(summary).click()
        phone.evaluate(AXE_SOURCE)
        result = phone.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
        assert result["passes"], f"axe checked nothing on {path}"
        violations = [f"{v['id']} ({len(v['nodes'])}): {v['help']}" for v in result["violations"]]
        if violations:
            report[path] = violations
    assert report == {}
