#!/usr/bin/env bash
# Runs the suite: always on SQLite, and again on PostgreSQL / with Redis when they answer here.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

answers() { # host port
  "$PY" - "$1" "$2" <<'PYEOF'
import socket, sys
try:
    socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=1).close()
except OSError:
    sys.exit(1)
PYEOF
}

if [ -z "${TEST_DATABASE_URL:-}" ] && answers 127.0.0.1 5432; then
  export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
fi
if [ -z "${REDIS_URL:-}" ] && answers 127.0.0.1 6379; then
  export REDIS_URL=redis://127.0.0.1:6379/0
fi
echo "PostgreSQL: ${TEST_DATABASE_URL:-not available, SQLite only}"
echo "Redis: ${REDIS_URL:-not available}"

# The desktop installer (make installer) builds beside the suite: on two cores its downloads,
# freezing and packing overlap the tests instead of adding a minute and more before them.
# tests/installer waits for it by taking the same lock; its outcome decides this run too.
mkdir -p installer/build
rm -f installer/build/make.status
exec 9> installer/build/.building
flock 9  # taken here, before pytest starts: the build (which keeps fd 9) holds it until it ends
(make --no-print-directory installer > installer/build/make.log 2>&1; echo $? > installer/build/make.status) &
installer_build=$!
exec 9>&-

"$PY" -m ruff check . || exit 1
(cd web && npm run --silent test) || exit 1  # Vitest: the web app's unit tests
# pytest's own exit code; 5 (no tests collected) is a failure here.
run_pytest() {
  "$PY" -m pytest "$@"
  local code=$?
  if [ "$code" -eq 5 ]; then
    echo "pytest collected no tests ($*): that is a failure here" >&2
  fi
  return "$code"
}

if [ "$#" -gt 0 ]; then
  run_pytest "$@"
  status=$?
else
  # tests/server (about 1,400 in-process tests: no browser, display or fixed resource, their
  # databases named per process) run on both cores at the end, once the installer is built:
  # 2.5 minutes instead of 5.5. The rest (browsers, desktop windows, server processes, Redis,
  # nginx) stays in one process, where nothing competes with it.
  run_pytest --ignore=tests/server
  status=$?
  run_pytest -n 2 tests/server
  server_status=$?
  [ "$status" -ne 0 ] || status=$server_status
fi
wait "$installer_build"
if [ "$(cat installer/build/make.status 2>/dev/null)" != 0 ]; then
  echo "make installer failed (installer/build/make.log):" >&2
  tail -n 30 installer/build/make.log >&2
  exit 1
fi
[ "$status" -ne 5 ] || exit 1
exit "$status"
