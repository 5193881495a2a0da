#!/usr/bin/env bash
# Fleet scan bench: how a run's wall time and memory grow with the number of targets.
#
# For each size given, starts the fleet lab (`./periksa lab fleet`: simulated targets on
# 127.1.x.y, 35 % exposed, 45 % protected, 10 % slow, 10 % dead by default), scans every target
# with one `./periksa scan --inventory` and prints, per size: the scanning time (the console's
# "All N targets scanned in"), the whole command's wall time (outputs, report and certificates
# included), its CPU time and its peak RSS (GNU time), and the verdicts.
#
# Usage: bench/fleet-scan.sh [--sizes "10 100 1000"] [--seed S] [--mix E,P,S,D] [--stall-timeout S]
#                            [--keep DIR] [-- SCAN-OPTIONS]
#   --sizes  fleet sizes, one run each (default "10 100")
#   --seed   the fleet lab's seed (default 1)
#   --mix    the fleet lab's mix of exposed, protected, slow and dead targets
#   --stall-timeout  give the slow and silent targets' profiles this timeoutSeconds (default: the
#            lab's 3 s), so that they stall: only the scan's --target-budget then bounds them
#   --keep   copy each run's console and results.json into DIR
#   after --, options for ./periksa scan (e.g. --parallel 16 --no-report --tags "@STO-1 or @AUT-1")
# Needs: what `mvn -B verify` needs (Java 17, Maven), and GNU time (/usr/bin/time).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

sizes="10 100"
seed=1
mix=""
keep=""
stall=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="${2:?}"; shift 2 ;;
    --seed) seed="${2:?}"; shift 2 ;;
    --mix) mix="${2:?}"; shift 2 ;;
    --keep) keep="${2:?}"; shift 2 ;;
    --stall-timeout) stall="${2:?}"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (apt-get install time)" >&2; exit 2; }

./periksa --version >/dev/null # builds the command line and the lab when needed
work="$(mktemp -d)"
lab_pid=""
cleanup() {
  [ -n "$lab_pid" ] && kill "$lab_pid" 2>/dev/null && wait "$lab_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

printf '%8s  %12s  %12s  %10s  %12s  %s\n' targets scanning wall cpu "peak RSS" verdicts
for n in $sizes; do
  fleet="$work/fleet-$n"
  ./periksa lab fleet --size "$n" --profiles "$fleet" --seed "$seed" ${mix:+--mix "$mix"} \
    > "$work/lab-$n.log" 2>&1 &
  lab_pid=$!
  for _ in $(seq 1 600); do
    [ -f "$fleet/fleet.env" ] && grep -q 'Ctrl-C' "$work/lab-$n.log" && break
    kill -0 "$lab_pid" 2>/dev/null || { cat "$work/lab-$n.log" >&2; exit 1; }
    sleep 0.2
  done
  set -a; . "$fleet/fleet.env"; set +a
  if [ -n "$stall" ]; then
    grep -lE 'kind (slow_|dead_silent)' "$fleet"/fleet-*.yaml \
      | xargs -r sed -i "s/^timeoutSeconds: .*/timeoutSeconds: $stall/"
  fi
  rc=0
  /usr/bin/time -f '%e %U %S %M' -o "$work/time-$n" \
    ./periksa scan --inventory "$fleet/inventory.txt" --out "$work/run-$n" "$@" \
    > "$work/console-$n.txt" 2>&1 || rc=$?
  read -r wall user sys rss < <(tail -1 "$work/time-$n")
  scanning="$(sed -n 's/^All [0-9]* targets scanned in \(.*\)\.$/\1/p' "$work/console-$n.txt")"
  # One line per finished target on the console (compact progress): "[ 3/10] name: VERDICT (1.2 s)".
  verdicts="$(grep -oE '^\[ *[0-9]+/[0-9]+\] .*: [A-Z_]+ \(' "$work/console-$n.txt" \
    | sed -E 's/.*: ([A-Z_]+) \($/\1/' | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}' \
    | sed 's/, $//')"
  printf '%8s  %12s  %10.1f s  %8.1f s  %9.0f MiB  %s (exit %s)\n' "$n" "${scanning:-?}" "$wall" \
    "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)" "$verdicts" "$rc"
  if [ -n "$keep" ]; then
    mkdir -p "$keep/$n"
    cp "$work/console-$n.txt" "$work/run-$n/results.json" "$keep/$n/"
  fi
  kill "$lab_pid" 2>/dev/null || true
  wait "$lab_pid" 2>/dev/null || true
  lab_pid=""
  rm -rf "$work/run-$n"
done
