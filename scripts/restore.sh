#!/usr/bin/env bash
# Restore a backup of scripts/backup.sh into a new, empty database and a new media folder.
#
#   DATABASE_URL=postgres://user:pass@host:5432/leader_restored MEDIA_ROOT=/srv/leader/media-restored \
#       scripts/restore.sh /backups/leader-20260101T020000Z
#
# A backup with private-media.tar.gz needs PRIVATE_MEDIA_ROOT too, a new folder like MEDIA_ROOT.
# The database must exist and be empty (createdb leader_restored); MEDIA_ROOT must be empty or not exist yet. The
# checksums are verified first; the database is restored in one transaction, so a failure leaves it empty.
# Then point the portal at them (DATABASE_URL, MEDIA_ROOT) and run `manage.py migrate` (a no-op unless the code is
# newer than the backup).
set -euo pipefail

backup="${1:?usage: scripts/restore.sh BACKUP_FOLDER}"
: "${DATABASE_URL:?DATABASE_URL must name the new, empty PostgreSQL database to restore into}"
: "${MEDIA_ROOT:?MEDIA_ROOT must name the new media folder to restore into}"
for file in database.dump media.tar.gz SHA256SUMS; do
    if [ ! -f "$backup/$file" ]; then
        echo "restore.sh: $backup/$file is missing: not a backup of scripts/backup.sh" >&2
        exit 2
    fi
done
(cd "$backup" && sha256sum --check --quiet SHA256SUMS) || { echo "restore.sh: checksums do not match" >&2; exit 2; }

tables=$(psql --dbname="$DATABASE_URL" --no-psqlrc --tuples-only --no-align \
    --command="SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != "0" ]; then
    echo "restore.sh: the database already has $tables tables; restore into a new, empty database" >&2
    exit 2
fi
for target in "$MEDIA_ROOT" ${PRIVATE_MEDIA_ROOT:+"$PRIVATE_MEDIA_ROOT"}; do
    if [ -d "$target" ] && [ -n "$(ls -A "$target")" ]; then
        echo "restore.sh: $target is not empty; restore into a new media folder" >&2
        exit 2
    fi
done
if [ -f "$backup/private-media.tar.gz" ] && [ -z "${PRIVATE_MEDIA_ROOT:-}" ]; then
    echo "restore.sh: the backup holds private files; set PRIVATE_MEDIA_ROOT to a new folder for them" >&2
    exit 2
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$DATABASE_URL" \
    "$backup/database.dump"
mkdir -p "$MEDIA_ROOT"
tar --extract --gzip --file="$backup/media.tar.gz" --directory="$MEDIA_ROOT"
if [ -f "$backup/private-media.tar.gz" ]; then
    mkdir -p "$PRIVATE_MEDIA_ROOT"
    tar --extract --gzip --file="$backup/private-media.tar.gz" --directory="$PRIVATE_MEDIA_ROOT"
fi
echo "restored $backup into the database and $MEDIA_ROOT"
