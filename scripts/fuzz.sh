#!/usr/bin/env bash
# schemathesis over /openapi.json with a valid token, against a real server: any 5xx fails the
# run. `make fuzz`; the test suite runs it too, with fewer examples.
#
# Each database in turn, because SQLite stores what PostgreSQL refuses (NUL in text, int4
# overflow, times past its range) and a fuzz on SQLite alone never sees those 500s:
#   - a fresh SQLite file;
#   - a fresh PostgreSQL database `fuzz_<random>`, created on the server of FUZZ_POSTGRES_URL,
#     else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432 when it answers, and
#     dropped afterwards.
# FUZZ_DATABASES: which of the two (default "sqlite postgres"; postgres is skipped when no
# server answers). FUZZ_DATABASE_URL=<url> fuzzes that one database alone (migrated, seeded, kept).
# FUZZ_EXAMPLES: examples per operation (25); FUZZ_SEED: the seed (1, so a run repeats).
# PY / ST: the interpreter and the schemathesis CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
ST=${ST:-$(dirname "$PY")/st}
EXAMPLES=${FUZZ_EXAMPLES:-25}
work=$(mktemp -d)
server_pid=""
made_database=""

# A PostgreSQL database of the run's own: `pg create|drop SERVER_URL NAME`.
pg() {
  "$PY" - "$@" <<'PYEOF'
import asyncio, sys
import asyncpg

async def main(action, server, name):
    connection = await asyncpg.connect(server + "/postgres", timeout=5)
    try:
        if action == "create":
            await connection.execute(f'CREATE DATABASE "{name}"')
        else:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()

try:
    asyncio.run(main(*sys.argv[1:]))
except (OSError, asyncpg.PostgresError, asyncio.TimeoutError) as error:
    sys.exit(f"PostgreSQL: {error}")
PYEOF
}

stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

cleanup() {
  stop_server
  if [ -n "${twilio_pid:-}" ]; then kill "$twilio_pid" 2>/dev/null || true; fi
  if [ -n "$made_database" ]; then pg drop "${made_database% *}" "${made_database#* }" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The PostgreSQL server to fuzz on (no database name), or nothing when none answers.
postgres_server() {
  local url=${FUZZ_POSTGRES_URL:-${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}}
  url=${url%/*}
  "$PY" - "$url" <<'PYEOF' && echo "$url"
import socket, sys
from urllib.parse import urlsplit
parts = urlsplit(sys.argv[1])
try:
    socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5432), timeout=1).close()
except OSError:
    sys.exit(1)
PYEOF
}

# fuzz NAME DATABASE_URL: migrate, seed, serve, run schemathesis; prints "fuzz NAME: N cases".
fuzz() {
  local name=$1 url=$2 port token status=0 log="$work/$1.log" out="$work/$1.out"
  port=$("$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
  export APP_ENV=development DATABASE_URL="$url" MEDIA_ROOT="$work/media-$name" \
    PORT="$port" PUBLIC_HOST="http://127.0.0.1:$port" RUN_WORKER=0 DEMO_PASSWORD=fuzz-password-123 \
    JWT_SECRET=fuzz-secret-0123456789abcdef
  # Called as `fuzz ... || overall=1`, where `set -e` does not apply: each step checks itself.
  "$PY" -m server.cli migrate >/dev/null || { echo "fuzz $name: migrate failed"; return 1; }
  "$PY" -m server.cli seed-demo >/dev/null || { echo "fuzz $name: seed-demo failed"; return 1; }
  "$PY" -m server.main >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
    sleep 0.1  # polling the health URL: the server's own readiness signal
  done
  token=$(curl -sf "http://127.0.0.1:$port/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"demo@agentlocator.test","password":"fuzz-password-123"}' |
    "$PY" -c "import json, sys; print(json.load(sys.stdin)['access_token'])") ||
    { echo "fuzz $name: the server did not start or refused the login"; tail -n 30 "$log"; stop_server; return 1; }

  # Webhooks are Twilio's (form posts, signature-checked) and the signing page is public
  # HTML: both are tested on their own (tests/server/test_bad_input.py sends them bad input);
  # everything else is fuzzed as the logged-in demo admin.
  echo "=== fuzz on $name"
  "$ST" run "http://127.0.0.1:$port/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error \
    --exclude-path-regex '^/(webhook|sign)/' \
    --max-examples "$EXAMPLES" --workers 2 --seed "${FUZZ_SEED:-1}" \
    --suppress-health-check all --warnings off 2>&1 | tee "$out" || status=$?
  stop_server
  cases=$(grep -oE '[0-9]+ generated' "$out" | tail -n 1 | grep -oE '[0-9]+' || echo "?")
  echo "fuzz $name: $cases cases, exit $status"
  summary+=("fuzz $name: $cases cases, $([ "$status" -eq 0 ] && echo passed || echo FAILED)")
  if [ "$status" -ne 0 ]; then
    echo "--- $name server log (errors)"; grep -E 'ERROR|Traceback|Error:' "$log" | tail -n 60 || true
  fi
  return "$status"
}

# Twilio's REST API as a local fake, so click-to-call places its call rather than answer
# 502 (Twilio unreachable: the contract, yet a 5xx to the fuzzer). Webhooks are not fuzzed,
# so the signature check the token turns on (with PUBLIC_HOST, set per run) costs nothing.
export TWILIO_ACCOUNT_SID=AC$(printf 'f%.0s' $(seq 32)) TWILIO_AUTH_TOKEN=fuzz-twilio-token
"$PY" -m tests.fake_twilio_calls "$TWILIO_ACCOUNT_SID" "$TWILIO_AUTH_TOKEN" >"$work/twilio.url" &
twilio_pid=$!
for _ in $(seq 100); do
  [ -s "$work/twilio.url" ] && break
  sleep 0.05  # until the fake prints its address
done
export TWILIO_API_BASE=$(head -n 1 "$work/twilio.url")
export TWILIO_CONTENT_API_BASE=$TWILIO_API_BASE  # the same fake lists WhatsApp templates (ContentAndApprovals)
summary=()
overall=0
if [ -n "${FUZZ_DATABASE_URL:-}" ]; then
  fuzz "$( [[ $FUZZ_DATABASE_URL == sqlite* ]] && echo sqlite || echo postgres )" "$FUZZ_DATABASE_URL" || overall=1
else
  databases=" ${FUZZ_DATABASES:-sqlite postgres} "
  if [[ $databases == *" sqlite "* ]]; then
    fuzz sqlite "sqlite://$work/fuzz.sqlite3" || overall=1
  fi
  if [[ $databases != *" postgres "* ]]; then
    :
  elif server=$(postgres_server); then
    database="fuzz_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
    pg create "$server" "$database"
    made_database="$server $database"
    fuzz postgres "$server/$database" || overall=1
  else
    summary+=("fuzz postgres: skipped (no server answers)")
  fi
fi
printf '%s\n' "${summary[@]}"
exit "$overall"
