"""The admin's part of the site search: the report of searches without results, for every editor."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from sitesearch.admin_views import SearchMissReportView


@hooks.register("register_admin_urls")
def search_miss_urls():
    return [
        path("reports/searches-without-results/", SearchMissReportView.as_view(), name="sitesearch_misses"),
        path(
            "reports/searches-without-results/results/",
            SearchMissReportView.as_view(results_only=True),
            name="sitesearch_misses_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def search_miss_menu_item():
    return MenuItem(
        _("Searches without results"),
        reverse("sitesearch_misses"),
        name="searches-without-results",
        icon_name="search",
        order=950,
    )
