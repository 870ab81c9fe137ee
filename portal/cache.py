"""Django's Redis cache, for which a stopped or hanging Redis is a miss, not an error.

Django's `RedisCache` raises on every call while Redis is down, which turns every page into a 500. Here a call that
cannot reach Redis answers as a miss (`get` gives the default, `add` and `touch` say False, `set` and `delete` do
nothing) and `portal.outages.cache` logs the outage once. After a failure Redis is left alone for `RETRY_AFTER`
seconds (every call answers as a miss at once), then tried again; the first call that reaches it logs "recovered".
Timeouts are short (`REDIS_TIMEOUT`, OPTIONS `socket_connect_timeout` and `socket_timeout`), so that a Redis that
accepts connections and never answers costs a request half a second once, not the request.

The accounts' rate limits count in this cache; what becomes of them during an outage is in docs/decisions.md
("Honest failures"): a miss there refuses the limited action, with a 503 that says why (`portal.views.handler429`).
"""

import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from portal import outages

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


def on_outage(answer):
    """Run the cache call; when Redis cannot be reached (or was not, less than RETRY_AFTER seconds ago), `answer`."""

    def decorator(method):
        @wraps(method)
        def call(self, *args, **kwargs):
            state = outages.cache
            if state.down and time.monotonic() - state.last_failure < self.RETRY_AFTER:
                return answer(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except UNREACHABLE as exc:
                state.failed(exc)
                return answer(*args, **kwargs)
            state.recovered()
            return result

        return call

    return decorator


def _missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")


class ResilientRedisCache(RedisCache):
    RETRY_AFTER = 5  # seconds

    add = on_outage(lambda *a, **k: False)(RedisCache.add)
    get = on_outage(lambda key, default=None, version=None: default)(RedisCache.get)
    set = on_outage(lambda *a, **k: None)(RedisCache.set)
    touch = on_outage(lambda *a, **k: False)(RedisCache.touch)
    delete = on_outage(lambda *a, **k: False)(RedisCache.delete)
    get_many = on_outage(lambda *a, **k: {})(RedisCache.get_many)
    has_key = on_outage(lambda *a, **k: False)(RedisCache.has_key)
    incr = on_outage(_missing)(RedisCache.incr)
    set_many = on_outage(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = on_outage(lambda *a, **k: None)(RedisCache.delete_many)
    clear = on_outage(lambda *a, **k: False)(RedisCache.clear)
