from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and content pages")

    def ready(self):
        from home.folding import register_sqlite_functions

        # SQLite learns portal_fold() and the portal_<lang> collations on each connection; PostgreSQL has them from
        # migration 0003.
        connection_created.connect(register_sqlite_functions, dispatch_uid="home.folding")

        from home import signals

        # Every change a public page may show bumps the content generation (home/freshness.py).
        signals.connect()
