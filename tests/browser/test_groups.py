"""Practitioner groups in a real browser: the demo practitioner creates a group in Spanish and invites; a visitor
signs up through the invitation's link and joins at once, takes the self-assessment and shares it with the group;
the practitioner sees the progress and comments; the learner reads the feedback. Then axe-core on every page of the
groups in Spanish and Greek."""

import re

import pytest

from tests.browser.test_learners import PASSWORD, axe_violations, confirmation_link, new_email, take_assessment

pytestmark = pytest.mark.browser

PRACTITIONER = "practitioner@example.com"
DEMO_PASSWORD = "leader-demo"  # noqa: S105 - load_demo's demo accounts
UUID = r"[0-9a-f-]{36}"


def log_in(page, portal_url, language, email, password):
    page.goto(f"{portal_url}/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def submit(page, selector="main form.journal-form button[type=submit]"):
    with page.expect_navigation():
        page.locator(selector).first.click()


@pytest.fixture(scope="module")
def journey(browser, portal_url):
    """The whole journey once; returns the addresses it went through, for the axe test."""
    practitioner = browser.new_context().new_page()
    log_in(practitioner, portal_url, "es", PRACTITIONER, DEMO_PASSWORD)
    practitioner.goto(f"{portal_url}/es/my/groups/")
    practitioner.locator("main a[href='/es/my/groups/new/']").click()
    practitioner.fill("input[name=name]", "Grupo del martes")
    practitioner.select_option("select[name=language]", "es")
    practitioner.fill("textarea[name=description]", "Seguimos el itinerario juntos.")
    submit(practitioner)
    assert re.search(rf"/es/my/groups/{UUID}/invitations/$", practitioner.url)
    group_url = practitioner.url.removesuffix("invitations/")
    submit(practitioner)
    link = practitioner.locator("main input[readonly]").first.input_value()
    assert "/es/my/groups/invite/" in link

    learner = browser.new_context().new_page()
    address = new_email("grupo")
    learner.goto(link)
    learner.locator("main a[href^='/es/accounts/signup/']").click()
    learner.fill("input[name=email]", address)
    learner.fill("input[name=password1]", PASSWORD)
    learner.fill("input[name=password2]", PASSWORD)
    learner.check("input[name=accept_privacy]")
    learner.check("input[name=confirm_consent]")
    submit(learner, "main form button[type=submit]")
    _text, confirm = confirmation_link(portal_url, address, "es")
    learner.goto(confirm)
    submit(learner, "main form button[type=submit]")
    learner.goto(f"{portal_url}/es/my/groups/")
    learner.locator("main a", has_text="Grupo del martes").click()
    assert learner.url == group_url

    take_assessment(learner, portal_url, "es")
    learner.goto(group_url + "share/")
    learner.check("input[name=audience][value=group]")
    submit(learner)
    share_url = learner.url
    assert re.search(rf"/shares/{UUID}/$", share_url)

    practitioner.goto(group_url)
    row = practitioner.locator("table.group-progress tbody tr").first
    assert address.split("@")[0] in row.inner_text()
    practitioner.locator(f"main a[href='{share_url.removeprefix(portal_url)}']").click()
    practitioner.fill("textarea[name=text]", "Buen trabajo: ¿qué probarías ahora?")
    submit(practitioner)

    learner.goto(share_url)
    assert "Buen trabajo: ¿qué probarías ahora?" in learner.locator("main .group-comments").inner_text()
    paths = [
        group_url,
        group_url + "feed/",
        group_url + "invitations/",
        group_url + "edit/",
        share_url,
        "/es/my/groups/",
        "/es/my/groups/new/",
        "/es/my/groups/join/",
    ]
    yield {"practitioner": practitioner, "learner": learner, "paths": paths, "link": link}
    practitioner.context.close()
    learner.context.close()


def test_the_learner_who_signed_up_through_the_invitation_reads_the_practitioners_feedback(journey):
    assert "Buen trabajo" in journey["learner"].content()


def test_axe_finds_no_wcag_21_aa_violation_on_the_groups_pages_in_spanish_and_greek(journey, portal_url):
    report = {}
    practitioner, learner = journey["practitioner"], journey["learner"]
    for language in ["es", "el"]:
        for path in journey["paths"]:
            path = path.removeprefix(portal_url).replace("/es/", f"/{language}/", 1)
            if violations := axe_violations(practitioner, f"{portal_url}{path}"):
                report[f"practitioner {path}"] = violations
        for path in [journey["paths"][0], journey["paths"][1], journey["paths"][4]]:
            path = path.removeprefix(portal_url).replace("/es/", f"/{language}/", 1)
            if violations := axe_violations(learner, f"{portal_url}{path}"):
                report[f"member {path}"] = violations
        member_pages = [f"/{language}/my/groups/{journey['paths'][0].rstrip('/').rsplit('/', 1)[1]}/share/"]
        member_pages.append(f"/{language}/my/groups/{journey['paths'][0].rstrip('/').rsplit('/', 1)[1]}/leave/")
        for path in member_pages:
            if violations := axe_violations(learner, f"{portal_url}{path}"):
                report[f"member {path}"] = violations
        invitation = journey["link"].removeprefix(portal_url).replace("/es/", f"/{language}/", 1)
        anonymous = practitioner.context.browser.new_context().new_page()
        if violations := axe_violations(anonymous, f"{portal_url}{invitation}"):
            report[f"anonymous {invitation}"] = violations
        anonymous.context.close()
    assert report == {}
