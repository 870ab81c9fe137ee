"""The open platform in a real browser: a Greek visitor's whole journey, a Turkish one with the keyboard alone, and
axe-core on every page of the account and of the learner's space in all six languages."""

import json
import re
import uuid
import zipfile
from pathlib import Path

import axe_playwright_python
import pytest

from tests.browser.conftest import OUTBOXES
from tests.utils import LANGUAGE_CODES

pytestmark = pytest.mark.browser

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "a long passphrase for the platform"  # noqa: S105 - a browser test's learner
GREEK = re.compile(r"[\u0370-\u03ff]")
TURKISH = re.compile(r"[çğışöüİ]")


def new_email(name):
    return f"{name}.{uuid.uuid4().hex[:8]}@example.org"


def last_email_to(portal_url, address):
    """The text of the newest e-mail the portal wrote (Django's file-based backend) to `address`."""
    outbox = OUTBOXES[portal_url]
    messages = [path.read_text() for path in sorted(outbox.glob("*.log"), key=lambda path: path.stat().st_mtime)]
    sent = [message for message in messages if f"To: {address}" in message]
    assert sent, f"no e-mail to {address} in {outbox}"
    return sent[-1]


def confirmation_link(portal_url, address, language):
    text = last_email_to(portal_url, address)
    link = re.search(rf"{re.escape(portal_url)}/{language}/accounts/confirm-email/\S+", text)
    assert link, text
    return text, link.group(0)


def sign_up(page, portal_url, language, address):
    page.goto(f"{portal_url}/{language}/")
    page.locator(f".account-links a[href='/{language}/accounts/signup/']").click()
    page.wait_for_url(f"{portal_url}/{language}/accounts/signup/")
    page.fill("input[name=email]", address)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.check("input[name=accept_privacy]")
    page.check("input[name=confirm_consent]")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{portal_url}/{language}/accounts/confirm-email/")


def verify(page, portal_url, language, address):
    text, link = confirmation_link(portal_url, address, language)
    page.goto(link)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{portal_url}/{language}/my/")
    return text


def take_assessment(page, portal_url, language):
    """Start the self-assessment and answer every area (a different level in each group), up to the result."""
    page.goto(f"{portal_url}/{language}/my/assessment/")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    for _area in range(10):
        page.wait_for_url(re.compile(rf".*/{language}/my/assessment/[0-9a-f-]+/(area/\d+/)?$"))
        if "/area/" not in page.url:
            return page.url
        for number, group in enumerate(page.locator("main form fieldset:has(input[type=radio])").all()):
            radios = group.locator("input[type=radio]")
            radios.nth(number % radios.count()).check()
        with page.expect_navigation():
            page.locator("main form button.assessment-button[type=submit]").click()
    raise AssertionError("the assessment never ended")


