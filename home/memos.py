"""What every request reads and only a change of content alters (the current site, the view restrictions, the
chrome's menu, footer, banner and language links), remembered by this process for one content generation
(`home.freshness`): a change anywhere bumps the generation, and every process then reads afresh.

- Only inside a request (between Django's `request_started` and `request_finished`) whose generation is known:
  outside a request (commands, tasks, a view called by a test), or while the cache cannot be reached, every value
  is read from the database as before. The generation is read once per request.
- Not while this process's connection holds a change not yet counted (`freshness.bump` marks it, the commit
  counts it): a request reads its own changes, and a change rolled back stops the memos until the next bump.
- Values are plain data (ids, texts, addresses), never model instances: nothing one request sets on an object can
  reach another request.
"""

import threading
from collections import OrderedDict

from django.core.signals import request_finished, request_started
from django.db import transaction

from home import freshness

LIMIT = 20_000  # entries per process (the language links are one per page and language)
UNKNOWN = object()

_lock = threading.Lock()
_values = OrderedDict()
_state = {"generation": None}
_request = threading.local()  # this thread's request: whether one runs, its generation once read


def _started(**kwargs):
    _request.active, _request.generation = True, UNKNOWN


def _finished(**kwargs):
    _request.active, _request.generation = False, UNKNOWN


request_started.connect(_started, dispatch_uid="home.memos")
request_finished.connect(_finished, dispatch_uid="home.memos")


def current(request=None):
    """The generation the memos may be read under now, or None (read from the database)."""
    if not getattr(_request, "active", False):
        return None
    if getattr(transaction.get_connection(), "content_changed", False):
        return None
    if _request.generation is UNKNOWN:
        _request.generation = freshness.generation(request)
    return _request.generation


def remembered(key, build, request=None):
    """`build()`, remembered under `key` for this generation (`key` names what the value depends on)."""
    value = current(request)
    if value is None:
        return build()
    with _lock:
        if _state["generation"] != value:
            _values.clear()
            _state["generation"] = value
        if key in _values:
            _values.move_to_end(key)
            return _values[key]
    built = build()
    with _lock:
        if _state["generation"] == value:
            _values[key] = built
            if len(_values) > LIMIT:
                _values.popitem(last=False)
    return built
