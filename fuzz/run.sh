#!/usr/bin/env bash
# Fuzzes one of the library's file readers for a fixed time with afl-fuzz (AFL++) through SharpFuzz, and fails on
# any finding: a crash (an exception escaping the reader, or a failure that does not name the file, see
# Micrograd.Functional.Fuzz/Targets.cs), or a hang (one input taking longer than FUZZ_TIMEOUT_MS, 10 s by default).
#
#   fuzz/run.sh TARGET SECONDS      TARGET: csv (Csv.Load), model (ModelFile.Load) or onnx (OnnxImport.LoadMlp)
#
# It publishes fuzz/Micrograd.Functional.Fuzz into the output folder, instruments that copy of
# Micrograd.Functional.dll with SharpFuzz's `sharpfuzz` tool (the build output under src/ is never touched), and
# runs afl-fuzz on fuzz/corpus/TARGET with the dictionary fuzz/dict/TARGET.dict. Findings stay in FUZZ_OUT (default
# artifacts/fuzz/TARGET). Its closing line is "fuzz TARGET: N executions, N/s, coverage, edges, corpus, N crashes,
# N hangs". MICROGRAD_FUZZ_STRICT=1 also requires bounded failure messages without control characters.
# Needs afl-fuzz (Debian: apt-get install afl++).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: fuzz/run.sh csv|model|onnx SECONDS" >&2; exit 2; }
[ $# -eq 2 ] || usage
target=$1 seconds=$2
[ -d "fuzz/corpus/$target" ] || usage
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || usage
command -v afl-fuzz > /dev/null || { echo "fuzz/run.sh: afl-fuzz is not installed (Debian: apt-get install afl++)" >&2; exit 1; }

out=$(realpath -m "${FUZZ_OUT:-artifacts/fuzz/$target}")
rm -rf "$out" && mkdir -p "$out/tmp"
bin="$out/bin"

dotnet tool restore > /dev/null
dotnet publish fuzz/Micrograd.Functional.Fuzz -c Release -o "$bin" --nologo -v quiet > "$out/publish.log" 2>&1 ||
  { cat "$out/publish.log" >&2; echo "fuzz/run.sh: publishing the fuzz project failed" >&2; exit 1; }
dotnet sharpfuzz "$bin/Micrograd.Functional.dll" > "$out/instrument.log" ||
  { cat "$out/instrument.log" >&2; echo "fuzz/run.sh: instrumenting Micrograd.Functional.dll failed" >&2; exit 1; }

# AFL_SKIP_BIN_CHECK: the target is `dotnet`, not an AFL-compiled binary. TMPDIR: the targets' scratch files.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export TMPDIR="$out/tmp" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_TieredPGO=0
afl_exit=0
afl-fuzz -i "fuzz/corpus/$target" -o "$out/findings" -x "fuzz/dict/$target.dict" -t "${FUZZ_TIMEOUT_MS:-10000}" -m none -V "$seconds" \
  -- dotnet "$bin/Micrograd.Functional.Fuzz.dll" "$target" > "$out/afl.log" 2>&1 || afl_exit=$?

stats="$out/findings/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  tail -n 40 "$out/afl.log" >&2
  echo "fuzz/run.sh: afl-fuzz did not start (exit $afl_exit); its log is $out/afl.log"
  exit 1
fi
stat() { sed -nE "s/^$1 +: ([^ ]+).*/\1/p" "$stats"; }
crashes=$(stat saved_crashes) hangs=$(stat saved_hangs)
echo "fuzz $target: $(stat execs_done) executions, $(stat execs_per_sec)/s, coverage $(stat bitmap_cvg), edges $(stat edges_found), corpus $(stat corpus_count), $crashes crashes, $hangs hangs (findings in $out/findings)"

# Replay each crash without afl-fuzz so the log shows the exception (SharpFuzz runs the target once).
for input in "$out"/findings/default/crashes/id:*; do
  [ -e "$input" ] || continue
  echo "-- crash: $input" >&2
  (dotnet "$bin/Micrograd.Functional.Fuzz.dll" "$target" < "$input") 2>&1 | head -n 20 >&2 || true
done
for input in "$out"/findings/default/hangs/id:*; do
  [ -e "$input" ] && echo "-- hang (over ${FUZZ_TIMEOUT_MS:-10000} ms): $input" >&2
done

if [ "$afl_exit" -ne 0 ] || [ "$crashes" != 0 ] || [ "$hangs" != 0 ]; then
  [ "$afl_exit" -ne 0 ] && echo "fuzz/run.sh: afl-fuzz exited $afl_exit; its log is $out/afl.log" >&2
  exit 1
fi
