"""What a visitor does in a real browser: arrive, switch language, read every page type with assistive tech."""

import re
from pathlib import Path

import axe_playwright_python
import pytest

from tests.utils import LANGUAGE_CODES, PAGE_TYPE_PATHS

pytestmark = pytest.mark.browser

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize(
    ("browser_locale", "expected"),
    [("el-GR", "/el/"), ("tr-TR", "/tr/"), ("it-IT", "/it/"), ("es-ES", "/es/"), ("ro-RO", "/ro/"), ("de-DE", "/en/")],
)
def test_root_opens_in_the_browsers_language(browser, portal_url, browser_locale, expected):
    context = browser.new_context(locale=browser_locale)
    page = context.new_page()
    page.goto(portal_url + "/")
    assert page.url == portal_url + expected
    assert page.locator("html").get_attribute("lang") == expected.strip("/")
    context.close()


def test_language_switcher_keeps_the_page(page, portal_url):
    page.goto(portal_url + "/en/teaching-resources/")
    english_title = page.locator("h1").inner_text()
    for code in LANGUAGE_CODES[1:]:
        page.locator(f'.language-switcher a[hreflang="{code}"]').click()
        page.wait_for_load_state()
        page.wait_for_url(f"{portal_url}/{code}/teaching-resources/")
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator("h1").inner_text() != english_title
    page.locator('.language-switcher a[hreflang="en"]').click()
    page.wait_for_url(f"{portal_url}/en/teaching-resources/")


def test_keyboard_reaches_the_skip_link_and_the_switcher(page, portal_url):
    page.goto(portal_url + "/ro/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    # Following the link is asynchronous: wait for it rather than race it.
    page.wait_for_function("location.hash === '#main'", timeout=5000)
    # From the brand link, the next stops are the language switcher's links, in order.
    page.goto(portal_url + "/ro/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    visited = []
    for _ in LANGUAGE_CODES:
        page.keyboard.press("Tab")
        visited.append(page.evaluate("document.activeElement.getAttribute('hreflang')"))
    assert visited == LANGUAGE_CODES


def test_pages_read_without_javascript(browser, portal_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(portal_url + "/el/cms-emerging-needs/")
    assert page.locator("html").get_attribute("lang") == "el"
    assert "ανάγκες" in page.locator("h1").inner_text()
    assert page.locator(".stream h3").count() == 4
    context.close()


def test_narrow_screen_has_no_horizontal_scroll(browser, portal_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    paths = ["/en/", "/el/cms-emerging-needs/", "/tr/introduction/", "/el/framework/", "/ro/teaching-resources/"]
    paths += ["/tr/pilot-actions/career-changers-uk/", "/es/teaching-resources/resource-003/"]
    for path in paths:
        page.goto(portal_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
    context.close()


def test_axe_finds_no_wcag_21_aa_violation_on_any_page(page, portal_url):
    """Every page type (home, content, framework, area, learning outcome, pilot index and action, matrix with and
    without filters, resource, privacy notice, path, path step, not found) in every language."""
    paths = [*PAGE_TYPE_PATHS, *(f"/{code}/no-such-page/" for code in LANGUAGE_CODES)]
    report = {}
    for path in paths:
        page.goto(portal_url + path)
        page.evaluate(AXE_SOURCE)
        result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
        assert result["passes"], f"axe checked nothing on {path}"
        violations = [f"{v['id']} ({len(v['nodes'])}): {v['help']}" for v in result["violations"]]
        if violations:
            report[path] = violations
    assert len(paths) == 144  # 102, the careers' 3 and the training catalogue's 4 pages in each language
    assert report == {}


def test_practitioner_goes_from_home_to_framework_area_resource_and_pilot(page, portal_url):
    page.goto(portal_url + "/it/")
    page.locator(".outline__item a[href='/it/framework/']").click()
    page.wait_for_url(portal_url + "/it/framework/")
    page.locator(".framework-overview__area a").first.click()
    page.wait_for_url(portal_url + "/it/framework/self-awareness/")
    page.locator("#resources-heading + ul a").first.click()
    page.wait_for_url(re.compile(r".*/it/teaching-resources/resource-"))
    assert page.locator("html").get_attribute("lang") == "it"
    page.locator("#framework-heading + dl a[href*='pilot-actions']").first.click()
    page.wait_for_url(re.compile(r".*/it/pilot-actions/"))
    assert page.locator("#resources-heading + ul a").count() >= 1


def test_matrix_filters_work_without_javascript_and_links_can_be_shared(browser, portal_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(portal_url + "/es/teaching-resources/")
    page.locator("table.matrix tbody tr").first.locator("td a").first.click()
    page.wait_for_url(re.compile(r".*[?&]area=A1"))
    shared = page.url
    assert "area=A1" in shared and "category=" in shared
    count = page.locator(".result").count()
    assert count >= 1
    page.select_option("#id_country", "GR")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r".*country=GR"))
    assert "area=A1" in page.url
    other = context.new_page()
    other.goto(shared)
    assert other.locator(".result").count() == count
    other.goto(portal_url + "/es/teaching-resources/?language=xx")
    assert other.locator("[role=alert]").is_visible()
    context.close()
