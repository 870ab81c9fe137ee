#!/usr/bin/env bash
# Back up the portal: the database (pg_dump, custom format) and the uploaded media (a tar of MEDIA_ROOT).
#
#   DATABASE_URL=postgres://user:pass@host:5432/leader MEDIA_ROOT=/srv/leader/media scripts/backup.sh /backups
#
# Writes /backups/leader-<UTC time>/ with database.dump, media.tar.gz and SHA256SUMS, and prints that folder. When
# PRIVATE_MEDIA_ROOT names a folder (learners' files kept on disk), it is saved too, as private-media.tar.gz.
# `dumpdata` cannot stand in for this: it leaves out the files, and loading its JSON into a new database clashes
# with the content types and permissions that migrations create. Restore with scripts/restore.sh.
set -euo pipefail

destination="${1:?usage: scripts/backup.sh DESTINATION_FOLDER}"
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to back up}"
: "${MEDIA_ROOT:?MEDIA_ROOT must name the folder of uploaded images and documents}"
case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *) echo "backup.sh: DATABASE_URL is not a PostgreSQL URL; only PostgreSQL is backed up this way" >&2; exit 2 ;;
esac
if [ ! -d "$MEDIA_ROOT" ]; then
    echo "backup.sh: MEDIA_ROOT $MEDIA_ROOT is not a folder" >&2
    exit 2
fi

folder="$destination/leader-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$folder.partial"
trap 'rm -rf "$folder.partial"' EXIT

# One consistent snapshot of the database (pg_dump runs in one transaction); no owners or grants, so that it can be
# restored under another role.
pg_dump --format=custom --no-owner --no-privileges --file="$folder.partial/database.dump" --dbname="$DATABASE_URL"
tar --create --gzip --file="$folder.partial/media.tar.gz" --directory="$MEDIA_ROOT" .
archives=(database.dump media.tar.gz)
if [ -n "${PRIVATE_MEDIA_ROOT:-}" ] && [ -d "$PRIVATE_MEDIA_ROOT" ]; then
    tar --create --gzip --file="$folder.partial/private-media.tar.gz" --directory="$PRIVATE_MEDIA_ROOT" .
    archives+=(private-media.tar.gz)
fi
(cd "$folder.partial" && sha256sum "${archives[@]}" > SHA256SUMS)

mv "$folder.partial" "$folder"
trap - EXIT
echo "$folder"
