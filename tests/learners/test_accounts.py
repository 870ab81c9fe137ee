"""Public accounts: allauth's pages in the portal's layout, sign-up with its consents, e-mails in the reader's
language, rate limits, the admin kept closed to learners, two-factor authentication, and caching."""

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import translation

from home.factories import LocaleFactory, copy_translation
from learners.factories import LEARNER_PASSWORD, LearnerFactory
from learners.models import LearnerProfile

User = get_user_model()
NEW_PASSWORD = "another-long-passphrase-42"
SIGNUP = {
    "email": "maria@example.org",
    "password1": NEW_PASSWORD,
    "password2": NEW_PASSWORD,
    "accept_privacy": "on",
    "confirm_consent": "on",
}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return " ".join(element.get_text(" ").split())


def signed_in_id(client):
    return client.session.get("_auth_user_id")


def log_in(client, user, path="/en/accounts/login/", password=LEARNER_PASSWORD):
    """A real log-in through allauth's form (force_login skips allauth's records of how the learner signed in)."""
    return client.post(path, {"login": user.email, "password": password})


def link_in(message, path_start):
    """The first link of an e-mail whose path starts with `path_start`."""
    match = re.search(r"https?://[^/\s]+(" + re.escape(path_start) + r"\S*)", message.body)
    assert match, f"no link under {path_start} in:\n{message.body}"
    return match.group(1)


def in_language(code, text):
    with translation.override(code):
        return translation.gettext(text)


