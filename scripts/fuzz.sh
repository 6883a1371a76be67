#!/usr/bin/env bash
# Fuzzes the OCPP-J frame decoder and the payload binding of every action with AFL++ and SharpFuzz
# for SECONDS seconds (default 600), then prints executions, paths and crashes; exits 1 on a crash.
#   scripts/fuzz.sh 900                    # needs afl-fuzz: apt-get install -y afl++
#   FUZZ_RESUME=1 scripts/fuzz.sh 900      # continue from fuzz/findings instead of the seed corpus
# A crash input replays with: dotnet fuzz/out/Ocpp16.Fuzz.dll < fuzz/findings/default/crashes/id:...
set -euo pipefail

seconds="${1:-600}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "error: SECONDS must be a positive whole number, got '$seconds'" >&2
    exit 2
fi

if ! command -v afl-fuzz >/dev/null; then
    echo "error: afl-fuzz not found; install AFL++ (Debian: apt-get install -y afl++)" >&2
    exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/fuzz/Ocpp16.Fuzz"
out="$root/fuzz/out"
findings="$root/fuzz/findings"

# A fresh build every time: SharpFuzz instruments Ocpp16.dll in place, and only once.
rm -rf "$out"
dotnet build "$project" -c Release -o "$out" --nologo -v quiet
(cd "$root/fuzz" && dotnet tool restore >/dev/null && dotnet sharpfuzz "$out/Ocpp16.dll")

input="$project/corpus"
if [[ "${FUZZ_RESUME:-0}" == 1 && -d "$findings/default" ]]; then
    input="-"
else
    rm -rf "$findings"
fi

# Not a tty and no core_pattern or CPU-governor tuning in a shared container: tell AFL++ so.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
afl-fuzz -V "$seconds" -i "$input" -o "$findings" -x "$project/ocpp.dict" -t 10000 -m none -- dotnet "$out/Ocpp16.Fuzz.dll" >"$root/fuzz/out/afl.log" 2>&1 || {
    tail -n 30 "$root/fuzz/out/afl.log" >&2
    exit 1
}

stats="$findings/default/fuzzer_stats"
stat() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$stats"; }
echo "run time:   $(( $(stat last_update) - $(stat start_time) )) s"
echo "executions: $(stat execs_done) ($(stat execs_per_sec) per second at the end)"
echo "paths:      $(stat corpus_count) ($(stat corpus_found) found beyond the $(ls "$project/corpus" | wc -l) seeds)"
echo "crashes:    $(stat saved_crashes)"
echo "hangs:      $(stat saved_hangs)"
[[ "$(stat saved_crashes)" == 0 ]]
