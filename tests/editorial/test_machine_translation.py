"""Machine translation chosen by environment, and the LibreTranslate path against a fake server on loopback."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects
from wagtail_localize.models import StringTranslation, Translation

from portal.settings.base import translator_settings


def test_nothing_configured_means_no_machine_translation():
    assert translator_settings({}) is None
    assert translator_settings({"DEEPL_AUTH_KEY": " ", "LIBRETRANSLATE_URL": ""}) is None


def test_deepl_key_selects_deepl():
    config = translator_settings({"DEEPL_AUTH_KEY": "abc:fx", "LIBRETRANSLATE_URL": "http://127.0.0.1:5000"})
    assert config["CLASS"] == "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    assert config["OPTIONS"]["AUTH_KEY"] == "abc:fx"


def test_libretranslate_url_and_optional_key():
    config = translator_settings({"LIBRETRANSLATE_URL": "http://mt.internal:5000/"})
    assert config["CLASS"] == "editorial.machine_translation.SelfHostedLibreTranslator"
    assert config["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://mt.internal:5000"
    assert config["OPTIONS"]["API_KEY"] == ""
    keyed = translator_settings({"LIBRETRANSLATE_URL": "http://mt", "LIBRETRANSLATE_API_KEY": "secret"})
    assert keyed["OPTIONS"]["API_KEY"] == "secret"


def test_test_settings_offer_no_translator():
    from django.conf import settings

    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None


class FakeLibreTranslate(ThreadingHTTPServer):
    """Answers POST /translate as LibreTranslate does, prefixing each string with the target language."""

    def __init__(self):
        self.requests = []
        self.fail = False
        super().__init__(("127.0.0.1", 0), FakeLibreTranslateHandler)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class FakeLibreTranslateHandler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, body))
        if self.server.fail or self.path != "/translate":
            self.send_response(500)
            self.end_headers()
            return
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        answer = json.dumps({"translatedText": [f"[{body['target']}] {text}" for text in texts]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def libretranslate():
    """The fake server, running on loopback for the module's tests."""
    server = FakeLibreTranslate()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def spanish(client, world, settings, libretranslate):
    """LibreTranslate configured, and editor-es logged in with a Spanish translation of the untranslated page.

    Returns the Translation and its target page.
    """
    libretranslate.requests.clear()
    libretranslate.fail = False
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_settings(
        {"LIBRETRANSLATE_URL": libretranslate.url, "LIBRETRANSLATE_API_KEY": "demo-key"}
    )
    client.force_login(world.editors["es"])
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[world.untranslated.pk]),
        {"locales": [world.locales["es"].pk]},
    )
    translation = Translation.objects.get(
        source__object_id=world.untranslated.translation_key, target_locale=world.locales["es"]
    )
    return translation, world.untranslated.get_translation(world.locales["es"])


def test_translation_editor_offers_libretranslate_and_fills_the_strings(client, world, libretranslate, spanish):
    translation, page = spanish
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assertContains(editor, "LibreTranslate")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url})
    assertRedirects(response, edit_url, fetch_redirect_response=False)
    path, body = libretranslate.requests[0]
    sent = (path, body["source"], body["target"], body["api_key"])
    assert sent == ("/translate", "en", "es", "demo-key")
    assert StringTranslation.objects.filter(locale=world.locales["es"], data="[es] Not translated yet")
    total, done = translation.get_progress()
    assert done == total
    types = StringTranslation.objects.filter(locale=world.locales["es"], tool_name="LibreTranslate").values_list(
        "translation_type", flat=True
    )
    assert set(types) == {StringTranslation.TRANSLATION_TYPE_MACHINE}


def test_a_failing_server_suggests_nothing_and_breaks_nothing(client, libretranslate, spanish):
    translation, _page = spanish
    libretranslate.fail = True
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    assert translation.get_progress()[1] == 0


def test_another_countrys_editor_cannot_machine_translate_into_spanish(client, world, libretranslate, spanish):
    translation, _page = spanish
    client.force_login(world.editors["it"])
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert libretranslate.requests == []
    assert translation.get_progress()[1] == 0
