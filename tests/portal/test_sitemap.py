"""The sitemap names every live page of every language, under its language prefix."""

import re

from django.test import TestCase

from home.models import ContentPage
from tests.utils import DEMO_PATHS


class SitemapTests(TestCase):
    def locations(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        return [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", response.text)]

    def test_every_language_is_listed(self):
        self.assertEqual(sorted(self.locations()), sorted(DEMO_PATHS))

    def test_unpublished_pages_are_left_out(self):
        ContentPage.objects.get(locale__language_code="el", slug="documents").unpublish()
        self.assertNotIn("/el/documents/", self.locations())
        self.assertIn("/it/documents/", self.locations())
