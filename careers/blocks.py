"""The blocks of a career profile: a partner country's own career information or job services."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from careers.choices import LINK_KINDS
from home.partners import PARTNERS


class CountryLinkBlock(blocks.StructBlock):
    """A link to a partner country's own career information or job services for this career (the name and address
    may differ by language: each translation may give its own)."""

    country = blocks.ChoiceBlock(
        label=_("Country"), choices=[(partner.country_code, partner.label) for partner in PARTNERS]
    )
    kind = blocks.ChoiceBlock(label=_("Kind of link"), choices=LINK_KINDS, default="information")
    text = blocks.CharBlock(label=_("Link text"), max_length=200, help_text=_("The service's name, e.g. “EURES”."))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Link in a partner country")


class CountryLinksBlock(blocks.StreamBlock):
    link = CountryLinkBlock()
