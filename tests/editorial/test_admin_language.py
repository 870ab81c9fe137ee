"""The admin in the editor's language: every message on the pages of an editor's and a moderator's work comes back
translated, and correctly spelt, in each partner language (locale-admin/ completes the libraries' catalogues).

A new version of Wagtail, wagtail-localize or Django that brings an untranslated message onto these pages fails
here, naming it: translate it in locale-admin/<language>/LC_MESSAGES/django.po (or djangojs.po for the admin's
JavaScript), or, if the language really says it in English, add it to `IDENTICAL_IN` in admin_language.py.
"""

import json
import os
import re
from pathlib import Path

import polib
import pytest
import wagtail.admin
import wagtail_localize
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.users.models import UserProfile

from home.factories import ContentPageFactory
from tests.editorial.admin_language import (
    admin_pages,
    greek_misspelt,
    is_exempt,
    misspelt,
    recording,
    turkish_misspelt,
)
from tests.editorial.conftest import OTHER_LANGUAGES

# The admin's JavaScript catalogues: each library's English source and the view that serves it in the user's language.
JAVASCRIPT_CATALOGUES = {
    "wagtailadmin_javascript_catalog": Path(wagtail.admin.__file__).parent / "locale/en/LC_MESSAGES/djangojs.po",
    "wagtail_localize:javascript_catalog": Path(wagtail_localize.__file__).parent / "locale/en/LC_MESSAGES/djangojs.po",
}


def page_in_review(world, code):
    """The language's own page, edited and sent to its country's review by the editor, who holds its lock."""
    page = Page.objects.get(pk=world.local_pages[code].pk).specific
    editor = world.editors[code]
    page.title = f"{page.title} (revised)"
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    page.locked, page.locked_by, page.locked_at = True, editor, timezone.now()
    page.save(update_fields=["locked", "locked_by", "locked_at"])
    return Page.objects.get(pk=page.pk).specific


def read_every_page(client, world, code):
    in_review = page_in_review(world, code)
    draft = ContentPageFactory(parent=world.homes[code], locale=world.locales[code], title=f"Draft {code}")
    users = {"editor": world.editors[code], "moderator": world.moderators[code]}
    statuses, miscapitalised = {}, set()
    with recording(code) as record:
        for page in admin_pages(world, code, in_review, draft):
            client.force_login(users[page.role])
            headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if page.ajax else {}
            response = client.get(page.url, **headers)
            statuses[page.name] = response.status_code
            miscapitalised.update(record.miscapitalised(response.content.decode()))
    return record, statuses, sorted(miscapitalised)


def write_report(code, record, statuses):
    """With ADMIN_LANGUAGE_REPORT=<prefix>, what the pages looked up, for whoever completes locale-admin/."""
    if prefix := os.environ.get("ADMIN_LANGUAGE_REPORT"):
        untranslated = sorted({(lookup.message, lookup.plural) for lookup in record.untranslated_lookups()}, key=str)
        report = {"statuses": statuses, "untranslated": untranslated, "misspelt": record.misspelt()}
        Path(f"{prefix}-{code}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_message_an_editor_reads_is_translated(client, world, code):
    record, statuses, miscapitalised = read_every_page(client, world, code)
    write_report(code, record, statuses)
    assert {name: status for name, status in statuses.items() if status != 200} == {}
    assert len(record.lookups) > 400  # the pages were read in the editor's language
    assert record.untranslated() == [], f"untranslated in {code}"
    assert record.misspelt() == [], f"misspelt in {code}"
    assert miscapitalised == [], f"capitalised with a dotless I in {code}: {miscapitalised}"


def served_catalogue(response):
    match = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.DOTALL)
    return json.loads(match.group(1))


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_the_admins_javascript_speaks_the_editors_language(client, world, code):
    client.force_login(world.editors[code])
    problems = []
    for view, source in JAVASCRIPT_CATALOGUES.items():
        catalogue = served_catalogue(client.get(reverse(view)))
        assert catalogue, view
        for entry in polib.pofile(str(source)):
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            translated = catalogue.get(key)
            text = " ".join(translated) if isinstance(translated, list) else translated
            if not text and not is_exempt(code, entry.msgid):
                problems.append(f"untranslated: {entry.msgid!r}")
            elif text and misspelt(code, text):
                problems.append(f"misspelt: {entry.msgid!r} → {text!r}")
    assert problems == [], f"{code}: the admin's JavaScript"


def test_the_admin_is_english_for_an_account_without_a_language(client, world):
    """The check reads what a language's catalogue gives: English pages give it nothing to record."""
    profile = UserProfile.get_for_user(world.editors["el"])
    profile.preferred_language = ""
    profile.save()
    client.force_login(world.editors["el"])
    with recording("el") as record:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert record.lookups == {}


@pytest.mark.parametrize(
    ("word", "wrong"),
    [("Αποθηκευση", True), ("Αποθήκευση", False), ("και", False), ("για", False), ("ΣΕΛΙΔΕΣ", False), ("PO", False)],
)
def test_a_greek_word_of_several_syllables_needs_its_accent(word, wrong):
    assert greek_misspelt(word) is wrong


@pytest.mark.parametrize(
    ("word", "wrong"),
    [("Içerik", True), ("İçerik", False), ("Işık", False), ("Isı", False), ("ID", False), ("Insert", True)],
)
def test_a_turkish_word_keeps_the_dot_of_its_capital_i(word, wrong):
    assert turkish_misspelt(word) is wrong
