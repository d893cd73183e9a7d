"""The client's version: desktop/VERSION, the product's one version (the server's
distribution reads the same file). Read from the file beside this module so a checkout, an
installed wheel and the frozen build all agree."""

from pathlib import Path

VERSION = Path(__file__).with_name("VERSION").read_text(encoding="utf-8").strip()
