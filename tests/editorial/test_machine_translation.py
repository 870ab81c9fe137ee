"""Machine translation chosen by environment, and the LibreTranslate path against a fake server on loopback."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.test import SimpleTestCase, override_settings
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from editorial.machine_translation import translator_settings
from tests.editorial.base import EditorialTestCase


class TranslatorSettingsTests(SimpleTestCase):
    def test_nothing_configured_means_no_machine_translation(self):
        self.assertIsNone(translator_settings({}))
        self.assertIsNone(translator_settings({"DEEPL_AUTH_KEY": " ", "LIBRETRANSLATE_URL": ""}))

    def test_deepl_key_selects_deepl(self):
        config = translator_settings({"DEEPL_AUTH_KEY": "abc:fx", "LIBRETRANSLATE_URL": "http://127.0.0.1:5000"})
        self.assertEqual(config["CLASS"], "wagtail_localize.machine_translators.deepl.DeepLTranslator")
        self.assertEqual(config["OPTIONS"]["AUTH_KEY"], "abc:fx")

    def test_libretranslate_url_and_optional_key(self):
        config = translator_settings({"LIBRETRANSLATE_URL": "http://mt.internal:5000/"})
        self.assertEqual(config["CLASS"], "editorial.machine_translation.SelfHostedLibreTranslator")
        self.assertEqual(config["OPTIONS"]["LIBRETRANSLATE_URL"], "http://mt.internal:5000")
        self.assertEqual(config["OPTIONS"]["API_KEY"], "")
        keyed = translator_settings({"LIBRETRANSLATE_URL": "http://mt", "LIBRETRANSLATE_API_KEY": "secret"})
        self.assertEqual(keyed["OPTIONS"]["API_KEY"], "secret")

    def test_test_settings_offer_no_translator(self):
        from django.conf import settings

        self.assertIsNone(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR)


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


class LibreTranslateTests(EditorialTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = FakeLibreTranslate()
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        super().tearDownClass()

    def setUp(self):
        self.server.requests.clear()
        self.server.fail = False
        config = translator_settings({"LIBRETRANSLATE_URL": self.server.url, "LIBRETRANSLATE_API_KEY": "demo-key"})
        self.settings_override = override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=config)
        self.settings_override.enable()
        self.addCleanup(self.settings_override.disable)
        self.login(self.editors["es"])
        self.client.post(
            reverse("wagtail_localize:submit_page_translation", args=[self.untranslated.pk]),
            {"locales": [self.locales["es"].pk]},
        )
        self.translation = Translation.objects.get(
            source__object_id=self.untranslated.translation_key, target_locale=self.locales["es"]
        )
        self.page = self.untranslated.get_translation(self.locales["es"])

    def test_translation_editor_offers_libretranslate_and_fills_the_strings(self):
        editor = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.page.pk]))
        self.assertContains(editor, "LibreTranslate")
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        response = self.client.post(
            reverse("wagtail_localize:machine_translate", args=[self.translation.pk]), {"next": edit_url}
        )
        self.assertRedirects(response, edit_url, fetch_redirect_response=False)
        path, body = self.server.requests[0]
        sent = (path, body["source"], body["target"], body["api_key"])
        self.assertEqual(sent, ("/translate", "en", "es", "demo-key"))
        self.assertTrue(StringTranslation.objects.filter(locale=self.locales["es"], data="[es] Not translated yet"))
        total, done = self.translation.get_progress()
        self.assertEqual(done, total)
        self.assertEqual(
            set(
                StringTranslation.objects.filter(locale=self.locales["es"], tool_name="LibreTranslate").values_list(
                    "translation_type", flat=True
                )
            ),
            {StringTranslation.TRANSLATION_TYPE_MACHINE},
        )

    def test_a_failing_server_suggests_nothing_and_breaks_nothing(self):
        self.server.fail = True
        response = self.client.post(reverse("wagtail_localize:machine_translate", args=[self.translation.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.translation.get_progress()[1], 0)

    def test_another_countrys_editor_cannot_machine_translate_into_spanish(self):
        self.login(self.editors["it"])
        self.client.post(reverse("wagtail_localize:machine_translate", args=[self.translation.pk]))
        self.assertEqual(self.server.requests, [])
        self.assertEqual(self.translation.get_progress()[1], 0)
