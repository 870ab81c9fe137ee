"""Machine translation chosen by environment: DeepL, a self-hosted LibreTranslate, or none.

`translator_settings()` is read by the settings module, so this module imports nothing from Django at import time.
"""

import logging
import os

from wagtail_localize.machine_translators.libretranslate import LibreTranslator

logger = logging.getLogger(__name__)


def translator_settings(environ=None):
    """The WAGTAILLOCALIZE_MACHINE_TRANSLATOR setting for the environment: DeepL first, then LibreTranslate."""
    environ = os.environ if environ is None else environ
    if deepl_key := environ.get("DEEPL_AUTH_KEY", "").strip():
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": deepl_key, "TIMEOUT": int(environ.get("MACHINE_TRANSLATION_TIMEOUT", "30"))},
        }
    if libretranslate_url := environ.get("LIBRETRANSLATE_URL", "").strip():
        return {
            "CLASS": "editorial.machine_translation.SelfHostedLibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": libretranslate_url.rstrip("/"),
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": int(environ.get("MACHINE_TRANSLATION_TIMEOUT", "30")),
            },
        }
    return None


class SelfHostedLibreTranslator(LibreTranslator):
    """wagtail-localize's LibreTranslate client; a failing server suggests nothing instead of an error page."""

    def translate(self, source_locale, target_locale, strings):
        import requests

        strings = list(strings)
        try:
            return super().translate(source_locale, target_locale, strings)
        except (requests.RequestException, ValueError, KeyError) as error:
            logger.warning("LibreTranslate at %s failed: %s", self.get_api_endpoint(), error)
            return {}
