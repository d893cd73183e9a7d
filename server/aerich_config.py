"""The tortoise configuration for aerich's own command line (pyproject's [tool.aerich]), from
the same settings the server reads."""

from server.config import load_settings
from server.db import tortoise_config

TORTOISE_ORM = tortoise_config(load_settings().database_url)
