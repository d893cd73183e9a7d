"""The frozen build's entry point (PyInstaller needs a script): the `agentlocator-desktop`
command, as `python -m desktop` runs it."""

from desktop.__main__ import run

run()
