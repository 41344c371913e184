#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of every packable project (src/*) from the code, so that it lists exactly the
# public surface that PublicAPI.Shipped.txt does not: members added since the last release appear, members deleted
# disappear, and a member that had shipped and is gone appears as a *REMOVED* line. Running it twice changes nothing.
#
# Usage: bash build/update-public-api.sh [src/Project ...]   (default: every project under src/)
# Run it after changing or merging public API, then review the diff of the PublicAPI.Unshipped.txt files: it is the
# API change.
#
# How: with both files reset to their header, the analyzer's own code fix for RS0016 ("symbol is not part of the
# declared public API"), applied by `dotnet format analyzers`, writes the whole current surface; Unshipped is then
# that surface less the Shipped lines, plus *REMOVED* lines for Shipped members no longer in it. (Letting the fixer
# run against a Shipped file that names a deleted member writes nothing, hence the reset.)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "$#" -gt 0 ]; then
  dirs=("${@%/}")
else
  dirs=()
  for dir in src/*/; do
    dir="${dir%/}"
    compgen -G "$dir/*.csproj" >/dev/null && dirs+=("$dir")
  done
fi

header='#nullable enable'
work="$(mktemp -d "${TMPDIR:-/tmp}/outofdark-public-api.XXXXXX")"
shipped_backup=()
restore_shipped() {
  # Whatever happens, each Shipped file is put back as it was.
  for dir in "${shipped_backup[@]}"; do
    cp "$work/$(basename "$dir").shipped" "$dir/PublicAPI.Shipped.txt"
  done
  rm -rf "$work"
}
trap restore_shipped EXIT

body() { grep -v -x -F "$header" "$1" | sed '/^[[:space:]]*$/d' | LC_ALL=C sort -u || true; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for dir in "${dirs[@]}"; do
  project="$(compgen -G "$dir/*.csproj" | head -n 1 || true)"
  if [ -z "$project" ]; then
    echo "update-public-api: no project file in '$dir'; pass project folders such as src/OutOfDark" >&2
    exit 2
  fi
  name="$(basename "$dir")"
  [ -f "$dir/PublicAPI.Shipped.txt" ] || printf '%s\n' "$header" > "$dir/PublicAPI.Shipped.txt"
  cp "$dir/PublicAPI.Shipped.txt" "$work/$name.shipped"
  shipped_backup+=("$dir")
  printf '%s\n' "$header" > "$dir/PublicAPI.Shipped.txt"
  printf '%s\n' "$header" > "$dir/PublicAPI.Unshipped.txt"

  echo "update-public-api: $project" >&2
  dotnet restore "$project" -v quiet >/dev/null
  dotnet format analyzers "$project" --diagnostics RS0016 --severity warn --no-restore -v quiet

  body "$dir/PublicAPI.Unshipped.txt" > "$work/$name.current"
  grep -v '^\*REMOVED\*' "$work/$name.shipped" | grep -v -x -F "$header" | sed '/^[[:space:]]*$/d' | LC_ALL=C sort -u > "$work/$name.shipped.sorted" || true
  cp "$work/$name.shipped" "$dir/PublicAPI.Shipped.txt"
  {
    printf '%s\n' "$header"
    {
      LC_ALL=C comm -23 "$work/$name.current" "$work/$name.shipped.sorted"
      LC_ALL=C comm -13 "$work/$name.current" "$work/$name.shipped.sorted" | sed 's/^/*REMOVED*/'
    } | LC_ALL=C sort
  } > "$dir/PublicAPI.Unshipped.txt"
  echo "update-public-api: $dir/PublicAPI.Unshipped.txt: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) lines" >&2
done
