"""Code lists of the Matrix: the four categories, target groups, and the languages a resource itself is in."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

CATEGORIES = [
    ("presentations", _("Presentations, activities and handouts")),
    ("websites", _("Websites")),
    ("videos", _("Videos")),
    ("tools", _("Career tools")),
]
CATEGORY_CODES = [code for code, _label in CATEGORIES]

TARGET_GROUPS = [
    ("secondary-students", _("Secondary school students")),
    ("university-students", _("University students")),
    ("job-seekers", _("Job seekers")),
    ("adults", _("Adults in work or training")),
    ("neet", _("Young people not in education, employment or training")),
    ("practitioners", _("Guidance practitioners and teachers")),
]

# Named in their own language, like the portal's language switcher: the portal's languages, then others.
RESOURCE_LANGUAGES = [
    *settings.LANGUAGES,
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("pt", "Português"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
]
RESOURCE_LANGUAGE_NAMES = dict(RESOURCE_LANGUAGES)
