"""The translation journey in a real browser: an English page becomes a published Greek page through review.

The Greek editor and moderator read the admin in Greek (their preferred language), so their buttons are found by
their Greek names: from the catalogues the server reads, and, for the translation editor's JavaScript, from
locale-admin/el/LC_MESSAGES/djangojs.po.
"""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "leader-demo"
TITLE = "Council Resolutions on lifelong guidance"
SUMMARY = "What the 2004 and 2008 resolutions ask of guidance services."
GREEK_TITLE = "Ψηφίσματα του Συμβουλίου για τη δια βίου καθοδήγηση"
GREEK_SUMMARY = "Τι ζητούν τα ψηφίσματα του 2004 και του 2008 από τις υπηρεσίες καθοδήγησης."


def greek(message):
    with translation.override("el"):
        return gettext(message)


def sign_in(browser, portal_url, username):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(f"{portal_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{portal_url}/admin/")
    return context, page


def english_home_id(page, portal_url):
    answer = page.request.get(f"{portal_url}/admin/api/main/pages/?type=home.HomePage&slug=leader")
    return next(item["id"] for item in answer.json()["items"] if item["meta"]["html_url"].endswith("/en/"))


def test_greek_translation_through_review(browser, portal_url):
    # The coordinator publishes a new English page.
    context, page = sign_in(browser, portal_url, "coordinator")
    home = english_home_id(page, portal_url)
    page.goto(f"{portal_url}/admin/pages/add/home/contentpage/{home}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", SUMMARY)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"{portal_url}/admin/pages/{home}/")
    context.close()

    # The Greek editor finds it among the untranslated pages and translates it.
    context, page = sign_in(browser, portal_url, "editor-el")
    panel = page.locator("#editorial-translation-status-content, [id^=editorial-translation-status]").first
    panel.locator('a[href*="language=el&state=untranslated"]').click()
    row = page.locator("tr", has_text=TITLE)
    row.get_by_role("link", name=greek("Translate into %(language)s") % {"language": "Ελληνικά"}).click()
    page.wait_for_url(re.compile(r".*/admin/localize/submit/page/\d+/.*"))
    assert page.locator('input[name="locales"]').count() == 1  # only Greek is offered
    page.get_by_role("button", name=greek("Submit")).click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    edit_url = page.url

    # Sent too early: the server refuses, names what is missing and keeps the translator on the editor.
    summary = page.locator("[data-editorial-progress-summary]")
    progress = greek("%(done)s of %(total)s strings translated into %(language)s.")
    assert summary.inner_text() == progress % {"done": 0, "total": 2, "language": "Ελληνικά"}
    page.get_by_role("button", name=greek("Send for review")).click()
    page.wait_for_url(edit_url)
    message = page.locator(".messages").inner_text().strip()
    assert message.startswith(greek("The page was not sent for review.") + " 2 ")

    # Translated by hand, string by string: each save reaches the panel's count without a reload.
    for done, (source, translated) in enumerate(((TITLE, GREEK_TITLE), (SUMMARY, GREEK_SUMMARY)), start=1):
        segment = page.locator("li.incomplete", has_text=source).first
        segment.get_by_role("button", name="Μετάφραση").click()
        segment.locator("textarea").fill(translated)
        segment.get_by_role("button", name="Αποθήκευση").click()
        page.locator("li", has_text=translated).first.wait_for()
        expect(summary).to_have_text(progress % {"done": done, "total": 2, "language": "Ελληνικά"})
    expect(page.locator("[data-editorial-progress-missing]")).to_be_hidden()
    assert "Δημοσίευση στα" not in page.content()  # editors cannot publish ("Publish in")
    page.get_by_role("button", name=greek("Send for review")).click()
    page.wait_for_url(edit_url)
    sent = greek("'%(title)s' in %(language)s has been sent for review.").rsplit("%(language)s", 1)[-1]
    assert page.locator(".messages").inner_text().strip().endswith(sent)

    # In review, the editor's main action is to look at the translation status, not wagtail-localize's Delete.
    footers = page.locator("footer.footer:visible")
    expect(footers).to_have_count(1)
    main = footers.locator("[data-editorial-main-action]")
    expect(main).to_have_text(greek("Translation status"))
    assert greek("Delete") not in footers.locator(".w-dropdown-button > :first-child").first.inner_text()
    footers.get_by_role("button", name=greek("More actions")).click()
    # The menu's buttons stay inside the footer's form when the menu opens, so that they post.
    expect(footers.locator("form").get_by_role("button", name=greek("Stop synced translation"))).to_be_visible()
    expect(footers.get_by_role("link", name=greek("Delete"))).to_be_visible()
    context.close()

    # Another country's moderator is not asked; the Greek moderator approves from the dashboard.
    context, page = sign_in(browser, portal_url, "moderator-es")
    assert GREEK_TITLE not in page.content()
    context.close()
    context, page = sign_in(browser, portal_url, "moderator-el")
    review = page.locator("tr", has_text=GREEK_TITLE)
    review.get_by_role("button", name=greek("Actions")).click()
    with page.expect_navigation():
        review.get_by_role("button", name=greek("Approve"), exact=True).click()
    assert GREEK_TITLE not in page.locator("main").inner_text().split(greek("Awaiting your review"))[-1]
    context.close()

    visitor = browser.new_context()
    public = visitor.new_page()
    response = public.goto(f"{portal_url}/el/council-resolutions-on-lifelong-guidance/")
    assert response.status == 200
    assert public.locator("h1").inner_text() == GREEK_TITLE
    visitor.close()
