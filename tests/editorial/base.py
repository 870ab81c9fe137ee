"""The demo in six languages with its partner accounts, plus pages, media and translations to attack, built once."""

import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client, TestCase
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

from editorial.countries import COUNTRIES
from home.models import ContentPage, HomePage
from tests.utils import LANGUAGE_CODES

OTHER_LANGUAGES = [code for code in LANGUAGE_CODES if code != "en"]


def png_file(name="test.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#0b5566").save(buffer, format="PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


def png_upload(name="upload.png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#0b5566").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


class CommittingClient(Client):
    """Runs the on-commit callbacks of each request, as a real server's committed transaction would.

    wagtail-localize publishes translations on commit; without this, a publication an attack managed to start
    would never happen inside the test's transaction, and the test could not see it.
    """

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


class EditorialTestCase(TestCase):
    client_class = CommittingClient

    @classmethod
    def setUpTestData(cls):
        User = get_user_model()
        cls.admin = User.objects.get(username="admin")
        cls.editors = {code: User.objects.get(username=f"editor-{code}") for code in LANGUAGE_CODES}
        cls.moderators = {code: User.objects.get(username=f"moderator-{code}") for code in LANGUAGE_CODES}
        cls.coordinator = User.objects.get(username="coordinator")
        cls.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGE_CODES}
        cls.homes = {code: HomePage.objects.get(locale=cls.locales[code], depth=2) for code in LANGUAGE_CODES}
        cls.sections = {
            code: ContentPage.objects.get(locale=cls.locales[code], slug="introduction") for code in LANGUAGE_CODES
        }
        cls.document_sections = {
            code: ContentPage.objects.get(locale=cls.locales[code], slug="documents") for code in LANGUAGE_CODES
        }
        english_home = cls.homes["en"]

        # An English page nobody has translated yet.
        cls.untranslated = ContentPage(
            title="Not translated yet", slug="not-translated-yet", locale=english_home.locale
        )
        english_home.add_child(instance=cls.untranslated)
        cls.untranslated.save_revision().publish()

        # A page written in each partner language only, and the Italian one translated into English, so that
        # English has a translation to attack too.
        cls.local_pages = {}
        for code in OTHER_LANGUAGES:
            page = ContentPage(title=f"Only in {code}", slug=f"only-{code}", locale=cls.locales[code])
            cls.homes[code].add_child(instance=page)
            page.save_revision().publish()
            cls.local_pages[code] = page
        with cls.captureOnCommitCallbacks(execute=True):
            translate_object(cls.local_pages["it"], [cls.locales["en"]], user=cls.admin)

        # The translation whose target is each language's page.
        cls.page_translations = {
            code: Translation.objects.get(
                source=TranslationSource.objects.get(object_id=cls.sections["en"].translation_key),
                target_locale=cls.locales[code],
            )
            for code in OTHER_LANGUAGES
        }
        cls.page_translations["en"] = Translation.objects.get(
            source__object_id=cls.local_pages["it"].translation_key, target_locale=cls.locales["en"]
        )
        cls.page_targets = {code: Page.objects.get(pk=cls.sections[code].pk) for code in OTHER_LANGUAGES}
        cls.page_targets["en"] = cls.local_pages["it"].get_translation(cls.locales["en"])
        cls.page_targets["en"].get_latest_revision().publish()
        cls.page_targets["en"].refresh_from_db()

        # An image and a document in each country's collection.
        cls.collections = {c.language_code: Collection.objects.get(name=c.collection) for c in COUNTRIES}
        Image, Document = get_image_model(), get_document_model()
        cls.images, cls.documents = {}, {}
        for code, collection in cls.collections.items():
            cls.images[code] = Image.objects.create(
                title=f"Image {code}", file=png_file(f"image-{code}.png"), collection=collection
            )
            document = Document(title=f"Document {code}", collection=collection)
            document.file.save(f"document-{code}.txt", ContentFile(b"text"), save=False)
            document.save()
            cls.documents[code] = document

    def login(self, user):
        self.client.force_login(user)
