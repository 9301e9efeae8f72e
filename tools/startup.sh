#!/usr/bin/env bash
# Start-up time of the site, with and without a saved index:
#   tools/startup.sh CONTENT_DIR
# Starts the site (Release) three times on a free loopback port with a fresh index folder:
# no saved index (build from content, then save), saved index (served at once), damaged saved
# index (rebuilt). Prints the seconds until /healthz first answers 200, and the index source.
set -euo pipefail
cd "$(dirname "$0")/.."
content="$(realpath "${1:?dossier de contenu}")"
work="$(mktemp -d /tmp/annuaire-startup-XXXXXX)"
trap 'rm -rf "$work"' EXIT
dotnet build -c Release -v quiet -nologo src/Annuaire.Web/Annuaire.Web.csproj >/dev/null

run() {
  local label="$1" started url="" pid
  started=$(date +%s.%N)
  (cd src/Annuaire.Web && exec env Annuaire__ContentPath="$content" Annuaire__IndexPath="$work/index" \
     Logging__LogLevel__Default=Warning "Logging__LogLevel__Microsoft.Hosting.Lifetime=Information" \
     dotnet bin/Release/net10.0/Annuaire.Web.dll --urls http://127.0.0.1:0) >"$work/site.log" 2>&1 &
  pid=$!
  while [ -z "$url" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/site.log"; exit 1; }
    url="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/site.log" | head -1 || true)"
    sleep 0.05
  done
  until curl -fs "$url/healthz" >"$work/health.json"; do sleep 0.05; done
  printf '%-28s %6.2f s  %s\n' "$label" "$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN{print a-b}')" \
    "$(grep -oE '"startedFrom":"[^"]*"' "$work/health.json")"
  # Let the background check after a saved-index start finish before stopping.
  sleep 2
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run "sans index enregistré"
run "avec index enregistré"
tim="$(ls "$work"/index/*.tim | head -1)"
printf '\xff' | dd of="$tim" bs=1 seek=$(( $(stat -c %s "$tim") / 2 )) conv=notrunc status=none
run "index enregistré endommagé"
