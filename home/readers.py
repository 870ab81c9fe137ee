"""Who is reading: questions about the reader that never open an anonymous reader's session."""

from django.conf import settings


def signed_in(request):
    """Whether the reader is signed in, without touching the session of anonymous readers.

    Reading request.user opens the session and adds "Vary: Cookie", which would keep public pages out of
    shared caches; a reader without a session cookie cannot be signed in, so we skip that work for them.
    """
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_authenticated
