#!/usr/bin/env bash
# The packages as a user meets them: pack Micrograd.Functional (+ symbols) and the `micrograd` tool into a
# temporary local feed; check what the packages hold; build a C# and an F# console app OUTSIDE the
# repository that `dotnet add package` the library from that feed and check micrograd's numbers; install
# the tool and run it. One "PASS name" / "FAIL name: detail" line per check, then
# "packages: N passed, M failed" (counted by .ci/run).
# A temporary NUGET_PACKAGES keeps a stale cached copy of this same version from shadowing the new one.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
SECONDS=0
passed=0 failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1${2:+: $2}"; failed=$((failed + 1)); }
check() { if eval "$2"; then pass "$1"; else fail "$1" "${3:-}"; fi; }
# Runs a command whose output has PASS/FAIL lines; counts them, and a failure of the command itself.
counted() {
  local name=$1 log; shift
  log=$(mktemp "$work/log.XXXXXX")
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]} p f
  p=$(grep -c '^PASS ' "$log"); f=$(grep -c '^FAIL ' "$log")
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then fail "$name" "exited with $status"; fi
}
finish() { echo "packages: took ${SECONDS} s"; echo "packages: $passed passed, $failed failed"; exit $((failed > 0)); }

version=$(dotnet msbuild src/Micrograd.Functional -getProperty:Version)
url=$(dotnet msbuild src/Micrograd.Functional -getProperty:PublicRepositoryUrl)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT   # the feed (the tool is 80 MB), the consumers and their package cache
feed=$work/feed
lib=$feed/Micrograd.Functional.$version.nupkg symbols=$feed/Micrograd.Functional.$version.snupkg tool=$feed/Micrograd.Demo.$version.nupkg
echo "version $version, feed $feed"

for project in src/Micrograd.Functional src/Micrograd.Demo; do
  dotnet pack "$project" -c Release -o "$feed" -v quiet -nologo ||
    { fail "dotnet pack $project"; finish; }
done
unzip -l "$lib"; unzip -l "$symbols"

# What a package page and a debugger need.
entries=$(unzip -Z1 "$lib")
nuspec=$(unzip -p "$lib" Micrograd.Functional.nuspec)
has() { grep -qx "$2" <<< "$1"; }
check "nupkg: holds the package README, PACKAGE.md" 'has "$entries" PACKAGE.md && grep -q "<readme>PACKAGE.md</readme>" <<< "$nuspec"'
check "nupkg: holds the XML docs beside the DLL" 'has "$entries" lib/net10.0/Micrograd.Functional.dll && has "$entries" lib/net10.0/Micrograd.Functional.xml'
check "nupkg: holds the license file and declares MIT" 'has "$entries" LICENSE && grep -q "<license type=\"expression\">MIT</license>" <<< "$nuspec"'
hex() { od -An -tx1 | tr -d ' \n'; }
check "nupkg: holds the icon, a 128x128 PNG" '[ "$(unzip -p "$lib" icon.png | head -c 24 | hex)" = 89504e470d0a1a0a0000000d494844520000008000000080 ]'
check "nupkg: the repository is $url at a commit" 'grep -qE "<repository type=\"git\" url=\"$url\"[^>]* commit=\"[0-9a-f]{40}\"" <<< "$nuspec"'
check "nupkg: the package README has no relative links" '! unzip -p "$lib" PACKAGE.md | grep -qE "\]\((\.|[a-zA-Z0-9_-]+/)[^)]*\)"'
tool_entries=$(unzip -Z1 "$tool")
check "tool: Micrograd.Demo is a .NET tool whose command is micrograd" 'unzip -p "$tool" tools/net10.0/any/DotnetToolSettings.xml | grep -q "Name=\"micrograd\""'
check "tool: carries SkiaSharp's native library for linux-x64" 'has "$tool_entries" tools/net10.0/any/runtimes/linux-x64/native/libSkiaSharp.so'

# Symbols: a file-based app with System.Reflection.Metadata, run outside the repository.
mkdir -p "$work/symbols" && cp .ci/consumers/symbols/check-symbols.cs "$work/symbols/"
counted "symbols check" bash -c "cd '$work/symbols' && dotnet run check-symbols.cs -- '$lib' '$symbols' '$url'"

# Consumers: what a user types, against the local feed, with a cache of their own.
export NUGET_PACKAGES=$work/nuget-packages
consumer() { # language, source file
  local dir=$work/consumer-$1
  dotnet new console -lang "$1" -o "$dir" -n Consumer > /dev/null &&
    cp "$repo/.ci/consumers/$2" "$dir/" &&
    (cd "$dir" && dotnet new nugetconfig > /dev/null && dotnet nuget add source "$feed" -n local > /dev/null) &&
    dotnet add "$dir" package Micrograd.Functional --version "$version" > /dev/null &&
    dotnet run --project "$dir" -c Release
}
counted "C# consumer builds and runs" consumer "C#" csharp/Program.cs
counted "F# consumer builds and runs" consumer "F#" fsharp/Program.fs

# The tool, installed as a user would, run from an empty folder.
bin=$work/tools run=$work/run && mkdir -p "$run"
if dotnet tool install --tool-path "$bin" --add-source "$feed" Micrograd.Demo --version "$version" > /dev/null; then
  pass "tool: dotnet tool install --tool-path ... Micrograd.Demo"
  check "tool: micrograd --help exits 0 and lists --steps" '(cd "$run" && "$bin/micrograd" --help) | grep -q -- --steps'
  check "tool: micrograd --steps 5 --out DIR exits 0" '(cd "$run" && "$bin/micrograd" --steps 5 --out "$work/out")'
  png() { [ "$(head -c 8 "$1" 2> /dev/null | hex)" = 89504e470d0a1a0a ] && [ "$(stat -c %s "$1")" -gt 10000 ]; }
  check "tool: wrote decision-boundary.png and training.png (PNG, over 10 KB)" 'png "$work/out/decision-boundary.png" && png "$work/out/training.png"'
  check "tool: summary.json records 5 steps" 'grep -qE "\"steps\": ?5," "$work/out/summary.json"'
  check "tool: a bad option exits 2, as the demo does" '(cd "$run" && "$bin/micrograd" --no-such-option > /dev/null 2>&1); [ $? -eq 2 ]'
  # micrograd's run with no options, into ./artifacts/moons as the demo does; its last loss is the notebook's step 99.
  name="tool: micrograd (no options) writes ./artifacts/moons with the notebook's step-99 loss 0.010978370135492717"
  if (cd "$run" && "$bin/micrograd" > /dev/null); then
    loss=$(sed -nE 's/^ *"finalLoss": ([-0-9.eE+]+),?$/\1/p' "$run/artifacts/moons/summary.json")
    check "$name" 'awk -v x="$loss" "BEGIN { d = x - 0.010978370135492717; exit !(x != \"\" && (d < 0 ? -d : d) <= 1e-9 * 0.010978370135492717) }"' "finalLoss '$loss'"
  else
    fail "$name" "exited with $?"
  fi
  check "tool: micrograd graph exits 0 and writes ./artifacts/graph/neuron.svg" '(cd "$run" && "$bin/micrograd" graph > /dev/null) && [ -s "$run/artifacts/graph/neuron.svg" ]'
else
  fail "tool: dotnet tool install --tool-path ... Micrograd.Demo"
fi
finish
