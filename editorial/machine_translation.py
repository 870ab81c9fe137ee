"""The self-hosted LibreTranslate client that the settings choose when LIBRETRANSLATE_URL is set."""

import logging

from wagtail_localize.machine_translators.libretranslate import LibreTranslator

logger = logging.getLogger(__name__)


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
