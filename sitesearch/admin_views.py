"""The editors' report of searches that found nothing (Reports → Searches without results): per language and
normalised query, how often and when last; nothing about who searched."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from sitesearch.models import SearchMiss


class SearchMissFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = SearchMiss
        fields = ["language"]


class SearchMissReportView(ReportView):
    page_title = _("Searches without results")
    header_icon = "search"
    model = SearchMiss
    filterset_class = SearchMissFilterSet
    index_url_name = "sitesearch_misses"
    index_results_url_name = "sitesearch_misses_results"
    columns = [
        Column("query", label=_("Search")),
        Column("language", label=_("Language")),
        Column("count", label=_("Searches")),
        DateColumn("last_searched", label=_("Last searched")),
    ]
    list_export = ["query", "language", "count", "last_searched"]
    export_headings = {"query": _("Search"), "language": _("Language"), "count": _("Searches")}
    default_ordering = ["-count", "query"]

    def get_queryset(self):
        return SearchMiss.objects.order_by("-count", "language", "query")

    def get_filename(self):
        return "searches-without-results"