def totp_code(secret):
    """The authenticator app's code now (RFC 6238: HMAC-SHA1 of the 30-second counter, six digits), computed by hand.

    Within two seconds of the next period it waits for that period, so the code is still current when it arrives.
    """
    if time.time() % 30 > 28:
        time.sleep(30 - time.time() % 30 + 0.05)
    counter = int(time.time()) // 30
    digest = hmac.new(base64.b32decode(secret, casefold=True), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def assert_accessible_page(response):
    """One <h1>, a <title>, every field labelled, every error named by its field's aria-describedby, no inline style
    or script, and the portal's own chrome around the page."""
    assert response.status_code == 200
    page = soup(response)
    assert len(page.find_all("h1")) == 1, [text_of(h) for h in page.find_all("h1")]
    title = text_of(page.title)
    assert title.endswith("| " + in_language(translation.get_language(), "LE.A.DE.R Career Management Skills"))
    assert title.split("|")[0].strip(), "the page has no title of its own"
    assert page.select_one("header.site-header") and page.select_one("main#main")
    for field in page.select("main input, main select, main textarea"):
        if field.get("type") == "hidden":
            continue
        assert field.get("id") and page.select_one(f'label[for="{field["id"]}"]'), f"unlabelled: {field}"
        described = field.get("aria-describedby", "").split()
        assert all(page.find(id=ref) for ref in described), f"aria-describedby names a missing id: {field}"
    for error_list in page.select("main .errorlist[id]"):
        field = page.select_one(f'[aria-describedby~="{error_list["id"]}"]')
        assert field is not None and field.get("aria-invalid") == "true", f"an error beside no field: {error_list}"
    for button in page.select("main button"):
        assert text_of(button), f"a button without text: {button}"
    html = response.content.decode()
    assert "style=" not in html and "<style" not in html
    assert "<script" not in html
    return page


ANONYMOUS_PAGES = [
    "/en/accounts/signup/",
    "/en/accounts/login/",
    "/en/accounts/password/reset/",
    "/en/accounts/password/reset/done/",
    "/en/accounts/confirm-email/",
    "/en/accounts/confirm-email/not-a-key/",
    "/en/accounts/password/reset/key/1-not-a-key/",
    "/el/accounts/signup/",
    "/tr/accounts/login/",
]
SIGNED_IN_PAGES = [
    "/en/accounts/email/",
    "/en/accounts/password/change/",
    "/en/accounts/logout/",
    "/en/accounts/reauthenticate/",
    "/en/accounts/2fa/",
    "/el/accounts/email/",
    "/tr/accounts/2fa/",
]


class TestPages:
    @pytest.mark.parametrize("path", ANONYMOUS_PAGES)
    def test_pages_for_visitors_are_in_the_portals_layout_and_accessible(self, client, platform, path):
        page = assert_accessible_page(client.get(path))
        assert page.html["lang"] == path.split("/")[1]

    @pytest.mark.parametrize("path", SIGNED_IN_PAGES)
    def test_pages_of_a_signed_in_learner_are_in_the_portals_layout_and_accessible(
        self, client, platform, learner, path
    ):
        log_in(client, learner)
        page = assert_accessible_page(client.get(path))
        assert page.html["lang"] == path.split("/")[1]

    def test_account_pages_have_a_navigation_that_marks_the_current_one(self, client, platform, learner):
        log_in(client, learner)
        page = soup(client.get("/en/accounts/password/change/"))
        navigation = page.select_one("main nav.account-nav")
        links = {text_of(a): (a["href"], a.get("aria-current")) for a in navigation.select("a")}
        assert links == {
            "Email address": ("/en/accounts/email/", None),
            "Password": ("/en/accounts/password/change/", "page"),
            "Two-factor authentication": ("/en/accounts/2fa/", None),
            "My space": ("/en/my/", None),
        }
        log_out = navigation.select_one("form")
        assert log_out["method"] == "post" and log_out["action"] == "/en/accounts/logout/"
        assert text_of(log_out.button) == "Log out"
        # A page below two-factor authentication marks its section.
        reauthenticate = client.post("/en/accounts/reauthenticate/", {"password": LEARNER_PASSWORD})
        assert reauthenticate.status_code == 302
        page = soup(client.get("/en/accounts/2fa/totp/activate/"))
        current = page.select_one('nav.account-nav a[aria-current="true"]')
        assert current["href"] == "/en/accounts/2fa/"

    def test_totp_activation_page_shows_the_qr_code_as_an_image_with_a_text_alternative(self, client, learner):
        log_in(client, learner)
        client.post("/en/accounts/reauthenticate/", {"password": LEARNER_PASSWORD})
        response = client.get("/en/accounts/2fa/totp/activate/")
        page = assert_accessible_page(response)
        image = page.select_one("main img.qr-code")
        assert image["src"].startswith("data:image/svg+xml;base64,")
        assert image["alt"] == "QR code for your authenticator app"
        assert page.select_one("#authenticator_secret")["value"] not in image["alt"]
        assert "img-src 'self' data:" in response.headers["Content-Security-Policy"]

    def test_messages_show_in_a_status_region(self, client, platform, learner):
        response = log_in(client, learner)
        assert response.status_code == 302
        page = soup(client.get("/en/accounts/email/"))
        region = page.select_one('main [role="status"]')
        assert region is not None
        assert text_of(region) == f"Successfully signed in as {learner.email}."

    def test_log_out_returns_to_the_home_page_in_the_readers_language(self, client, learner):
        log_in(client, learner, path="/el/accounts/login/")
        response = client.post("/el/accounts/logout/")
        assert response.status_code == 302
        assert response["Location"] == "/el/"
        assert signed_in_id(client) is None

    def test_rate_limit_page_is_in_the_portals_layout_and_language(self, client, platform):
        for _ in range(30):
            client.post("/tr/accounts/login/", {"login": "nobody@example.org", "password": "wrong"})
        response = client.post("/tr/accounts/login/", {"login": "nobody@example.org", "password": "wrong"})
        assert response.status_code == 429
        page = soup(response)
        assert page.html["lang"] == "tr"
        assert text_of(page.h1) == in_language("tr", "Too many attempts")


class TestSignup:
    def test_signup_creates_the_account_and_profile_and_sends_a_greek_verification_email(self, client, platform):
        response = client.post("/el/accounts/signup/", SIGNUP)
        assert response.status_code == 302
        assert response["Location"] == "/el/accounts/confirm-email/"
        user = User.objects.get(email="maria@example.org")
        assert not EmailAddress.objects.get(user=user).verified
        profile = LearnerProfile.objects.get(user=user)
        assert profile.language == "el"
        assert profile.privacy_accepted_at and profile.consent_confirmed_at
        assert signed_in_id(client) is None  # verification is mandatory

        [message] = mail.outbox
        assert message.to == ["maria@example.org"]
        subject = in_language("el", "Please Confirm Your Email Address")
        assert subject != "Please Confirm Your Email Address"
        assert message.subject == f"[LE.A.DE.R] {subject}"
        assert in_language("el", "Hello from %(site_name)s!") % {"site_name": "LE.A.DE.R"} in message.body
        assert "maria@example.org" in message.body  # the account is named by its e-mail address

        confirm = link_in(message, "/el/accounts/confirm-email/")
        page = soup(client.get(confirm))
        assert page.html["lang"] == "el"
        response = client.post(confirm)
        assert response.status_code == 302
        assert response["Location"] == "/el/my/"
        assert EmailAddress.objects.get(user=user).verified
        assert signed_in_id(client) == str(user.pk)

    @pytest.mark.parametrize(
        ("missing", "message"),
        [
            ("accept_privacy", "Please read the privacy notice and accept it to create an account."),
            ("confirm_consent", "Please confirm that you may consent, or that your practitioner invited you."),
        ],
        ids=["privacy-notice", "consent"],
    )
    def test_signup_without_a_consent_fails_beside_that_box_and_creates_nothing(
        self, client, platform, missing, message
    ):
        data = {key: value for key, value in SIGNUP.items() if key != missing}
        response = client.post("/en/accounts/signup/", data)
        page = assert_accessible_page(response)
        box = page.select_one(f"#id_{missing}")
        assert box["aria-invalid"] == "true"
        errors = page.select_one(f"#id_{missing}_error")
        assert text_of(errors) == message
        assert f"id_{missing}_error" in box["aria-describedby"].split()
        # The error sits in the same field group as its box.
        assert errors.find_parent(class_="field") is box.find_parent(class_="field")
        assert not User.objects.exists()
        assert not EmailAddress.objects.exists()
        assert not LearnerProfile.objects.exists()
        assert mail.outbox == []

    def test_signup_links_the_privacy_notice_in_the_readers_language(self, client, platform):
        greek = LocaleFactory(language_code="el")
        copy_translation(platform.framework.home, greek)
        greek_notice = copy_translation(platform.privacy, greek)
        english = soup(client.get("/en/accounts/signup/"))
        greek_page = soup(client.get("/el/accounts/signup/"))
        for page, notice in [(english, platform.privacy), (greek_page, greek_notice)]:
            help_text = page.select_one("#id_accept_privacy_helptext")
            assert "id_accept_privacy_helptext" in page.select_one("#id_accept_privacy")["aria-describedby"]
            assert help_text.a["href"] == notice.url
        assert greek_notice.url.startswith("/el/")

    def test_signup_falls_back_to_the_english_privacy_notice(self, client, platform):
        page = soup(client.get("/tr/accounts/signup/"))
        assert page.select_one("#id_accept_privacy_helptext a")["href"] == platform.privacy.url

    def test_signup_with_an_existing_address_reveals_nothing_and_creates_nothing(self, client, platform, learner):
        response = client.post("/en/accounts/signup/", {**SIGNUP, "email": learner.email})
        assert response.status_code == 302
        assert response["Location"] == "/en/accounts/confirm-email/"
        assert User.objects.count() == 1
        [message] = mail.outbox
        assert message.to == [learner.email]


class TestEmailsInTheReadersLanguage:
    def test_password_reset_in_greek(self, client, platform, learner):
        response = client.post("/el/accounts/password/reset/", {"email": learner.email})
        assert response.status_code == 302
        assert response["Location"] == "/el/accounts/password/reset/done/"
        [message] = mail.outbox
        assert message.subject == "[LE.A.DE.R] " + in_language("el", "Password Reset Email")
        reset = link_in(message, "/el/accounts/password/reset/key/")
        form_page = client.get(reset)
        assert form_page.status_code == 302  # allauth moves the key out of the address
        form_url = form_page["Location"]
        assert form_url.startswith("/el/accounts/password/reset/key/")
        page = assert_accessible_page(client.get(form_url))
        assert page.html["lang"] == "el"
        done = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
        assert done["Location"] == "/el/accounts/password/reset/key/done/"
        assert_accessible_page(client.get(done["Location"]))
        assert log_in(client, learner, password=NEW_PASSWORD)["Location"] == "/en/my/"

    def test_email_change_in_greek(self, client, platform, learner):
        log_in(client, learner, path="/el/accounts/login/")
        response = client.post("/el/accounts/email/", {"action_add": "", "email": "new-address@example.org"})
        assert response.status_code == 302
        [message] = mail.outbox
        assert message.to == ["new-address@example.org"]
        assert message.subject == "[LE.A.DE.R] " + in_language("el", "Please Confirm Your Email Address")
        # While the change waits, the page offers to send the e-mail again or cancel, through a hidden form.
        page = assert_accessible_page(client.get("/el/accounts/email/"))
        pending = page.select_one("form#pending-email")
        assert pending.has_attr("hidden") and pending.select_one('input[name="email"]')["value"] == message.to[0]
        assert page.select_one('button[form="pending-email"][name="action_send"]')
        confirm = link_in(message, "/el/accounts/confirm-email/")
        page = assert_accessible_page(client.get(confirm))
        # allauth signs the key it shows again, with the time of the page: a second later, it is another key.
        assert page.select_one('main form[action^="/el/accounts/confirm-email/"] button')
        client.post(confirm)
        learner.refresh_from_db()
        assert learner.email == "new-address@example.org"
        assert not EmailAddress.objects.filter(email=learner.email, verified=False).exists()

    def test_the_page_the_learner_uses_decides_the_language_not_the_profile(self, client, platform, learner):
        LearnerProfile.objects.filter(user=learner).update(language="el")
        client.post("/tr/accounts/password/reset/", {"email": learner.email})
        [message] = mail.outbox
        assert message.subject == "[LE.A.DE.R] " + in_language("tr", "Password Reset Email")
        link_in(message, "/tr/accounts/password/reset/key/")


class TestLogin:
    def test_login_goes_to_the_learners_space(self, client, platform, learner):
        response = log_in(client, learner)
        assert response.status_code == 302
        assert response["Location"] == "/en/my/"
        assert signed_in_id(client) == str(learner.pk)

    def test_unverified_email_is_refused_with_the_verification_page_and_no_session(self, client, platform):
        learner = LearnerFactory(verified=False)
        response = log_in(client, learner)
        assert response.status_code == 302
        assert response["Location"] == "/en/accounts/confirm-email/"
        assert signed_in_id(client) is None
        page = soup(client.get(response["Location"]))
        assert text_of(page.h1) == "Verify Your Email Address"
        assert signed_in_id(client) is None
        [message] = mail.outbox  # the verification e-mail is sent again
        assert message.to == [learner.email]

    def test_failed_logins_are_rate_limited_then_answered_429(self, client, platform, learner):
        wrong = {"login": learner.email, "password": "not-the-password"}
        for _ in range(5):
            response = client.post("/en/accounts/login/", wrong)
            assert response.status_code == 200
            assert "The email address and/or password you specified are not correct." in text_of(soup(response))
        # The sixth attempt is refused even with the right password.
        response = log_in(client, learner)
        assert response.status_code == 200
        assert "Too many failed login attempts. Try again later." in text_of(soup(response))
        assert signed_in_id(client) is None
        for _ in range(30 - 6):
            client.post("/en/accounts/login/", wrong)
        response = client.post("/en/accounts/login/", wrong)
        assert response.status_code == 429
        assert signed_in_id(client) is None


class TestAdminIsClosedToLearners:
    @pytest.mark.parametrize("login", ["email", "username"])
    def test_learner_logging_in_at_the_admin_is_refused_like_a_wrong_password(self, client, learner, login):
        wrong = client.post("/admin/login/", {"username": learner.email, "password": "wrong-password"})
        response = client.post("/admin/login/", {"username": getattr(learner, login), "password": LEARNER_PASSWORD})
        assert response.status_code == 200
        assert signed_in_id(client) is None
        assert "sessionid" not in response.cookies
        errors = [text_of(e) for e in soup(response).select(".messages li.error")]
        assert errors == [text_of(e) for e in soup(wrong).select(".messages li.error")]
        assert errors == ["Your username and password didn't match. Please try again."]

    def test_signed_in_learner_is_not_let_into_the_admin(self, client, learner):
        log_in(client, learner)
        assert signed_in_id(client) == str(learner.pk)
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
        response = client.get("/admin/pages/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")

    def test_editor_still_logs_in_at_the_admin(self, client, db):
        editor = User.objects.create_user("editor", "editor@example.org", "editor-passphrase-1")
        editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
        response = client.post("/admin/login/", {"username": "editor", "password": "editor-passphrase-1"})
        assert response.status_code == 302
        assert signed_in_id(client) == str(editor.pk)
        assert client.get("/admin/").status_code == 200


class TestTwoFactor:
    def test_totp_activation_then_login_asks_for_the_code_and_a_recovery_code_works_once(self, client, learner):
        log_in(client, learner)
        assert client.post("/en/accounts/reauthenticate/", {"password": LEARNER_PASSWORD}).status_code == 302
        page = soup(client.get("/en/accounts/2fa/totp/activate/"))
        secret = page.select_one("#authenticator_secret")["value"]
        not_the_code = "000000" if totp_code(secret) != "000000" else "111111"
        wrong = client.post("/en/accounts/2fa/totp/activate/", {"code": not_the_code})
        assert wrong.status_code == 200
        assert soup(wrong).select_one("#id_code")["aria-invalid"] == "true"
        response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
        assert response.status_code == 302
        assert Authenticator.objects.filter(user=learner, type=Authenticator.Type.TOTP).exists()
        codes_page = assert_accessible_page(client.get("/en/accounts/2fa/recovery-codes/"))
        recovery_codes = codes_page.select_one("#recovery_codes").get_text().split()
        assert len(recovery_codes) == 10
        download = client.get("/en/accounts/2fa/recovery-codes/download/")
        assert download["Content-Type"].startswith("text/plain")
        assert "attachment" in download["Content-Disposition"]
        assert download.content.decode().split() == recovery_codes
        for path in [
            "/en/accounts/2fa/",
            "/en/accounts/2fa/recovery-codes/generate/",
            "/en/accounts/2fa/totp/deactivate/",
        ]:
            assert_accessible_page(client.get(path))
        client.post("/en/accounts/logout/")

        # The password alone no longer signs in: allauth asks for the code.
        response = log_in(client, learner)
        assert response["Location"] == "/en/accounts/2fa/authenticate/"
        assert signed_in_id(client) is None
        page = assert_accessible_page(client.get("/en/accounts/2fa/authenticate/"))
        assert page.select_one("#id_code")
        response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
        assert response["Location"] == "/en/my/"
        assert signed_in_id(client) == str(learner.pk)
        client.post("/en/accounts/logout/")

        # A recovery code instead of the app's code, once.
        log_in(client, learner)
        response = client.post("/en/accounts/2fa/authenticate/", {"code": recovery_codes[0]})
        assert response["Location"] == "/en/my/"
        assert signed_in_id(client) == str(learner.pk)
        client.post("/en/accounts/logout/")
        log_in(client, learner)
        response = client.post("/en/accounts/2fa/authenticate/", {"code": recovery_codes[0]})
        assert response.status_code == 200
        assert soup(response).select_one("#id_code")["aria-invalid"] == "true"
        assert signed_in_id(client) is None

    def test_totp_can_be_deactivated(self, client, learner):
        log_in(client, learner)
        client.post("/en/accounts/reauthenticate/", {"password": LEARNER_PASSWORD})
        secret = soup(client.get("/en/accounts/2fa/totp/activate/")).select_one("#authenticator_secret")["value"]
        client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
        response = client.post("/en/accounts/2fa/totp/deactivate/")
        assert response.status_code == 302
        assert not Authenticator.objects.filter(user=learner).exists()
        client.post("/en/accounts/logout/")
        assert log_in(client, learner)["Location"] == "/en/my/"

    def test_the_admin_login_does_not_skip_two_factor(self, client, learner):
        log_in(client, learner)
        client.post("/en/accounts/reauthenticate/", {"password": LEARNER_PASSWORD})
        secret = soup(client.get("/en/accounts/2fa/totp/activate/")).select_one("#authenticator_secret")["value"]
        client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
        client.post("/en/accounts/logout/")
        client.post("/admin/login/", {"username": learner.email, "password": LEARNER_PASSWORD})
        assert signed_in_id(client) is None


class TestCaching:
    def test_account_pages_of_a_signed_in_learner_are_private_and_not_stored(self, client, platform, learner):
        log_in(client, learner)
        for path in ["/en/accounts/email/", "/en/accounts/2fa/", "/en/accounts/password/change/"]:
            cache_control = client.get(path)["Cache-Control"]
            assert "private" in cache_control and "no-store" in cache_control, path

    def test_anonymous_public_page_stays_cacheable_with_log_in_and_sign_up_links(self, client, platform):
        response = client.get(platform.section.url)
        assert response.status_code == 200
        assert "Cookie" not in response.get("Vary", "")
        assert "Set-Cookie" not in response.headers and not response.cookies
        assert "private" not in response.get("Cache-Control", "")
        links = {text_of(a): a["href"] for a in soup(response).select("header .account-links a")}
        assert links == {"Log in": "/en/accounts/login/", "Sign up": "/en/accounts/signup/"}
        assert not soup(response).select('[role="status"]')

    def test_signed_in_reader_sees_my_space_and_a_log_out_button(self, client, platform, learner):
        log_in(client, learner)
        client.get("/en/accounts/email/")  # shows the "signed in" message, once
        response = client.get(platform.section.url)
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        account = soup(response).select_one("header .account-links")
        links = {text_of(a): a["href"] for a in account.select("a")}
        assert links == {"My space": "/en/my/", "My groups": "/en/my/groups/"}
        form = account.select_one("form")
        assert form["method"] == "post" and form["action"] == "/en/accounts/logout/"
        assert form.select_one('input[name="csrfmiddlewaretoken"]')["value"]
        assert text_of(form.button) == "Log out"
