#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of every packable project (src/*) from the code, so the files list exactly the
# public surface that PublicAPI.Shipped.txt does not: members added since the last release appear, members deleted
# disappear (a deleted member that had shipped appears as a *REMOVED* line). Running it twice changes nothing.
#
# Usage: bash build/update-public-api.sh [src/Project ...]   (default: every project under src/)
# Run it after changing or merging public API, then review the diff of the PublicAPI.Unshipped.txt files: it is the
# API change. How it works: each Unshipped file is reset to its header, then the analyzers' own code fixes (RS0016:
# add a missing symbol, RS0017: mark a removed one) are applied by `dotnet format analyzers`, and the lines are sorted.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "$#" -gt 0 ]; then
  dirs=("$@")
else
  dirs=()
  for dir in src/*/; do
    dir="${dir%/}"
    compgen -G "$dir/*.csproj" >/dev/null && dirs+=("$dir")
  done
fi

header='#nullable enable'
for dir in "${dirs[@]}"; do
  project="$(compgen -G "$dir/*.csproj" | head -n 1 || true)"
  if [ -z "$project" ]; then
    echo "update-public-api: no project file in '$dir'; pass project folders such as src/OutOfDark" >&2
    exit 2
  fi
  [ -f "$dir/PublicAPI.Shipped.txt" ] || printf '%s\n' "$header" > "$dir/PublicAPI.Shipped.txt"
  printf '%s\n' "$header" > "$dir/PublicAPI.Unshipped.txt"
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for dir in "${dirs[@]}"; do
  project="$(compgen -G "$dir/*.csproj" | head -n 1)"
  echo "update-public-api: $project" >&2
  dotnet restore "$project" -v quiet >/dev/null
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity warn --no-restore -v quiet
  # Sorted by ordinal after the header, so the file does not depend on the order the fixer inserted lines in.
  unshipped="$dir/PublicAPI.Unshipped.txt"
  { printf '%s\n' "$header"; grep -v -x -F "$header" "$unshipped" | sed '/^$/d' | LC_ALL=C sort -u || true; } > "$unshipped.tmp"
  mv "$unshipped.tmp" "$unshipped"
  echo "update-public-api: $unshipped: $(($(wc -l < "$unshipped") - 1)) lines" >&2
done
