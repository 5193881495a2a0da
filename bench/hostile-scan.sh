#!/usr/bin/env bash
# Hostile-lab scan bench: how long Periksa spends on servers that misbehave, and what it costs.
#
# Starts the hostile lab of the tests (one loopback server per behaviour: slow trickle, stall after
# headers, endless body, gzip bomb, huge Content-Length, redirect loop, redirect out of scope, TCP
# reset, silence, TLS garbage, TLS then binary, malformed JSON, 100,000-deep JSON, catch-all
# banner, 401 and 403 look-alikes, personal-data JSON list and FHIR Bundle over the body cap), one
# profile per server declaring it as every endpoint kind, then scans them all with one
# `./periksa scan` and prints the seconds spent on each server, the whole scan's wall time, its
# CPU time and its peak RSS (GNU time), and each target's verdict.
#
# Usage: bench/hostile-scan.sh [--timeout SECONDS] [--check-timeout SECONDS] [--runs N] [--keep DIR]
#   --timeout        the profiles' timeoutSeconds (default 10)
#   --check-timeout  ./periksa scan --check-timeout (default 60)
#   --runs           repeat the scan N times and print the median of each figure (default 1)
#   --keep           copy each run's console and run folder (results.json ...) into DIR
# Needs: what `mvn -B verify` needs (Java 17, Maven), and GNU time (/usr/bin/time).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

timeout=10
check_timeout=60
runs=1
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --timeout) timeout="${2:?}"; shift 2 ;;
    --check-timeout) check_timeout="${2:?}"; shift 2 ;;
    --runs) runs="${2:?}"; shift 2 ;;
    --keep) keep="${2:?}"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (apt-get install time)" >&2; exit 2; }

cli=periksa-cli/target
if [ ! -f $cli/periksa.jar ] || [ ! -d periksa-tests/target/test-classes/dev/periksa/testing/hostile ]; then
  echo "Building (mvn -B -q -DskipTests package) ..." >&2
  mvn -B -q -DskipTests package >&2
fi

work="$(mktemp -d)"
lab_pid=""
cleanup() {
  [ -n "$lab_pid" ] && kill "$lab_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkfifo "$work/lab.in"
cp="periksa-tests/target/test-classes:$cli/periksa.jar:$(cat $cli/scanner.classpath):$(cat $cli/lab.classpath)"
java -cp "$cp" dev.periksa.testing.hostile.HostileLab \
  --profiles "$work/profiles" --timeout "$timeout" < "$work/lab.in" > "$work/lab.log" 2>&1 &
lab_pid=$!
exec 3> "$work/lab.in"
for _ in $(seq 1 120); do
  grep -q '^ready' "$work/lab.log" 2>/dev/null && break
  kill -0 "$lab_pid" 2>/dev/null || { cat "$work/lab.log" >&2; exit 1; }
  sleep 0.5
done
grep -q '^ready' "$work/lab.log" || { echo "bench: the hostile lab did not start" >&2; exit 1; }

targets=()
for p in "$work"/profiles/*.yaml; do targets+=(--target "$p"); done

for run in $(seq 1 "$runs"); do
  echo "Run $run of $runs: $(( ${#targets[@]} / 2 )) hostile servers, timeoutSeconds $timeout, check timeout $check_timeout s" >&2
  /usr/bin/time -v -o "$work/time.$run" ./periksa scan "${targets[@]}" --no-report \
    --check-timeout "$check_timeout" --out "$work/run.$run" > "$work/console.$run" 2>&1 || true
  grep -E '^  = ' "$work/console.$run" | sed -E 's/^  = hostile //' > "$work/targets.$run"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.$run")
  user=$(awk -F': ' '/User time/ {print $2}' "$work/time.$run")
  sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.$run")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.$run")
  echo "$wall $user $sys $rss" > "$work/figures.$run"
  echo "  per server (verdict, seconds):" >&2
  sed 's/^/    /' "$work/targets.$run" >&2
  echo "  wall $wall, CPU user $user s + sys $sys s, peak RSS $rss KiB" >&2
  if [ -n "$keep" ]; then
    mkdir -p "$keep"
    cp "$work/console.$run" "$keep/console.$run.txt"
    cp -r "$work/run.$run" "$keep/run.$run"
  fi
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
to_s() { awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }
echo
echo "Hostile scan, median of $runs run(s):"
echo "  whole scan wall (s): $(for r in $(seq 1 "$runs"); do awk '{print $1}' "$work/figures.$r" | to_s; done | median)"
echo "  CPU user+sys (s):    $(for r in $(seq 1 "$runs"); do awk '{print $2+$3}' "$work/figures.$r"; done | median)"
echo "  peak RSS (MiB):      $(for r in $(seq 1 "$runs"); do awk '{printf "%.0f\n", $4/1024}' "$work/figures.$r"; done | median)"
echo "  slowest server (s):  $(for r in $(seq 1 "$runs"); do sed -E 's/.*\(([0-9.]+) s\)$/\1/' "$work/targets.$r" | sort -n | tail -1; done | median)"
echo "  per server (last run):"
sed 's/^/    /' "$work/targets.$runs"
