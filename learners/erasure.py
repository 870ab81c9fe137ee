"""Erasing a learner's account at once: the user row and everything that hangs on it, and their sessions.

Every row a learner owns points at the user with `on_delete=CASCADE`, so one `user.delete()` takes them all. What a
part keeps outside the database (part 2's e-portfolio files in a private storage) is not reached by the cascade: that
part registers an eraser, `@eraser def erase_files(user): ...`, called inside the transaction before the user is
deleted (remove files with `transaction.on_commit`, so that a failed deletion keeps them).
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.utils import timezone

_erasers = []


def eraser(function):
    """Register `function(user)`, called when that learner's account is erased."""
    _erasers.append(function)
    return function


def _session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def session_keys_of(user):
    """The keys of the sessions signed in as `user` that the server keeps in its database.

    Sessions are not linked to users in the database, so each unexpired session is decoded (once per deletion, a
    rare event). A cookie-based engine keeps nothing on the server; a cache-only one cannot be listed, and its
    sessions stop working when the user is gone (Django checks the user on every request).
    """
    store = _session_store()
    if not hasattr(store, "get_model_class"):
        return []
    decoder = store()
    user_id = str(user.pk)
    sessions = (
        store.get_model_class().objects.filter(expire_date__gt=timezone.now()).only("session_key", "session_data")
    )
    return [
        session.session_key
        for session in sessions.iterator(chunk_size=2000)
        if str(decoder.decode(session.session_data).get(SESSION_KEY)) == user_id
    ]


def erase_account(user):
    """Delete the account and everything of it, in one transaction: all of it, or (on an error) nothing."""
    keys = session_keys_of(user)
    store = _session_store()
    with transaction.atomic():
        for function in _erasers:
            function(user)
        for key in keys:
            store().delete(key)
        user.delete()
