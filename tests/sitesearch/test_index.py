"""The index stays fresh: publish, unpublish, move, view restrictions and delete; the rebuild command; the editors'
report of searches without results."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from sitesearch.models import SearchEntry, SearchMiss


def entry_titles():
    return sorted(SearchEntry.objects.values_list("title", flat=True))


@pytest.fixture
def indexed(tree):
    page = tree.page("en", "Lifelong guidance")
    other = tree.page("en", "Other section")
    tree.index()
    return tree, page, other


def test_publishing_indexes_the_new_text(indexed):
    tree, page, _other = indexed
    page.title = "Lifelong learning"
    page.save_revision().publish()
    assert "Lifelong learning" in entry_titles()
    assert "Lifelong guidance" not in entry_titles()


def test_unpublishing_and_deleting_remove_the_entry(indexed):
    tree, page, other = indexed
    page.unpublish()
    assert "Lifelong guidance" not in entry_titles()
    other.delete()
    assert "Other section" not in entry_titles()


def test_moving_under_a_private_page_removes_the_entries_and_moving_back_restores_them(indexed):
    tree, page, other = indexed
    child = tree.page("en", "Child page")
    child.move(page, pos="last-child")
    tree.index()
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)
    page.move(other, pos="last-child")
    assert "Lifelong guidance" not in entry_titles() and "Child page" not in entry_titles()
    page.move(tree.homes["en"], pos="last-child")
    assert {"Lifelong guidance", "Child page"} <= set(entry_titles())


def test_a_new_view_restriction_removes_the_entries(indexed, django_capture_on_commit_callbacks):
    tree, page, _other = indexed
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "Lifelong guidance" not in entry_titles()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert "Lifelong guidance" in entry_titles()


def test_the_rebuild_command(tree):
    tree.page("en", "Lifelong guidance")
    tree.resource("tr", "İlgi envanteri")
    tree.pilot("el", "Εβδομάδα σταδιοδρομίας")
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert f"{SearchEntry.objects.count()} pages" in out.getvalue()
    kinds = dict(SearchEntry.objects.values_list("title", "kind"))
    assert kinds["Lifelong guidance"] == "page"
    assert kinds["İlgi envanteri"] == "resource"
    assert kinds["Εβδομάδα σταδιοδρομίας"] == "pilot-action"
    assert SearchEntry.objects.get(title="İlgi envanteri").folded_title == "ilgi envanteri"


def test_the_report_of_searches_without_results(admin_client, client, tree):
    tree.index()
    client.get("/el/search/", {"q": "Ψηφιακές δεξιότητες"})
    client.get("/el/search/", {"q": "ψηφιακες δεξιοτητες"})
    client.get("/tr/search/", {"q": "<b>kariyer</b>"})
    assert SearchMiss.objects.count() == 2

    response = admin_client.get("/admin/reports/searches-without-results/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "ψηφιακεσ δεξιοτητεσ" in html
    assert "&lt;b&gt;kariyer&lt;/b&gt;" in html and "<b>kariyer" not in html
    filtered = admin_client.get("/admin/reports/searches-without-results/", {"language": "tr"}).content.decode()
    assert "kariyer" in filtered and "ψηφιακεσ" not in filtered


def test_the_report_is_for_the_admins_users_only(client, tree):
    response = client.get("/admin/reports/searches-without-results/")
    assert response.status_code == 302


def test_every_editor_may_read_the_report(client, tree):
    from django.contrib.auth.models import Permission

    from learners.factories import LearnerFactory

    editor = LearnerFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/reports/searches-without-results/").status_code == 200
