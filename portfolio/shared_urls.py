"""A showcase opened by its secret link, /<lang>/shared/<token>/: no account needed, the token is the key."""

from django.urls import path

from portfolio.views import shared

app_name = "portfolio_shared"

urlpatterns = [
    path("<str:token>/", shared.showcase, name="showcase"),
    path("<str:token>/evidence/<uuid:pk>/file/", shared.evidence_file, name="evidence_file"),
]
