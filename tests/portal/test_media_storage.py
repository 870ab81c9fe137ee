"""Uploaded images and documents under production settings: in an S3-compatible bucket through django-storages
(here moto's S3 server, a real HTTP server on a port of the test), public files at plain addresses, private ones at
signed addresses; without a bucket, files under MEDIA_ROOT and the private ones outside it."""

import io
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

import boto3
import pytest
import wagtail_factories
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.test import Client, override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from home.factories import ContentPageFactory, HomePageFactory, LocaleFactory
from portal.settings.base import media_storages

BUCKET = "leader-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    s3 = boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id="k", aws_secret_access_key="s", region_name="eu-west-1"
    )
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    # What docs/deployment.md asks of the bucket: anyone may read the public location, nothing else.
    public_read = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{BUCKET}/public/*",
            }
        ],
    }
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_read))
    yield endpoint
    server.stop()


def bucket_environment(endpoint, **extra):
    return {
        "MEDIA_BUCKET": BUCKET,
        "MEDIA_ENDPOINT_URL": endpoint,
        "MEDIA_REGION": "eu-west-1",
        "MEDIA_ACCESS_KEY_ID": "k",
        "MEDIA_SECRET_ACCESS_KEY": "s",
        **extra,
    }


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def png():
    data = io.BytesIO()
    PILImage.new("RGB", (1000, 500), "orange").save(data, "PNG")
    return data.getvalue()


def production_storages(**env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("MEDIA_")}
    environment.update(SECRET_KEY="k" * 60, ALLOWED_HOSTS="portal.example.org", **env)
    code = "import json, portal.settings.production as s; print(json.dumps(s.STORAGES))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_stores_media_in_the_bucket_when_one_is_named():
    stored = production_storages(**bucket_environment("https://s3.example.org", MEDIA_CUSTOM_DOMAIN="cdn.example.org"))
    assert stored["default"]["BACKEND"] == stored["private"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert stored["default"]["OPTIONS"]["location"] == "public"
    assert stored["default"]["OPTIONS"]["querystring_auth"] is False
    assert stored["default"]["OPTIONS"]["custom_domain"] == "cdn.example.org"
    assert stored["private"]["OPTIONS"]["location"] == "private"
    assert stored["private"]["OPTIONS"]["querystring_auth"] is True
    assert stored["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_without_a_bucket_media_stay_on_disk_and_private_files_outside_the_published_folder():
    stored = production_storages(MEDIA_ROOT="/srv/leader/media", PRIVATE_MEDIA_ROOT="/srv/leader/private")
    assert stored["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert stored["private"]["OPTIONS"]["location"] == "/srv/leader/private"


@pytest.mark.django_db
def test_images_and_documents_are_served_from_the_bucket(s3_endpoint):
    english = LocaleFactory(language_code="en")
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=english, title="Portal home", slug="portal")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    original = png()
    with override_settings(STORAGES=media_storages(bucket_environment(s3_endpoint))):
        image = wagtail_factories.ImageFactory(title="Session", file=ImageFile(io.BytesIO(original), "session.png"))
        document = get_document_model().objects.create(title="Toolkit")
        document.file.save("toolkit.txt", ContentFile(b"The toolkit.\n"))
        ContentPageFactory(
            parent=home,
            slug="introduction",
            body=[("image", {"image": image, "alt_text": "A guidance session", "caption": ""})],
        )

        assert image.file.url.startswith(f"{s3_endpoint}/{BUCKET}/public/original_images/")
        assert fetch(image.file.url) == (200, original)

        page = Client().get("/en/introduction/")
        assert page.status_code == 200
        rendition = image.get_rendition("width-800")
        assert rendition.url.startswith(f"{s3_endpoint}/{BUCKET}/public/images/")
        assert rendition.url in page.content.decode()
        status, body = fetch(rendition.url)
        assert status == 200 and body.startswith(b"\x89PNG")
        assert PILImage.open(io.BytesIO(body)).width == 800

        download = Client().get(document.url)
        assert download.status_code == 302
        assert download["Location"].startswith(f"{s3_endpoint}/{BUCKET}/public/documents/")
        assert fetch(download["Location"]) == (200, b"The toolkit.\n")

        private = storages["private"]
        name = private.save("learners/notes.txt", ContentFile(b"A learner's own file."))
        signed = private.url(name)
        assert signed.startswith(f"{s3_endpoint}/{BUCKET}/private/learners/")
        assert "X-Amz-Signature=" in signed and "X-Amz-Expires=300" in signed
        assert fetch(signed) == (200, b"A learner's own file.")
        assert fetch(signed.split("?")[0])[0] == 403
