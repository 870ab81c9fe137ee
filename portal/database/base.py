"""Django's PostgreSQL backend, telling `portal.outages` when its database cannot be reached or comes back.

Within a request, a connection is attempted once: after a failure, the request's later attempts fail at once with
the same error instead of waiting out another connection timeout (see `portal.outages`).
"""

import psycopg
from django.db.backends.postgresql import base

from portal import outages


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        earlier = outages.database.failed_in_this_request()
        if earlier is not None:
            raise psycopg.OperationalError(f"not retried in this request: {outages.first_line(earlier)}")
        try:
            connection = super().get_new_connection(conn_params)
        except psycopg.Error as exc:
            outages.database.failed(exc)
            raise
        outages.database.recovered()
        return connection
