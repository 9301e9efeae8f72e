#!/usr/bin/env bash
# Packs the editors' CLI as a .NET tool and installs it from that local package, exactly as a
# user would (`dotnet tool install annuaire`), then checks that the installed command runs.
# Usage: tools/install-cli.sh [TOOL_DIR]   (default: .tools) — then run TOOL_DIR/annuaire.
set -euo pipefail
cd "$(dirname "$0")/.."
tool_dir="${1:-.tools}"
feed="artifacts/nupkg"

rm -rf "$feed"
dotnet pack tools/Annuaire.Cli -c Release -o "$feed" --nologo -v quiet
# Reinstall over a previous copy so the tool is always the one just packed.
dotnet tool uninstall annuaire --tool-path "$tool_dir" >/dev/null 2>&1 || true
# --source, not --add-source: only the package just built, never a same-named one from a registry.
dotnet tool install annuaire --tool-path "$tool_dir" --source "$feed" --verbosity quiet
"$tool_dir/annuaire" --help >/dev/null
echo "annuaire installé dans $tool_dir (paquet : $(ls "$feed"))"
