"""The one Hebrew label table: every status (and source, direction, timeline type) the server
sends, as people read it. The API's `*_label` fields, the CSV, the PDF and the timeline titles
all take their words from here.

The table itself is `labels.json` beside this file, so the web app imports the very same file
(`web/src/lib/labels.ts`) instead of keeping a copy; the desktop keeps its own, translatable
copy (`desktop/display.py`), held equal to this one by tests/desktop/test_display.py.
"""

from __future__ import annotations

import json
from pathlib import Path

LABELS: dict[str, dict[str, str]] = json.loads((Path(__file__).with_name("labels.json")).read_text("utf-8"))


def label(kind: str, value: str) -> str:
    """`label("invoice_status", "issued")` → "הופקה"; a value the table lacks is shown as it
    came (a status Twilio adds tomorrow), never as a blank. An unknown `kind` is a bug: KeyError."""
    return LABELS[kind].get(value) or value
