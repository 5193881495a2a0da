#!/usr/bin/env bash
# TLS side-by-side bench: testssl.sh and Periksa's TLS-1 check on the same lab endpoints.
#
# For every https:// endpoint of the lab (and the legacy portal's plain-HTTP port, as a control
# that is not TLS), runs testssl.sh (protocols and the ciphers of each protocol: -p -E) and
# Periksa's TLS-1 check alone (./periksa scan with only tls-versions-and-suites.feature and a
# one-endpoint profile), then prints the protocol versions each found accepted, whether they agree,
# and both wall times.
#
# Usage: bench/tls-side-by-side.sh [--env FILE]
#   --env FILE  use a running lab's variables (./periksa lab writes reports/lab.env); without it
#               the script starts a lab of its own and stops it at the end.
# Needs: testssl.sh (apt-get install testssl.sh), jq, and what ./periksa needs (Java 17, Maven).
# Environment: PERIKSA_BENCH_RATE (Periksa's requests per second per host, default 20 as in the
#              lab profiles; testssl.sh has no such limit), TESTSSL (the testssl.sh command).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

testssl="${TESTSSL:-$(command -v testssl || command -v testssl.sh || true)}"
[ -n "$testssl" ] || { echo "bench: testssl.sh is not installed (apt-get install testssl.sh)" >&2; exit 2; }
command -v jq >/dev/null 2>&1 || { echo "bench: jq is needed (apt-get install jq)" >&2; exit 2; }
rate="${PERIKSA_BENCH_RATE:-20}"

work="$(mktemp -d)"
lab_pid=""
cleanup() {
  if [ -n "$lab_pid" ]; then
    kill "$lab_pid" 2>/dev/null || true
    wait "$lab_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

env_file=""
case "${1:-}" in
  "") ;;
  --env) env_file="${2:?--env needs a file}" ;;
  -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "bench: unknown argument $1 (see --help)" >&2; exit 64 ;;
esac
if [ -z "$env_file" ]; then
  env_file="$work/lab.env"
  echo "Starting the lab (./periksa lab) ..." >&2
  ./periksa lab --env-file "$env_file" > "$work/lab.log" 2>&1 &
  lab_pid=$!
  for _ in $(seq 1 600); do
    [ -s "$env_file" ] && break
    kill -0 "$lab_pid" 2>/dev/null || { cat "$work/lab.log" >&2; exit 1; }
    sleep 0.5
  done
  [ -s "$env_file" ] || { echo "bench: the lab did not start in 5 minutes" >&2; exit 1; }
fi
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a

# The TLS-1 feature alone, so the scan runs Periksa's TLS check and nothing else.
mkdir -p "$work/features"
cp features/transport/tls-versions-and-suites.feature "$work/features/"

# Endpoints: every https:// value of the lab, plus the legacy portal's plain port as a control.
endpoints=()
while IFS='=' read -r name _; do
  value="${!name}"
  case "$value" in https://*) endpoints+=("$name") ;; esac
done < <(env | grep -E '^PERIKSA_LAB_(LEGACY|HARDENED)_[A-Z0-9_]+=' | sort)
[ -n "${PERIKSA_LAB_LEGACY_TLS_PLAIN:-}" ] && endpoints+=("PERIKSA_LAB_LEGACY_TLS_PLAIN")

now() { date +%s.%N; }
versions=(SSLv3 "TLS 1.0" "TLS 1.1" "TLS 1.2" "TLS 1.3")

testssl_versions() { # json file -> accepted versions, or "no TLS"
  local json="$1"
  if jq -e 'map(select(.finding|test("seem to be a TLS/SSL enabled server"))) | length > 0' \
    "$json" >/dev/null 2>&1; then
    echo "no TLS"
    return
  fi
  jq -r '
    [ {id:"SSLv3",v:"SSLv3"}, {id:"TLS1",v:"TLS 1.0"}, {id:"TLS1_1",v:"TLS 1.1"},
      {id:"TLS1_2",v:"TLS 1.2"}, {id:"TLS1_3",v:"TLS 1.3"} ] as $map
    | . as $all
    | [ $map[] | . as $m
        | select(($all[] | select(.id==$m.id) | .finding) | test("^offered")) | .v ]
    | if length == 0 then "none" else join(", ") end' "$json"
}

periksa_versions() { # results.json -> accepted versions, or the reason it could not tell
  jq -r '
    .targets[0].requirements[] | select(.id=="TLS-1") | .checks[0] as $c
    | ([$c.observations[] | select(.title|startswith("TLS versions and cipher suites"))][0]) as $o
    | if $o == null then "(" + $c.reason + ")"
      elif ($c.reason|test("does not speak TLS")) then "no TLS"
      else
        [ $o.facts.protocols | to_entries[] | select(.value|startswith("accepted")) | .key ]
        | if length == 0 then "none" else join(", ") end
      end' "$1"
}

