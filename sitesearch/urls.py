from django.urls import path

from sitesearch.views import search

app_name = "sitesearch"

urlpatterns = [path("", search, name="search")]
