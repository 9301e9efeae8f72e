#!/usr/bin/env bash
# Loopback load test of the real site, bounded in time:
#   tools/loadtest.sh [seconds=60] [report-file]
# Environment: ANNUAIRE_LOADTEST_CONTENT=DIR uses another content folder (e.g. 10,000 offers written
# by `tools/Annuaire.Bench -- --write DIR --corpus realistic --offers 10000`); ANNUAIRE_LOADTEST_DISTINCT=oui
# makes every search distinct (no output cache: the engine's own throughput); ANNUAIRE_LOADTEST_CLIENTS=N
# sets the number of concurrent clients (default 8), ANNUAIRE_LOADTEST_WARMUP=S the seconds of load
# sent before measuring (default 5: compilation and caches; errors still count).
# Copies the content to a temporary folder, starts the site (Release, saved index on) on a free
# loopback port, runs mixed searches for the given time while an offer file is rewritten every
# 10 s (each rewrite = a live rebuild), then stops the site. The report gives the processor time per
# answer of the site and of the load generator, which share the machine. Exit code 1 on any 5xx, any failed
# request, a missing rebuild or a final health other than "ok".
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
report="${2:-}"
work="$(mktemp -d /tmp/annuaire-loadtest-XXXXXX)"
site_pid=""
cleanup() {
  if [ -n "$site_pid" ]; then kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cp -r "${ANNUAIRE_LOADTEST_CONTENT:-content}" "$work/content"
dotnet build -c Release -v quiet -nologo src/Annuaire.Web/Annuaire.Web.csproj >/dev/null
dotnet build -c Release -v quiet -nologo tools/Annuaire.LoadTest/Annuaire.LoadTest.csproj >/dev/null

# The site picks a free port itself (port 0) and prints it.
(
  cd src/Annuaire.Web
  exec env Annuaire__ContentPath="$work/content" Annuaire__IndexPath="$work/index" \
    Annuaire__RequestsPerMinutePerClient=1000000 Logging__LogLevel__Default=Warning \
    "Logging__LogLevel__Microsoft.Hosting.Lifetime=Information" ASPNETCORE_ENVIRONMENT=Production \
    dotnet bin/Release/net10.0/Annuaire.Web.dll --urls http://127.0.0.1:0
) >"$work/site.log" 2>&1 &
site_pid=$!

url=""
for _ in $(seq 1 120); do
  url="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/site.log" | head -1 || true)"
  [ -n "$url" ] && break
  if ! kill -0 "$site_pid" 2>/dev/null; then cat "$work/site.log"; echo "Le site n'a pas démarré." >&2; exit 1; fi
  sleep 0.5
done
[ -n "$url" ] || { cat "$work/site.log"; echo "Le site n'a pas annoncé son adresse." >&2; exit 1; }
echo "Site : $url (contenu copié dans $work/content)"

args=(--url "$url" --seconds "$seconds" --warmup "${ANNUAIRE_LOADTEST_WARMUP:-5}" --concurrency "${ANNUAIRE_LOADTEST_CLIENTS:-8}"
  --server-pid "$site_pid" --touch-content "$work/content" --touch-every 10)
[ -n "$report" ] && args+=(--report "$report")
[ -n "${ANNUAIRE_LOADTEST_DISTINCT:-}" ] && args+=(--distinct "$ANNUAIRE_LOADTEST_DISTINCT")
status=0
dotnet tools/Annuaire.LoadTest/bin/Release/net10.0/Annuaire.LoadTest.dll "${args[@]}" || status=$?
if grep -qE 'fail|crit' "$work/site.log"; then
  echo "Erreurs dans le journal du site :"; grep -E -A3 'fail|crit' "$work/site.log" | head -40
  status=1
fi
exit "$status"
