"""factory_boy factories for the e-portfolio: evidence (text, link, file), showcases and their items, share links."""

import uuid

import factory
from django.core.files.base import ContentFile

from learners.factories import LearnerFactory
from portfolio.models import Evidence, EvidenceCompetence, ShareLink, Showcase, ShowcaseItem

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class EvidenceFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(LearnerFactory)
    kind = Evidence.TEXT
    title = factory.Sequence(lambda n: f"Evidence {n}")
    text = "What I did, and what it shows."

    class Meta:
        model = Evidence


class LinkEvidenceFactory(EvidenceFactory):
    kind = Evidence.LINK
    url = "https://example.org/my-project"


class FileEvidenceFactory(EvidenceFactory):
    """A PDF in the private storage (the factory writes it there)."""

    kind = Evidence.FILE
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="certificate.pdf"))
    file_name = "certificate.pdf"
    size = len(PDF_BYTES)
    content_type = "application/pdf"


class EvidenceCompetenceFactory(factory.django.DjangoModelFactory):
    evidence = factory.SubFactory(EvidenceFactory)
    framework_key = factory.LazyFunction(uuid.uuid4)
    framework_title = "Sample framework"
    competence_code = factory.Sequence(lambda n: f"SA.{n}")
    competence_title = factory.Sequence(lambda n: f"Competence {n}")
    position = factory.Sequence(int)

    class Meta:
        model = EvidenceCompetence


class ShowcaseFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(LearnerFactory)
    title = factory.Sequence(lambda n: f"Showcase {n}")
    intro = "What I am proud of this year."

    class Meta:
        model = Showcase


class ShowcaseItemFactory(factory.django.DjangoModelFactory):
    """A free-text item by default; pass `kind` and its target (`evidence=`, `goal=`, ...) for the others."""

    showcase = factory.SubFactory(ShowcaseFactory)
    position = factory.Sequence(int)
    kind = ShowcaseItem.TEXT
    text = "A few words about this page."

    class Meta:
        model = ShowcaseItem


class ShareLinkFactory(factory.django.DjangoModelFactory):
    showcase = factory.SubFactory(ShowcaseFactory)

    class Meta:
        model = ShareLink
