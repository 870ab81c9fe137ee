"""Run by the backup drill in a process of its own: serve the paths given on the command line from the database of
DATABASE_URL and the media folder given first, and print {path: {status, content type, body}} as JSON."""

import json
import sys

import django

django.setup()

from django.test import Client, override_settings  # noqa: E402


def main(media_root, *paths):
    answers = {}
    with override_settings(MEDIA_ROOT=media_root):
        client = Client()
        for path in paths:
            response = client.get(path)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            answers[path] = {
                "status": response.status_code,
                "type": response.headers.get("Content-Type"),
                "body": body.decode("utf-8", "replace"),
            }
    print(json.dumps(answers))


if __name__ == "__main__":
    main(*sys.argv[1:])
