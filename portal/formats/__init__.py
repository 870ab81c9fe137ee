"""Date formats of the portal's languages where Django's own read wrongly in running text (FORMAT_MODULE_PATH).

Month names are lower case in Italian, Romanian and Spanish dates, and a Greek day of the month takes the genitive
("30 Ιουνίου 2017"). Django's `F` is the capitalised nominative month, so these formats use `E`, the month as it
stands in a date (msgctxt "alt. month"); Django's own Italian and Romanian catalogues capitalise even that, so the
portal's catalogues carry those entries, which the strings below give to `makemessages`. Only the formats that
differ from Django's are written here; Django's fill in the rest.
"""

from django.utils.translation import pgettext_lazy

# The month of a date in running text, as the portal's catalogues spell it (they take precedence over Django's).
MONTHS_IN_DATES = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
