"""Evidence files: what may be uploaded (checked from the content, within the limits of the settings), storing them
in the private storage under a random name, serving them with headers that keep a browser from running them, and
removing them.

Who may read a file is decided by the caller: the learner's own view checks the owner (`learners.access.owned`);
another part (a practitioner's group) decides by its own rules and then answers with `file_response(evidence)`.
"""

import logging
import mimetypes

from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.http import FileResponse, Http404
from django.utils.cache import add_never_cache_headers
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from home.uploads import content_matches
from portfolio.models import Evidence

logger = logging.getLogger(__name__)

# The kinds of file a learner may add, by extension, with the type they are served as. Anything else is refused,
# SVG and HTML above all (a browser would run their scripts); each file's content must be of the kind its name says.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain; charset=utf-8",
}
# Shown in the browser (with the sandboxing policy); every other kind is downloaded.
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"}
SANDBOX_POLICY = "sandbox; default-src 'none'"
ACCEPT = ",".join(f".{extension}" for extension in CONTENT_TYPES)


def megabytes(size):
    return number_format(size / (1024 * 1024), decimal_pos=0 if size % (1024 * 1024) == 0 else 1)


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def stored_total(user):
    """The bytes of all the learner's files (one query)."""
    return Evidence.objects.filter(user=user, kind=Evidence.FILE).aggregate(total=Sum("size"))["total"] or 0


def check_file(uploaded, user, replacing=None):
    """The content type of an acceptable upload, or a ValidationError saying what is wrong with it.

    `replacing`: the evidence whose file this one replaces (its size no longer counts in the learner's total).
    """
    name = (uploaded.name or "").rsplit("/", 1)[-1]
    size = uploaded.size or 0
    if size == 0:
        raise forms.ValidationError(
            _("“%(name)s” is empty: choose a file with something in it."), code="empty", params={"name": name}
        )
    limit = settings.PORTFOLIO_MAX_FILE_SIZE
    if size > limit:
        raise forms.ValidationError(
            _("“%(name)s” is %(size)s MB: a file can be at most %(limit)s MB."),
            code="too_large",
            params={"name": name, "size": megabytes(size), "limit": megabytes(limit)},
        )
    extension = extension_of(name)
    if extension not in CONTENT_TYPES:
        raise forms.ValidationError(
            _(
                "“%(name)s” is not a kind of file the portfolio keeps. Add a PDF, an image (PNG, JPEG, GIF, WebP), "
                "an office document (DOCX, XLSX, PPTX, ODT, ODS, ODP) or a plain text file."
            ),
            code="file_type",
            params={"name": name},
        )
    if not content_matches(uploaded, extension):
        raise forms.ValidationError(
            _("The content of “%(name)s” is not a %(extension)s file: upload the file itself, not a renamed one."),
            code="content_mismatch",
            params={"name": name, "extension": extension.upper()},
        )
    total = stored_total(user) - (replacing.size if replacing is not None and replacing.kind == Evidence.FILE else 0)
    total_limit = settings.PORTFOLIO_MAX_TOTAL_SIZE
    if total + size > total_limit:
        raise forms.ValidationError(
            _(
                "Your portfolio's files would take %(size)s MB, over the %(limit)s MB it can hold. Delete files "
                "you no longer need, or add a smaller one."
            ),
            code="total_too_large",
            params={"size": megabytes(total + size), "limit": megabytes(total_limit)},
        )
    return CONTENT_TYPES[extension]


def attach(evidence, uploaded, content_type):
    """Store the upload as the evidence's file (a random name in the private storage) and note what it is; the row
    is not saved here. The previous file, if any, is removed once the transaction commits. Returns the new file's
    name, for the caller to remove should saving the row fail (see `portfolio.evidence.save_evidence`)."""
    previous = evidence.file.name if evidence.file else ""
    evidence.file_name = (uploaded.name or "").rsplit("/", 1)[-1][:255]
    evidence.size = uploaded.size
    evidence.content_type = content_type
    uploaded.seek(0)
    evidence.file.save(evidence.file_name, uploaded, save=False)
    if previous:
        transaction.on_commit(lambda: remove_files([previous]))
    return evidence.file.name


def detach(evidence):
    """Forget the evidence's file (when it becomes a text or a link): removed once the transaction commits."""
    previous = evidence.file.name if evidence.file else ""
    evidence.file = ""
    evidence.file_name = ""
    evidence.size = 0
    evidence.content_type = ""
    if previous:
        transaction.on_commit(lambda: remove_files([previous]))


def storage():
    return Evidence._meta.get_field("file").storage


def remove_files(names):
    """Delete these stored files; one that cannot be deleted is logged, the others still go."""
    store = storage()
    for name in names:
        if not name:
            continue
        try:
            store.delete(name)
        except OSError:
            logger.exception("Could not delete the portfolio file %s", name)


def read_file(evidence):
    """The bytes of the evidence's file (for the export)."""
    with storage().open(evidence.file.name, "rb") as handle:
        return handle.read()


def file_response(evidence):
    """The evidence's file as a response: shown in the browser for images and PDF, downloaded otherwise, always
    with `nosniff`, a sandboxing policy, no referrer, and never cached. The caller has decided that the reader may
    see it; an evidence without a file, or whose file is missing from the storage, is a 404."""
    if evidence.kind != Evidence.FILE or not evidence.file:
        raise Http404
    try:
        handle = storage().open(evidence.file.name, "rb")
    except (FileNotFoundError, OSError):
        logger.warning("The portfolio file of evidence %s is missing from the storage", evidence.pk)
        raise Http404 from None
    content_type = evidence.content_type or mimetypes.guess_type(evidence.file_name)[0] or "application/octet-stream"
    inline = content_type in INLINE_TYPES
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=evidence.file_name or f"evidence.{extension_of(evidence.file.name) or 'bin'}",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_POLICY
    response["Referrer-Policy"] = "no-referrer"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response
