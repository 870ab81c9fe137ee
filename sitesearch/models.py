"""The site search's own index (one row per live, public page, in its language) and its log of searches that found
nothing."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

# PostgreSQL's text search configuration of each language ("simple": no stemming, for a language it has none for).
TEXT_SEARCH_CONFIGS = {
    "en": "english",
    "it": "italian",
    "ro": "romanian",
    "es": "spanish",
    "el": "greek",
    "tr": "turkish",
}


def text_search_config(language):
    return TEXT_SEARCH_CONFIGS.get(language, "simple")


class SearchEntry(models.Model):
    """What the search reads of one page: its title and text as readers see them, the same folded (SQLite's match,
    see home/folding.py), and on PostgreSQL a vector built with the language's configuration."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=255)
    body = models.TextField(blank=True)
    folded_title = models.CharField(max_length=255)
    folded_body = models.TextField(blank=True)
    vector = SearchVectorField(null=True)  # PostgreSQL only; the GIN index is made by migration 0002

    class Meta:
        indexes = [models.Index(fields=["locale", "kind"])]

    def __str__(self):
        return self.title


class SearchMiss(models.Model):
    """How often a search found nothing, per language and normalised query: no reader, no address, no time of day."""

    language = models.CharField(_("language"), max_length=10)
    query = models.CharField(_("search"), max_length=200)
    count = models.PositiveIntegerField(_("searches"), default=0)
    last_searched = models.DateField(_("last searched"))

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [models.UniqueConstraint(fields=["language", "query"], name="sitesearch_miss_unique")]

    def __str__(self):
        return self.query
