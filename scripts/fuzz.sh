#!/usr/bin/env bash
# schemathesis over /openapi.json with a valid token, against a real server on a fresh
# SQLite database: any 5xx fails the run. `make fuzz`; the test suite runs it too.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
work=$(mktemp -d)
port=$("$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
export APP_ENV=development DATABASE_URL="sqlite://$work/fuzz.sqlite3" MEDIA_ROOT="$work/media" \
  PORT="$port" RUN_WORKER=0 DEMO_PASSWORD=fuzz-password-123 JWT_SECRET=fuzz-secret-0123456789abcdef
unset TWILIO_AUTH_TOKEN PUBLIC_HOST
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$PY" -m server.cli migrate >/dev/null
"$PY" -m server.cli seed-demo >/dev/null
"$PY" -m server.main >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  sleep 0.1
done
token=$(curl -sf "http://127.0.0.1:$port/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"demo@agentlocator.test","password":"fuzz-password-123"}' |
  "$PY" -c "import json, sys; print(json.load(sys.stdin)['access_token'])")

# Webhooks are Twilio's (form posts, signature-checked) and the signing page is public HTML:
# both are tested on their own; everything else is fuzzed as the logged-in demo admin.
status=0
.venv/bin/st run "http://127.0.0.1:$port/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error \
  --exclude-path-regex '^/(webhook|sign)/' \
  --max-examples "${FUZZ_EXAMPLES:-25}" --workers 2 --seed 1 \
  --suppress-health-check all --warnings off || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (last 60 lines)"; tail -n 60 "$work/server.log"
fi
exit "$status"
