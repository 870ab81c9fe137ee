"""`manage.py rebuild_search_index`: the site search's entries of every live, public page, anew."""

from django.core.management.base import BaseCommand

from sitesearch.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search's index (one entry per live, public page, in its language)."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} pages."))
