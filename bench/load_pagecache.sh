#!/usr/bin/env bash
# load_pagecache.sh - 64 clients for 60 s on a mix of the demo's pages against gunicorn (production settings,
# PostgreSQL and Redis), with the page cache and without it, in one run; then the home page alone with
# ../shared/tools/load.sh. The mix waits up to gunicorn's 30 s for an answer (wrk's --timeout), so that a socket
# error is a request that failed; load.sh keeps wrk's 2 s, where a slower answer counts as a timeout. Prints wrk's figures: req/s, p50/p90/p99 latency, non-2xx/3xx and socket errors.
#
# Usage (from the project folder):
#   bench/load_pagecache.sh [DATABASE_URL] [REDIS_URL]
#   defaults: postgres://postgres@127.0.0.1:5432/leader_load and redis://127.0.0.1:6379/1
# The database is migrated and, when it has no page yet, filled with the demo (load_demo): never point it at a
# database you care about, nor at a Redis database another site uses (Wagtail keeps the site's root paths there).
# Environment: CONNECTIONS (64), DURATION (60s), WORKERS (3), PORT (8765).
set -euo pipefail
cd "$(dirname "$0")/.."

export DATABASE_URL="${1:-postgres://postgres@127.0.0.1:5432/leader_load}"
export REDIS_URL="${2:-redis://127.0.0.1:6379/1}"
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY=load-test-only ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false LOG_LEVEL=WARNING
C="${CONNECTIONS:-64}" D="${DURATION:-60s}" WORKERS="${WORKERS:-3}" PORT="${PORT:-8765}"
PY=.venv/bin/python
LOAD=../shared/tools/load.sh
[ -x "$LOAD" ] || LOAD=/work/shared/tools/load.sh
command -v wrk >/dev/null || { echo "wrk missing (apt-get install -y wrk)" >&2; exit 1; }

$PY manage.py migrate --no-input -v0
$PY manage.py createcachetable
$PY manage.py collectstatic --no-input -v0
if [ "$($PY manage.py shell -c 'from wagtail.models import Page; print(Page.objects.filter(depth__gt=1).count())' | tail -n 1)" = 0 ]; then
  $PY manage.py load_demo
fi

# The mix: the demo's homes and sections in every language, and each Matrix with a filter. Every address is asked
# once before the run (the cache's first visit), so that the run measures what a warm site answers.
work=$(mktemp -d)
trap 'kill "$(cat "$work/pid" 2>/dev/null)" 2>/dev/null || true; sleep 1; rm -rf "$work" || true' EXIT
$PY manage.py shell -c '
from wagtail.models import Page
paths = [p.url for p in Page.objects.live().public().filter(depth__gt=1, depth__lte=3).order_by("path") if p.url]
paths += [p + "?category=videos" for p in paths if p.rstrip("/").endswith("resources")]
print("\n".join(paths))' | grep '^/' >"$work/paths"
{
  echo "paths = {"
  sed 's/.*/  "&",/' "$work/paths"
  echo "}"
  echo 'counter = 0'
  echo 'request = function() counter = counter + 1; return wrk.format("GET", paths[(counter % #paths) + 1]) end'
} >"$work/mix.lua"
echo "# $(wc -l <"$work/paths") addresses in the mix; $WORKERS gunicorn workers; wrk -t2 -c$C -d$D; $(nproc) cores"

serve() { # PAGE_CACHE on|off
  PAGE_CACHE=$1 .venv/bin/gunicorn portal.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" --timeout 30 \
    --daemon --pid "$work/pid" --error-logfile "$work/gunicorn-$1.log"
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.3; done
  echo "gunicorn did not start" >&2; cat "$work/gunicorn-$1.log" >&2; exit 1
}
stop() { kill "$(cat "$work/pid")"; while [ -e "$work/pid" ]; do sleep 0.2; done; }

printf '%-10s %9s %8s %8s %8s %7s %s\n' cache req/s p50ms p90ms p99ms non2xx sockerr
for mode in off on; do
  serve "$mode"
  while read -r path; do curl -s -o /dev/null "http://127.0.0.1:$PORT$path"; done <"$work/paths"
  wrk -t2 -c"$C" -d5s -s "$work/mix.lua" "http://127.0.0.1:$PORT/" >/dev/null # warm-up, discarded
  wrk -t2 -c"$C" -d"$D" --timeout 30s --latency -s "$work/mix.lua" "http://127.0.0.1:$PORT/" | awk -v mode="$mode" '
    function ms(v,  x) { x = v + 0
      if (v ~ /us$/) return x / 1000; if (v ~ /ms$/) return x
      if (v ~ /m$/) return x * 60000; if (v ~ /s$/) return x * 1000; return x }
    $1 == "50%" { p50 = ms($2) } $1 == "90%" { p90 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { gsub(/,/, ""); err = $4 + $6 + $8 + $10 }
    END { printf "%-10s %9.1f %8.2f %8.2f %8.2f %7d %d\n", "mix " mode, rps, p50, p90, p99, non2xx, err }'
  "$LOAD" -c"$C" -d"$D" -w5s "http://127.0.0.1:$PORT/en/" | tail -n 1 | sed "s/^/home $mode: /"
  stop
done
