"""The server's version: its distribution's metadata, which setuptools takes from
desktop/VERSION, the product's one version (the desktop client's distribution reads it too)."""

from importlib.metadata import version

VERSION = version("agentlocator")