def test_a_greek_visitor_goes_from_sign_up_to_deleting_the_account(page, portal_url):
    address = new_email("eleni")
    sign_up(page, portal_url, "el", address)
    email = verify(page, portal_url, "el", address)
    assert GREEK.search(email), email
    assert page.locator("html").get_attribute("lang") == "el"

    # The path: the dashboard's next step is the first one; mark it done.
    page.locator(".dashboard__path a.button").click()
    page.wait_for_url(re.compile(r".*/el/open-platform/improving-my-cms/[^/]+/$"))
    page.locator("form:has(input[name=done][value='1']) button").click()
    page.wait_for_load_state()
    assert page.locator("form:has(input[name=done][value='0'])").count() == 1

    # The self-assessment, its profile and the suggestions that follow from it.
    result = take_assessment(page, portal_url, "el")
    assert page.locator("main svg[role=img] title").count() == 1
    assert page.locator("main table").count() >= 1
    page.goto(portal_url + "/el/my/suggestions/")
    suggestions = page.locator(".suggestion")
    assert suggestions.count() >= 1
    reason = suggestions.first.locator(".suggestion__reason").inner_text()
    assert GREEK.search(reason), reason

    # A goal with one action.
    page.goto(portal_url + "/el/my/goals/new/")
    page.fill("input[name=title]", "Να βρω μια θέση μαθητείας")
    page.locator("input[name=competences]").first.check()
    page.fill("input[name=actions-0-text]", "Να γράψω το βιογραφικό μου")
    page.fill("input[name=actions-0-target_date]", "2027-03-01")
    page.locator("main form button[type=submit]:not([name=more])").click()
    page.wait_for_load_state()

    # The second step done too; the dashboard shows where the learner stands.
    page.goto(portal_url + "/el/my/")
    page.locator(".dashboard__path a.button").click()
    page.locator("form:has(input[name=done][value='1']) button").click()
    page.wait_for_load_state()
    page.goto(portal_url + "/el/my/")
    assert page.locator(".dashboard__path progress").get_attribute("value") == "2"
    assert "Να βρω μια θέση μαθητείας" in page.locator(".dashboard__goals").inner_text()

    # The export: a ZIP with the JSON and the HTML, holding what was done.
    page.goto(portal_url + "/el/my/data/")
    with page.expect_download() as download:
        page.locator("a[href='/el/my/data/export.zip']").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        assert {"leader-export.json", "leader-export.html"} <= set(archive.namelist())
        data = json.loads(archive.read("leader-export.json"))
        html = archive.read("leader-export.html").decode()
    assert data["account"]["email"] == address
    assert [goal["title"] for goal in data["goals"]] == ["Να βρω μια θέση μαθητείας"]
    assert len(data["progress"]) == 2
    assert data["assessments"][0]["completed_at"]
    assert result.rstrip("/").rsplit("/", 1)[1] in json.dumps(data)
    assert "Να γράψω το βιογραφικό μου" in html

    # Deleting the account: the password, the box, and everything is gone; the address cannot log in any more.
    page.goto(portal_url + "/el/my/data/delete/")
    page.fill("input[name=password]", PASSWORD)
    page.check("input[name=understand]")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(portal_url + "/el/")
    assert page.locator(".messages").count() == 1
    page.goto(portal_url + "/el/accounts/login/")
    page.fill("input[name=login]", address)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.startswith(portal_url + "/el/accounts/login/")


