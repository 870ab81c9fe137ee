"""What an editor reads in the admin: every message looked up while their pages render, and how it came back.

`recording(code)` wraps the gettext and ngettext of the language's translation object (Django's merged catalogue:
locale-admin/, locale/, the apps' and Django's own) for the time of a block, and records each message with its
result. A message whose result is its own English text was not translated; a translation may also be misspelt
(`misspelt`). `admin_pages(world, code)` lists the pages of an editor's work in the admin, and the moderator's.
"""

import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import trans_real
from wagtail.models import Page

from home.models import NavigationMenu

# Messages that are right in English: in every language (symbols, codes, file formats, product names), and in one
# language where that language says it the same way (Italian "Dashboard", Romanian "document", Spanish "No"). A
# message with no letter at all (a placeholder, a number, punctuation) is never reported either.
IDENTICAL = frozenset({"OK", "PDF", "CSV", "XLSX", "JSON", "PO", "URL", "ID", "Wagtail", "%s MB", "DeepL", "HTML"})
IDENTICAL_IN = {
    "it": frozenset(
        {"Account", "account", "Dashboard", "Email", "File", "file", "Home", "No", "Password", "Tag", "slug"}
    ),
    "ro": frozenset({"August", "Site", "contrast", "document", "exact"}),
    "es": frozenset({"No", "%(size)d byte"}),
    "el": frozenset({"Email", "slug", "%(size)d byte"}),
    "tr": frozenset({"Site"}),
}