testssl_suites() { # json file -> suites found per accepted version, e.g. "12/12/34"
  jq -r '
    [ "cipher-tls1", "cipher-tls1_1", "cipher-tls1_2", "cipher-tls1_3" ] as $p
    | [ .[].id | select(startswith("cipher-")) | sub("_x[0-9a-fA-F]+$"; "") ] as $ids
    | [ $p[] | . as $k | ($ids | map(select(. == $k)) | length) | select(. > 0) ]
    | if length == 0 then "-" else map(tostring) | join("/") end' "$1"
}

periksa_suites() { # results.json -> suites found per accepted version
  jq -r '
    [.targets[0].requirements[] | select(.id=="TLS-1") | .checks[0].observations[]
     | select(.title|startswith("TLS versions and cipher suites")) | .facts.suites][0] // {}
    | [ .[] | length | select(. > 0) ]
    | if length == 0 then "-" else map(tostring) | join("/") end' "$1"
}

periksa_ms() {
  jq -r '[.targets[0].requirements[] | select(.id=="TLS-1") | .checks[0].observations[]
          | .facts.elapsedMs // empty][0] // "-"' "$1"
}

periksa_verdict() {
  jq -r '.targets[0].requirements[] | select(.id=="TLS-1") | .outcome' "$1"
}

printf '%-36s | %-26s | %-26s | %-5s | %-18s | %-9s | %-9s | %-9s | %s\n' \
  "endpoint" "testssl.sh: accepted" "Periksa: accepted" "agree" "suites (t / P)" "testssl s" \
  "Periksa s" "(process)" "Periksa TLS-1"
printf -- '-%.0s' $(seq 1 170); echo
disagree=0
for var in "${endpoints[@]}"; do
  url="${!var}"
  hostport="$(printf '%s' "$url" | sed -E 's#^[a-z]+://##; s#/.*$##')"
  host="${hostport%:*}"
  label="$(printf '%s' "$var" | sed -E 's/^PERIKSA_LAB_//' | tr 'A-Z_' 'a-z-')"

  json="$work/$label.testssl.json"
  t0=$(now)
  "$testssl" --quiet --color 0 --warnings off --ip one -p -E --jsonfile "$json" "$hostport" \
    > "$work/$label.testssl.txt" 2>&1 || true
  t1=$(now)
  tv="$(testssl_versions "$json" 2>/dev/null || echo "(no result)")"
  ts="$(testssl_suites "$json" 2>/dev/null || echo "-")"

  https_url="https://$hostport"
  cat > "$work/$label.yaml" <<YAML
name: bench $label
scope:
  hosts: ["$host"]
rateLimit: $rate
timeoutSeconds: 10
endpoints:
  - name: $label
    kind: web
    url: "$https_url"
YAML
  t2=$(now)
  ./periksa scan --target "$work/$label.yaml" --features "$work/features" --no-report \
    --out "$work/run-$label" > "$work/$label.periksa.txt" 2>&1 || true
  t3=$(now)
  results="$work/run-$label/results.json"
  if [ -s "$results" ]; then
    pv="$(periksa_versions "$results")"
    psu="$(periksa_suites "$results")"
    pms="$(periksa_ms "$results")"
    verdict="$(periksa_verdict "$results")"
  else
    pv="(no result)"; psu="-"; pms="-"; verdict="-"
  fi
  agree="yes"
  [ "$tv" = "$pv" ] || { agree="NO"; disagree=$((disagree + 1)); }
  ps_s="-"
  [ "$pms" != "-" ] && ps_s="$(awk -v m="$pms" 'BEGIN{printf "%.1f", m/1000}')"
  printf '%-36s | %-26s | %-26s | %-5s | %-18s | %-9s | %-9s | %-9s | %s\n' \
    "$label ($hostport)" "$tv" "$pv" "$agree" "$ts / $psu" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')" "$ps_s" \
    "$(awk -v a="$t2" -v b="$t3" 'BEGIN{printf "%.1f", b-a}')" "$verdict"
done
echo
echo "testssl.sh $("$testssl" --version 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | grep -m1 -oE 'testssl +[0-9][^ ]*' | awk '{print $2}') with -p -E (protocols, then each protocol's ciphers), no rate limit."
echo "Suites: how many each found per accepted version (oldest first); testssl.sh lists only what its OpenSSL or its own sockets know."
echo "Periksa: TLS-1 alone at $rate requests/s per host; 'Periksa s' is the check's own time on the endpoint, '(process)' the whole ./periksa scan run (JVM start, Cucumber, results)."
if [ "$disagree" -gt 0 ]; then
  echo "$disagree endpoint(s) where the two disagree on protocol versions." >&2
  exit 1
fi
echo "Both agree on the protocol versions of every endpoint."
