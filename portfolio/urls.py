"""The e-portfolio in the learner's own space, under /<lang>/my/portfolio/: every page needs an account and shows its
owner's data alone."""

from django.urls import path

from portfolio.views import evidence, showcases

app_name = "portfolio"

urlpatterns = [
    path("", evidence.index, name="evidence"),
    path("evidence/new/<str:kind>/", evidence.add, name="evidence_new"),
    path("evidence/<uuid:pk>/", evidence.edit, name="evidence_edit"),
    path("evidence/<uuid:pk>/delete/", evidence.delete, name="evidence_delete"),
    path("evidence/<uuid:pk>/file/", evidence.download, name="evidence_file"),
    path("showcases/", showcases.index, name="showcases"),
    path("showcases/new/", showcases.create, name="showcase_new"),
    path("showcases/<uuid:pk>/", showcases.compose, name="showcase"),
    path("showcases/<uuid:pk>/edit/", showcases.edit, name="showcase_edit"),
    path("showcases/<uuid:pk>/delete/", showcases.delete, name="showcase_delete"),
    path("showcases/<uuid:pk>/preview/", showcases.preview, name="showcase_preview"),
    path("showcases/<uuid:pk>/items/add/", showcases.add_item, name="showcase_add_item"),
    path("showcases/<uuid:pk>/items/text/", showcases.add_text, name="showcase_add_text"),
    path("showcases/<uuid:pk>/items/<uuid:item>/move/", showcases.move_item, name="showcase_move_item"),
    path("showcases/<uuid:pk>/items/<uuid:item>/remove/", showcases.remove_item, name="showcase_remove_item"),
    path("showcases/<uuid:pk>/links/", showcases.create_link, name="showcase_link_new"),
    path("showcases/<uuid:pk>/links/<int:link>/revoke/", showcases.revoke_link, name="showcase_link_revoke"),
]