def is_exempt(code, message):
    if message in IDENTICAL or message in IDENTICAL_IN.get(code, ()):
        return True
    return not re.search(r"[^\W\d_]", re.sub(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", "", message))


@dataclass
class Lookup:
    message: str  # the msgid, with its context as "context\x04msgid" where it has one
    plural: str | None
    result: str
    english: bool  # the result is the English text (for a plural: the English form for the count asked)


@dataclass
class Recording:
    code: str
    lookups: dict = field(default_factory=dict)

    def untranslated_lookups(self):
        return [
            lookup
            for lookup in self.lookups.values()
            if lookup.english and not is_exempt(self.code, lookup.message.split("\x04")[-1])
        ]

    def untranslated(self):
        return sorted({lookup.message for lookup in self.untranslated_lookups()})

    def misspelt(self):
        lookups = self.lookups.values()
        return sorted({(lookup.message, lookup.result) for lookup in lookups if misspelt(self.code, lookup.result)})

    def miscapitalised(self, html):
        """Turkish results beginning with "i" that a page shows capitalised by Python's str.upper() as "I"."""
        if self.code != "tr":
            return []
        found = set()
        for lookup in self.lookups.values():
            first = lookup.result[:1]
            if first == "i" and re.search(rf"(?<![\w]){re.escape('I' + lookup.result[1:])}", html):
                found.add((lookup.message, "I" + lookup.result[1:]))
        return sorted(found)


@contextmanager
def recording(code):
    """Record every gettext and ngettext lookup of language `code` inside the block."""
    catalogue = trans_real.translation(code)
    record = Recording(code)
    gettext, ngettext = catalogue.gettext, catalogue.ngettext

    def recorded_gettext(message):
        result = gettext(message)
        record.lookups.setdefault((message, None), Lookup(message, None, result, result == message))
        return result

    def recorded_ngettext(singular, plural, number):
        result = ngettext(singular, plural, number)
        english = result == (singular if number == 1 else plural)
        lookup = record.lookups.setdefault((singular, plural), Lookup(singular, plural, result, english))
        if english:  # any count left in English marks the entry as untranslated
            lookup.result, lookup.english = result, True
        return result

    catalogue.gettext, catalogue.ngettext = recorded_gettext, recorded_ngettext
    try:
        yield record
    finally:
        del catalogue.gettext, catalogue.ngettext


GREEK_VOWELS = "αεηιουωάέήίόύώϊϋΐΰ"
GREEK_ACCENTED = set("άέήίόύώΐΰ")
# Turkish words that really begin with a dotless I.
TURKISH_DOTLESS_I = {"ılık", "ırmak", "ısı", "ışık", "ıslak", "ızgara", "ısrar", "ırk", "ıspanak", "ıhlamur"}


def greek_misspelt(word):
    """A lower-case Greek word of two syllables or more without its accent (all-capital words drop accents)."""
    if word.isupper() or not re.fullmatch(r"[\u0370-\u03ff\u1f00-\u1fff]+", word):
        return False
    lower = word.lower()
    syllables = len(re.findall(f"[{GREEK_VOWELS}]+", lower))
    return syllables >= 2 and not (set(lower) & GREEK_ACCENTED)


def turkish_misspelt(word):
    """A Turkish word written with a capital dotless I where it has a dotted İ ("Içerik" for "İçerik")."""
    if len(word) < 2 or word[0] != "I" or word.isupper() or not word[1:].islower():
        return False
    return ("ı" + word[1:]).lower() not in TURKISH_DOTLESS_I


def words(text):
    text = re.sub(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>|&\w+;", " ", unicodedata.normalize("NFC", text))
    return re.findall(r"[^\W\d_]+", text)


def misspelt(code, text):
    if code == "el":
        return any(greek_misspelt(word) for word in words(text))
    if code == "tr":
        return any(turkish_misspelt(word) for word in words(text))
    return False


@dataclass
class AdminPage:
    name: str
    url: str
    role: str = "editor"  # or "moderator"
    ajax: bool = False  # requested as the admin's JavaScript does (modals answer JSON)


def admin_pages(world, code, in_review, draft):
    """The pages of an editor's (and moderator's) work in `code`'s part of the admin.

    `in_review`: a page of that language in its review workflow (locked, as a page in review is); `draft`: a page of
    that language never sent for review (its action menu offers "Submit to <workflow>").
    """
    home, section = world.homes[code], world.sections[code]
    image, document = world.images[code], world.documents[code]
    menu = NavigationMenu.objects.get(locale__language_code=code)
    content_page = Page.objects.get(pk=section.pk).specific
    model = content_page._meta
    pages = [
        AdminPage("dashboard", reverse("wagtailadmin_home")),
        AdminPage("explorer: the home page", reverse("wagtailadmin_explore", args=[home.pk])),
        AdminPage("search", reverse("wagtailadmin_pages:search") + "?q=intro"),
        AdminPage("choose a page type", reverse("wagtailadmin_pages:add_subpage", args=[home.pk])),
        AdminPage(
            "create a content page",
            reverse("wagtailadmin_pages:add", args=[model.app_label, model.model_name, home.pk]),
        ),
        AdminPage("edit a page of one's own", reverse("wagtailadmin_pages:edit", args=[world.local_pages[code].pk])),
        AdminPage("edit a draft", reverse("wagtailadmin_pages:edit", args=[draft.pk])),
        AdminPage("translation editor", reverse("wagtailadmin_pages:edit", args=[section.pk])),
        AdminPage("page history", reverse("wagtailadmin_pages:history", args=[section.pk])),
        AdminPage("page's workflow history", reverse("wagtailadmin_pages:workflow_history", args=[in_review.pk])),
        AdminPage(
            "translate a page", reverse("wagtail_localize:submit_page_translation", args=[world.untranslated.pk])
        ),
        AdminPage("page chooser", reverse("wagtailadmin_choose_page"), ajax=True),
        AdminPage("image chooser", reverse("wagtailimages_chooser:choose"), ajax=True),
        AdminPage("document chooser", reverse("wagtaildocs_chooser:choose"), ajax=True),
        AdminPage("images", reverse("wagtailimages:index")),
        AdminPage("edit an image", reverse("wagtailimages:edit", args=[image.pk])),
        AdminPage("add images", reverse("wagtailimages:add_multiple")),
        AdminPage("documents", reverse("wagtaildocs:index")),
        AdminPage("edit a document", reverse("wagtaildocs:edit", args=[document.pk])),
        AdminPage("add documents", reverse("wagtaildocs:add_multiple")),
        AdminPage("navigation menus", reverse("wagtailsnippets_home_navigationmenu:list")),
        AdminPage("footers", reverse("wagtailsnippets_home_footer:list")),
        AdminPage(
            "a snippet's translation editor", reverse("wagtailsnippets_home_navigationmenu:edit", args=[menu.pk])
        ),
        AdminPage("site history", reverse("wagtailadmin_reports:site_history")),
        AdminPage("workflows report", reverse("wagtailadmin_reports:workflow")),
        AdminPage("workflow tasks report", reverse("wagtailadmin_reports:workflow_tasks")),
        AdminPage("aging pages", reverse("wagtailadmin_reports:aging_pages")),
        AdminPage("translations report", reverse("wagtail_localize:translations_report")),
        AdminPage("translation status", reverse("editorial_translation_status")),
        AdminPage("account", reverse("wagtailadmin_account")),
        # The moderator's side of the review: the dashboard with the page awaiting them, the page, its actions.
        AdminPage("dashboard with a page to review", reverse("wagtailadmin_home"), role="moderator"),
        AdminPage("a page in review", reverse("wagtailadmin_pages:edit", args=[in_review.pk]), role="moderator"),
        AdminPage(
            "the review's history",
            reverse(
                "wagtailadmin_pages:workflow_history_detail", args=[in_review.pk, in_review.current_workflow_state.pk]
            ),
            role="moderator",
        ),
        AdminPage("locked pages", reverse("wagtailadmin_reports:locked_pages"), role="moderator"),
    ]
    task_state = in_review.current_workflow_task_state
    if task_state is not None:
        for action in ("approve", "reject"):
            pages.append(
                AdminPage(
                    f"review action: {action}",
                    reverse("wagtailadmin_pages:workflow_action", args=[in_review.pk, action, task_state.pk]),
                    role="moderator",
                    ajax=True,
                )
            )
    return pages
