#!/usr/bin/env bash
# Runs the teaching notebooks headless with dotnet-repl (a local dotnet tool: `dotnet tool restore`)
# and fails if any cell failed. Builds nothing: build the library in Release first,
#   dotnet build -c Release src/Micrograd.Functional
#
# usage: docs/notebooks/run.sh [--update] [NOTEBOOK.ipynb ...]   (default: every *.ipynb in this folder)
#   --update  after a notebook passes, write its executed copy, outputs included, over the source
#             (normalised by normalize.cs so that an unchanged notebook gives no diff)
#
# dotnet-repl exits 2 when a cell fails but still runs the cells after it, and writes every
# output into the executed copy; so a notebook passes only if dotnet-repl exits 0 AND the copy has
# as many code cells as the source, no "error" output and no stderr stream.
# Prints PASS or FAIL per notebook and closes with "notebooks: N passed, M failed".
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
update=false
if [ "${1:-}" = "--update" ]; then
  update=true
  shift
fi
cd "$here" || exit 1
if [ $# -gt 0 ]; then
  notebooks=()
  for notebook in "$@"; do notebooks+=("$(basename "$notebook")"); done # they live here
else
  notebooks=(*.ipynb)
fi

library=../../src/Micrograd.Functional/bin/Release/net10.0/Micrograd.Functional.dll
if [ ! -f "$library" ]; then
  echo "notebooks: $library is missing; build it first: dotnet build -c Release src/Micrograd.Functional" >&2
  echo "notebooks: 0 passed, ${#notebooks[@]} failed"
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A JSON key-value pair as dotnet-repl (or an editor) writes it, whatever the spacing.
pair() { printf '"%s"[[:space:]]*:[[:space:]]*"%s"' "$1" "$2"; }

passed=0
failed=0
for notebook in "${notebooks[@]}"; do
  name=$(basename "$notebook")
  out="$work/$name"
  start=$SECONDS
  # One notebook should take well under a minute; the limit only stops a hung kernel.
  timeout 900 dotnet repl --run "$notebook" --exit-after-run --output-path "$out" >"$work/$name.log" 2>&1
  status=$?
  seconds=$((SECONDS - start))

  problems=()
  [ "$status" -eq 0 ] || problems+=("dotnet-repl exited with $status")
  if [ ! -s "$out" ]; then
    problems+=("no executed notebook was written")
  else
    expected=$(grep -cE "$(pair cell_type code)" "$notebook")
    actual=$(grep -cE "$(pair cell_type code)" "$out")
    [ "$expected" -eq "$actual" ] || problems+=("$actual of $expected code cells in the executed copy")
    errors=$(grep -cE "$(pair output_type error)" "$out")
    [ "$errors" -eq 0 ] || problems+=("$errors cell(s) raised an error")
    streams=$(grep -cE "$(pair name stderr)" "$out")
    [ "$streams" -eq 0 ] || problems+=("$streams cell(s) wrote to stderr")
  fi

  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1))
    echo "PASS $name (${seconds} s)"
    if $update; then
      dotnet run normalize.cs -- "$out" && cp "$out" "$notebook" && echo "     updated $name with its outputs"
    fi
  else
    failed=$((failed + 1))
    echo "FAIL $name (${seconds} s): $(IFS=';'; echo "${problems[*]}" | sed 's/;/; /g')"
    # The first line of each error message, still JSON-escaped.
    grep -E '"evalue"[[:space:]]*:' "$out" 2>/dev/null | sed -E 's/^[[:space:]]*"evalue"[[:space:]]*:[[:space:]]*"//; s/\\n.*//; s/",?$//' | cut -c1-300 | sed 's/^/     /'
    tail -n 20 "$work/$name.log" | sed 's/^/     /'
  fi
done

echo "notebooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
