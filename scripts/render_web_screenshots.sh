#!/usr/bin/env bash
# The web app's screenshots (docs/screenshots/web-*.png), rendered by the browser tests that take
# them, against a real server in Debian's Chromium. `make test` writes its screenshots elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
SCREENSHOTS_DIR="$PWD/docs/screenshots" .venv/bin/python -m pytest -q -p no:cacheprovider \
  tests/web/test_web_e2e.py tests/web/test_card.py tests/web/test_alerts.py tests/web/test_settings.py \
  tests/web/test_table.py tests/web/test_card_actions.py tests/web/test_shell.py tests/web/test_live_card.py \
  tests/web/test_new_customer.py tests/web/test_live_calls.py tests/web/test_calls_board.py \
  tests/web/test_call_settings.py tests/web/test_privacy.py tests/web/test_privacy_settings.py \
  tests/web/test_allocation_ui.py tests/web/test_audit_page.py "$@"
