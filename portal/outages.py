"""What the portal does when the database or the cache stops answering: say so once in the log, answer quickly.

`database` and `cache` each keep, per process, whether their service is down. The first failure of an outage is
logged as one line (an error), then nothing more until the service answers again ("recovered", a warning, with how
long it was down and how many failures it caused), however many requests fail meanwhile.

Within one request, the database is tried once: after a failed connection, every further attempt in the same request
fails at once (`request_scope`, the `portal.database` backend), so that a database that hangs costs a request one
connection timeout, not one per query.
"""

import contextvars
import logging
import threading
import time
from contextlib import contextmanager

from django.db import InterfaceError, OperationalError

logger = logging.getLogger("portal.outages")

# Errors that mean "the database cannot answer now" (Django's wrappers of the driver's errors: refused or timed-out
# connections, a server shutting down, a statement cancelled by statement_timeout), not a bug in a query.
DATABASE_OUTAGE_ERRORS = (OperationalError, InterfaceError)


def first_line(exc):
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class Outage:
    """One service's state in this process, and its log: one line when it goes down, one when it comes back."""

    def __init__(self, service):
        self.service = service
        self.since = None
        self.failures = 0
        self.last_failure = 0.0
        self._lock = threading.Lock()

    @property
    def down(self):
        return self.since is not None

    def failed(self, exc):
        with self._lock:
            self.failures += 1
            self.last_failure = time.monotonic()
            if self.since is not None:
                return
            self.since = self.last_failure
        logger.error("%s unavailable: %s: %s", self.service, type(exc).__name__, first_line(exc))

    def recovered(self):
        if self.since is None:
            return
        with self._lock:
            if self.since is None:
                return
            duration, failures = time.monotonic() - self.since, self.failures
            self.since, self.failures = None, 0
        logger.warning("%s recovered after %.1f s (%d failed attempts)", self.service, duration, failures)


class DatabaseOutage(Outage):
    def __init__(self):
        super().__init__("database")
        # None outside a request (management commands retry as Django does); in a request, a one-item list that
        # holds the error of its first failed connection.
        self._request = contextvars.ContextVar("portal_database_request", default=None)

    @contextmanager
    def request_scope(self):
        token = self._request.set([None])
        try:
            yield
        finally:
            self._request.reset(token)

    def failed_in_this_request(self):
        scope = self._request.get()
        return scope[0] if scope else None

    def failed(self, exc):
        """Count a failed request once, however many of its queries failed."""
        scope = self._request.get()
        if scope is not None:
            if scope[0] is not None:
                return
            scope[0] = exc
        super().failed(exc)


database = DatabaseOutage()
cache = Outage("cache")


def is_database_outage(exc):
    return isinstance(exc, DATABASE_OUTAGE_ERRORS)
