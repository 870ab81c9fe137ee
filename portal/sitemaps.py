"""The sitemap lists every live public page in every language, not only the tree of the request's language, each
with its translations as hreflang alternates (and x-default for the English source)."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_language_tree = reduce(or_, (Q(path__startswith=home.path) for home in homes))
        return (
            Page.objects.filter(in_a_language_tree)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        """Wagtail's entries, each with its translations among the listed pages as alternates."""
        urls, groups, last_mods = [], {}, set()
        for item in self.paginator.page(page).object_list:
            for url in item.get_sitemap_urls(self.request):
                group = groups.setdefault(item.translation_key, [])
                group.append({"lang_code": item.locale.language_code, "location": url["location"]})
                url["alternates"] = group
                urls.append(url)
                last_mods.add(url.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        for url in urls:
            group = url.pop("alternates")
            if len(group) > 1:
                source = [a for a in group if a["lang_code"] == settings.LANGUAGE_CODE]
                url["alternates"] = group + [{"lang_code": "x-default", "location": a["location"]} for a in source]
        return urls
