#!/usr/bin/env bash
# Checks how the artifact starts and stops, as an operator would see it:
#   1. SIGTERM: exit status 0 within 5 s, nothing left listening;
#   2. the restart needs no store recovery; SIGINT then stops it the same way;
#   3. a taken port: exit status 1 and one line of output naming what to change.
# Uses its own ports (26100-26102) and a temporary data directory. Run from the repository root after
# ./mvnw -Dmaven.test.skip=true package (target/parley.jar).
set -uo pipefail
# Job control: without it, a script's background processes start with SIGINT ignored, as Ctrl-C in
# a terminal would never leave them.
set -m
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=target/parley.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -Dmaven.test.skip=true package first"; exit 2; }
data=$(mktemp -d /tmp/parley-signals.XXXXXX)
export MICRONAUT_SERVER_PORT=26100 PARLEY_BOLT_PORT=26101 PARLEY_HTTP_PORT=26102 PARLEY_DATA_DIR="$data"
failures=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi; }

start() {
    "$java" --sun-misc-unsafe-memory-access=allow -jar "$jar" >"$data/$1.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do
        curl -sf "localhost:$MICRONAUT_SERVER_PORT/health/ready" >/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.5
    done
    return 1
}

stop() { # signal name; sets status and millis
    local t0
    t0=$(date +%s%N)
    kill -"$1" "$pid"
    wait "$pid"
    status=$?
    millis=$((($(date +%s%N) - t0) / 1000000))
}

listening() { ss -ltn | grep -qE ":(26100|26101|26102)\b"; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
check "first start: ready" "start first"
stop TERM
echo "     SIGTERM: exit status $status after $millis ms"
check "SIGTERM: exit status 0" "[ $status -eq 0 ]"
check "SIGTERM: stopped within 5 s" "[ $millis -le 5000 ]"
check "SIGTERM: nothing left listening" "! listening"
check "SIGTERM: no stack trace in the output" "! grep -qE '^\s+at |Exception' '$data/first.log'"

check "restart: ready" "start restart"
check "restart: no store recovery" "! grep -qi 'recovery' '$data/logs/debug.log' || ! grep -i 'recovery' '$data/logs/debug.log' | grep -qiv 'no recovery\|recovery not required\|recovery is not required'"
stop INT
echo "     SIGINT: exit status $status after $millis ms"
check "SIGINT: exit status 0" "[ $status -eq 0 ]"
check "SIGINT: stopped within 5 s" "[ $millis -le 5000 ]"
check "SIGINT: nothing left listening" "! listening"

# A taken Bolt port: one line naming the variable to change, exit status 1.
python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1', 26101)); s.listen(); time.sleep(60)" &
blocker=$!
sleep 0.5
"$java" --sun-misc-unsafe-memory-access=allow -jar "$jar" >"$data/taken.log" 2>&1
status=$?
kill "$blocker"
echo "     taken port: exit status $status, output: $(cat "$data/taken.log")"
check "taken port: exit status 1" "[ $status -eq 1 ]"
check "taken port: one line of output" "[ \$(wc -l < '$data/taken.log') -eq 1 ]"
check "taken port: names PARLEY_BOLT_PORT" "grep -q PARLEY_BOLT_PORT '$data/taken.log'"

echo "logs in $data"
echo "$((13 - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
