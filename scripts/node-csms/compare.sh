#!/usr/bin/env bash
# Runs latency.mjs for several station set-ups, interleaved (set-up 1, 2, ..., then again), so that
# the other work on the machine falls on all of them alike, and pools each set-up's runs.
#
#   scripts/node-csms/compare.sh REPEATS OUTDIR 'NAME|ENV=V ...|latency.mjs options' ...
#   scripts/node-csms/compare.sh 5 /tmp/cmp 'default||' 'crash-safe||--station-arg --durability --station-arg process-crash-safe' \
#       'server-gc|DOTNET_gcServer=1|'
# Every run gets --json OUTDIR/NAME.N.json; pooled tables go to OUTDIR/NAME.txt (and stdout).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repeats="$1"; out="$2"; shift 2
mkdir -p "$out"
[ -d "$here/node_modules" ] || npm ci --prefix "$here" --no-audit --no-fund >/dev/null
for ((i = 1; i <= repeats; i++)); do
  for setup in "$@"; do
    IFS='|' read -r name env args <<<"$setup"
    echo "== $name run $i (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    # shellcheck disable=SC2086 # env and args are word lists on purpose
    env $env node "$here/latency.mjs" $args --json "$out/$name.$i.json" >"$out/$name.$i.txt" 2>&1 || { echo "run failed:" >&2; tail -5 "$out/$name.$i.txt" >&2; exit 1; }
  done
done
for setup in "$@"; do
  IFS='|' read -r name _ _ <<<"$setup"
  node "$here/pool.mjs" "$out/$name".*.json >"$out/$name.txt"
  echo "=== $name"; cat "$out/$name.txt"
done