def tab_to(page, selector, limit=250, predicate="(selector) => document.activeElement.matches(selector)"):
    """Press Tab until the focused element matches `selector`, as a keyboard user moves through a page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate, selector):
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


IN_RADIO_GROUP = """(number) => {
    const groups = [...document.querySelectorAll("main form fieldset")].filter((f) => f.querySelector("[type=radio]"));
    return document.activeElement.type === "radio" && groups[number].contains(document.activeElement);
}"""


def test_a_turkish_visitor_does_it_with_the_keyboard_alone(page, portal_url):
    address = new_email("ayse")
    page.goto(portal_url + "/tr/")
    tab_to(page, ".account-links a[href='/tr/accounts/signup/']")
    page.keyboard.press("Enter")
    page.wait_for_url(portal_url + "/tr/accounts/signup/")
    for selector, text in [("input[name=email]", address), ("input[name=password1]", PASSWORD)]:
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "input[name=password2]")
    page.keyboard.type(PASSWORD)
    for selector in ["input[name=accept_privacy]", "input[name=confirm_consent]"]:
        tab_to(page, selector)
        page.keyboard.press("Space")
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(portal_url + "/tr/accounts/confirm-email/")

    email, link = confirmation_link(portal_url, address, "tr")
    assert TURKISH.search(email), email
    page.goto(link)  # the link from the e-mail, as pasted into the address bar
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(portal_url + "/tr/my/")

    # The self-assessment: each group of levels is reached with Tab and answered with the arrow keys.
    tab_to(page, "main a[href='/tr/my/assessment/']")
    page.keyboard.press("Enter")
    page.wait_for_url(portal_url + "/tr/my/assessment/")
    tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for _area in range(10):
        page.wait_for_url(re.compile(r".*/tr/my/assessment/[0-9a-f-]+/(area/\d+/)?$"))
        if "/area/" not in page.url:
            break
        groups = page.locator("main form fieldset:has(input[type=radio])").count()
        for number in range(groups):
            tab_to(page, number, predicate=IN_RADIO_GROUP)
            page.keyboard.press("ArrowDown")  # moves to the next level and checks it
            assert page.evaluate("document.activeElement.checked")
        tab_to(page, "main form button.assessment-button[type=submit]")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        raise AssertionError("the assessment never ended")
    assert page.locator("main svg[role=img]").count() == 1
    assert page.locator("html").get_attribute("lang") == "tr"

    # The first step of the path marked done, then logging out: all from the keyboard.
    page.goto(portal_url + "/tr/my/")
    tab_to(page, ".dashboard__path a.button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/tr/open-platform/improving-my-cms/[^/]+/$"))
    tab_to(page, "form:has(input[name=done][value='1']) button")
    page.keyboard.press("Enter")
    page.wait_for_selector("form:has(input[name=done][value='0'])")
    tab_to(page, ".account-links form button")
    page.keyboard.press("Enter")
    page.wait_for_url(portal_url + "/tr/")
    assert page.locator(".account-links a[href='/tr/accounts/login/']").count() == 1


ACCOUNT_PAGES = ["accounts/login/", "accounts/signup/", "accounts/password/reset/"]
SIGNED_IN_ACCOUNT_PAGES = ["accounts/email/", "accounts/password/change/", "accounts/2fa/"]
SPACE_PAGES = [
    "my/",
    "my/assessment/",
    "my/profile/",
    "my/suggestions/",
    "my/reflections/",
    "my/reflections/new/",
    "my/goals/",
    "my/goals/new/",
    "my/goals/plan/",
    "my/data/",
    "my/data/delete/",
]


def axe_violations(page, url):
    page.goto(url)
    page.evaluate(AXE_SOURCE)
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    assert result["passes"], f"axe checked nothing on {url}"
    return [f"{v['id']} ({len(v['nodes'])}): {v['help']}" for v in result["violations"]]


def test_axe_finds_no_wcag_21_aa_violation_on_the_platforms_pages(page, portal_url):
    """The account pages, anonymous and signed in, and every page of the learner's space (an assessment's area and
    result, a reflection and a goal included), in every language."""
    report = {}
    for language in LANGUAGE_CODES:
        for path in ACCOUNT_PAGES:
            if violations := axe_violations(page, f"{portal_url}/{language}/{path}"):
                report[f"/{language}/{path}"] = violations

    address = new_email("axe")
    sign_up(page, portal_url, "en", address)
    verify(page, portal_url, "en", address)
    result = take_assessment(page, portal_url, "en")
    assessment = result.rstrip("/").rsplit("/", 1)[1]
    page.goto(portal_url + "/en/my/reflections/new/")
    page.fill("textarea[name=text]", "What I expect from next year.")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(portal_url + "/en/my/goals/new/")
    page.fill("input[name=title]", "Find an apprenticeship")
    page.locator("main form button[type=submit]:not([name=more])").click()
    page.wait_for_load_state()
    own = [f"my/assessment/{assessment}/", f"my/assessment/{assessment}/area/1/"]
    page.goto(portal_url + "/en/my/reflections/")
    own.append(
        page.locator("main a[href*='/my/reflections/'][href$='/']:not([href$='/new/'])").first.get_attribute("href")[4:]
    )
    page.goto(portal_url + "/en/my/goals/")
    own.append(
        page.locator(
            "main a[href*='/my/goals/'][href$='/']:not([href$='/new/']):not([href$='/plan/'])"
        ).first.get_attribute("href")[4:]
    )

    paths = [*SIGNED_IN_ACCOUNT_PAGES, *SPACE_PAGES, *own]
    for language in LANGUAGE_CODES:
        for path in paths:
            if violations := axe_violations(page, f"{portal_url}/{language}/{path}"):
                report[f"/{language}/{path}"] = violations
    assert len(paths) == 18
    assert report == {}
