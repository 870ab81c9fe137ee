"""The content generation: one counter in the default cache by which every cache of rendered content is keyed.

Anything that changes what a public page shows (a page published, unpublished, moved or deleted; a snippet, a
setting, an image or a document saved or deleted; a translation synced; a resource import) calls `bump()`, and every
cached page or fragment written under the old value is never read again: no cache has to be searched or cleared, and
the old entries expire on their own (their timeout).

- `generation(request)` is read once per request (memoised on it), before any content is read, so that what the
  request renders is never newer than the generation it is stored under.
- `bump()` increments the counter after the transaction commits (`transaction.on_commit`): a reader during the
  transaction reads the old content under the old value, and the first reader after the commit reads the new content
  under the new value. Several changes in one transaction bump once.
- A missing counter (a new cache, an evicted key, a restarted Redis) starts from the time in milliseconds, so it is
  never lower than a value some process may still have cached content under.
- While the cache cannot be reached (`portal.cache.ResilientRedisCache` answers a miss and its `incr` raises),
  `generation()` is None: callers then neither read nor write their cache. A bump that could not be counted is
  retried by this process at its next `generation()`, so that content cached before the outage is not served after.
"""

import logging
import time

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

KEY = "portal:content-generation"
ATTRIBUTE = "_content_generation"
UNKNOWN = object()

# Set when this process could not count a bump (the cache was unreachable); cleared once one is counted.
_pending = False


def start_value():
    return int(time.time() * 1000)


def _read():
    value = cache.get(KEY)
    if value is None:
        cache.add(KEY, start_value(), timeout=None)
        value = cache.get(KEY)
    return value if isinstance(value, int) else None


def generation(request=None):
    """The current generation (an int), or None while the cache cannot be reached: then cache nothing."""
    if request is not None:
        memo = getattr(request, ATTRIBUTE, UNKNOWN)
        if memo is not UNKNOWN:
            return memo
    if _pending and not _increment():
        value = None
    else:
        value = _read()
    if request is not None:
        setattr(request, ATTRIBUTE, value)
    return value


def _increment():
    """Count one change now; False when the cache could not be reached."""
    global _pending
    try:
        try:
            cache.incr(KEY)
        except ValueError:  # no counter yet (or the cache is unreachable, which `add` tells apart)
            if not cache.add(KEY, start_value() + 1, timeout=None):
                cache.incr(KEY)
    except Exception:  # noqa: BLE001 - a cache that fails must never fail the change that was saved
        if not _pending:
            logger.warning("The content generation could not be counted; retrying at the next request.")
        _pending = True
        return False
    _pending = False
    return True


def bump(**kwargs):
    """Count a change once the current transaction commits (at once outside a transaction). Usable as a receiver.

    Each call marks the connection and queues a flush; the first flush after the commit counts the change once, the
    others find nothing marked (5,000 pages published in one import bump once)."""
    connection = transaction.get_connection()
    connection.content_changed = True
    transaction.on_commit(_flush, robust=True)


def _flush():
    connection = transaction.get_connection()
    if getattr(connection, "content_changed", False):
        connection.content_changed = False
        _increment()
