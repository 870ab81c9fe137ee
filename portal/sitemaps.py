"""The sitemap lists every live public page in every language, not only the tree of the request's language."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_language_tree = reduce(or_, (Q(path__startswith=home.path) for home in homes))
        return Page.objects.filter(in_a_language_tree).live().public().order_by("path").defer_streamfields().specific()
