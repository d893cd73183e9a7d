"""`make fuzz` (scripts/fuzz.sh: schemathesis over /openapi.json, with a valid token) is part of
the suite, on SQLite and, when the suite has one (TEST_DATABASE_URL), on PostgreSQL, which
refuses what SQLite stores: any 5xx the fuzzer can provoke on either fails the build.

The suite's run is short (SUITE_EXAMPLES per operation, about half a minute per database on
two cores); `make fuzz` alone runs 25, and FUZZ_EXAMPLES=100 for a long hunt."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

FUZZ_SECONDS = 600  # its own limit: the suite's 120 s per test would cut the run short
SUITE_EXAMPLES = "10"


@pytest.mark.timeout(FUZZ_SECONDS + 30)
def test_schemathesis_finds_no_server_error_on_either_database():
    # The suite's own interpreter and its schemathesis CLI (beside it in the venv).
    expected = {"sqlite", "postgres"} if os.environ.get("TEST_DATABASE_URL") else {"sqlite"}  # as conftest's
    env = {"PY": sys.executable, "ST": str(Path(sys.executable).with_name("st")), **os.environ,
           "FUZZ_EXAMPLES": SUITE_EXAMPLES, "FUZZ_DATABASES": " ".join(sorted(expected))}
    env.pop("FUZZ_DATABASE_URL", None)
    result = subprocess.run(["bash", str(ROOT / "scripts" / "fuzz.sh")], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=FUZZ_SECONDS)
    summary = "\n".join(line for line in result.stdout.splitlines() if "agentlocator.access" not in line)
    assert result.returncode == 0, summary[-6000:] + result.stderr[-2000:]
    runs = dict(re.findall(r"^fuzz (\w+): (\d+) cases, passed$", result.stdout, re.MULTILINE))
    assert set(runs) == expected, summary[-3000:]
    assert all(int(cases) > 500 for cases in runs.values()), runs  # every operation really was fuzzed
