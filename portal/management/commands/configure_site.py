"""`manage.py configure_site`: the default Site's host name and port from WAGTAILADMIN_BASE_URL (or --url), so that
the sitemap, canonical links, downloads and the admin API link to the public address. Safe to run at every deploy."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from home.sites import configure_default_site


class Command(BaseCommand):
    help = "Set the default Site's host name and port from WAGTAILADMIN_BASE_URL (or --url)."

    def add_arguments(self, parser):
        parser.add_argument("--url", help="the portal's public address, e.g. https://cms-portal.example.org")

    def handle(self, *args, url=None, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site yet: run `manage.py load_demo` or create one in the admin.")
        site = configure_default_site(site, url)
        self.stdout.write(f"The default site is {site.root_url}/")
