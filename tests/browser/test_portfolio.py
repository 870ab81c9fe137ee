"""The e-portfolio in a browser: a learner adds evidence (a text and a PDF file), composes a showcase page from it,
their profile and free text, reorders it with the buttons, shares it by a secret link that an anonymous visitor
opens, then revokes it (404); axe-core on every portfolio page in every language."""

import re

import pytest

from portfolio.factories import PDF_BYTES
from tests.browser.test_learners import axe_violations, new_email, sign_up, take_assessment, verify
from tests.utils import LANGUAGE_CODES

pytestmark = pytest.mark.browser


def add_evidence(page, portal_url, language):
    page.goto(f"{portal_url}/{language}/my/portfolio/evidence/new/text/")
    page.fill("input[name=title]", "Volunteering at the food bank")
    page.fill("textarea[name=text]", "I organised the Saturday shifts for a year.")
    page.locator("main input[name=competences]").first.check()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.goto(f"{portal_url}/{language}/my/portfolio/evidence/new/file/")
    page.fill("input[name=title]", "First-aid certificate")
    pdf = {"name": "certificate.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    page.set_input_files("input[name=upload]", pdf)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.url.endswith(f"/{language}/my/portfolio/")
    assert page.locator("main a", has_text="certificate.pdf").count() == 1


def compose(page, portal_url, language):
    page.goto(f"{portal_url}/{language}/my/portfolio/showcases/new/")
    page.fill("input[name=title]", "My year on the path")
    page.fill("textarea[name=intro]", "What I did and what I learned.")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    compose_url = page.url
    for kind in ["evidence", "profile"]:
        with page.expect_navigation():
            page.locator(f"main form:has(input[name=kind][value={kind}]) button[type=submit]").click()
    page.fill("input[name=heading]", "Next year")
    page.fill("textarea[name=text]", "An apprenticeship near home.")
    with page.expect_navigation():
        page.locator("main form:has(textarea[name=text]) button[type=submit]").click()
    items = page.locator("main ol.portfolio-items > li")
    assert items.count() == 3
    assert "Next year" in items.nth(2).inner_text()
    with page.expect_navigation():
        items.nth(2).locator("form:has(input[value=up]) button").click()
    assert "Next year" in page.locator("main ol.portfolio-items > li").nth(1).inner_text()
    return compose_url


def test_a_learner_shares_a_showcase_by_a_secret_link_and_revokes_it(page, browser, portal_url):
    address = new_email("portfolio")
    sign_up(page, portal_url, "el", address)
    verify(page, portal_url, "el", address)
    take_assessment(page, portal_url, "el")
    add_evidence(page, portal_url, "el")
    compose_url = compose(page, portal_url, "el")
    with page.expect_navigation():
        page.locator("main form[action$='/links/'] button[type=submit]").click()
    link = page.locator("main input.portfolio-link__url").first.input_value()
    assert re.fullmatch(rf"{re.escape(portal_url)}/el/shared/[A-Za-z0-9_-]{{43}}/", link)

    visitor = browser.new_context()
    other = visitor.new_page()
    response = other.goto(link)
    assert response.status == 200
    assert other.locator("h1").inner_text() == "My year on the path"
    assert other.locator("meta[name=robots]").get_attribute("content") == "noindex, nofollow"
    href = other.locator("main a", has_text="certificate.pdf").get_attribute("href")
    file = visitor.request.get(portal_url + href)
    assert file.status == 200 and file.body() == PDF_BYTES
    assert file.headers["content-security-policy"] == "sandbox; default-src 'none'"
    assert file.headers["x-content-type-options"] == "nosniff"

    page.goto(compose_url)
    assert page.locator("main #links").count() == 1
    assert "προβολή" in page.locator("main section[aria-labelledby=links]").inner_text()  # "last viewed", in Greek
    with page.expect_navigation():
        page.locator("main form[action$='/revoke/'] button[type=submit]").click()
    assert other.goto(link).status == 404
    visitor.close()


def test_axe_finds_no_wcag_21_aa_violation_on_the_portfolio_pages(page, browser, portal_url):
    address = new_email("axe-portfolio")
    sign_up(page, portal_url, "en", address)
    verify(page, portal_url, "en", address)
    take_assessment(page, portal_url, "en")
    add_evidence(page, portal_url, "en")
    compose_url = compose(page, portal_url, "en")
    with page.expect_navigation():
        page.locator("main form[action$='/links/'] button[type=submit]").click()
    shared = page.locator("main input.portfolio-link__url").first.input_value()
    showcase = compose_url.rstrip("/").rsplit("/", 1)[1]
    page.goto(f"{portal_url}/en/my/portfolio/")
    evidence = page.locator("main a[href$='/delete/']").first.get_attribute("href").split("/")[-3]
    paths = [
        "my/portfolio/",
        "my/portfolio/evidence/new/text/",
        "my/portfolio/evidence/new/link/",
        "my/portfolio/evidence/new/file/",
        f"my/portfolio/evidence/{evidence}/",
        f"my/portfolio/evidence/{evidence}/delete/",
        "my/portfolio/showcases/",
        "my/portfolio/showcases/new/",
        f"my/portfolio/showcases/{showcase}/",
        f"my/portfolio/showcases/{showcase}/edit/",
        f"my/portfolio/showcases/{showcase}/preview/",
        f"my/portfolio/showcases/{showcase}/delete/",
    ]
    report = {}
    token = shared.rstrip("/").rsplit("/", 1)[1]
    for language in LANGUAGE_CODES:
        for path in [*paths, f"shared/{token}/"]:
            if violations := axe_violations(page, f"{portal_url}/{language}/{path}"):
                report[f"/{language}/{path}"] = violations
    assert report == {}


def test_a_refused_upload_says_why_beside_the_field(page, portal_url):
    address = new_email("refused")
    sign_up(page, portal_url, "es", address)
    verify(page, portal_url, "es", address)
    page.goto(f"{portal_url}/es/my/portfolio/evidence/new/file/")
    page.fill("input[name=title]", "Un dibujo")
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    page.set_input_files("input[name=upload]", {"name": "dibujo.svg", "mimeType": "image/svg+xml", "buffer": svg})
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator("main [role=alert]").count() == 1
    assert "dibujo.svg" in page.locator("main .errorlist").first.inner_text()
