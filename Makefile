# AgentLocator. `make run` and `make test` work from a fresh clone: they install what they need.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
# Python 3.12: on PATH, or the pyenv build these machines carry (.python-version names it).
PYTHON312 ?= $(shell command -v python3.12 2>/dev/null || ls -d $$HOME/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null | tail -n 1)
STAMP := $(VENV)/.installed

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml desktop/pyproject.toml desktop/VERSION
	@test -n "$(PYTHON312)" || { echo "Python 3.12 is needed (python3.12 on PATH or pyenv 3.12.x)"; exit 1; }
	@test -x $(PY) || $(PYTHON312) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]' -e ./desktop
	@touch $@

# What the server itself runs: the greetings' fallback voice when Google is not configured.
SERVER_PACKAGES := espeak-ng lame
# Debian packages the desktop client (QtMultimedia: libpulse0; a real window: the xcb plugin's libxcb-*), the browser tests (chromium)
# Hebrew rendering, the desktop tests that need a real window manager (Xvfb, openbox, xdotool and
# xprop for the stacking order) and the deployment tests (nginx, openssl for its throwaway
# certificate, systemd for systemd-analyze) need, with the server's own; installed only when missing.
SYSTEM_PACKAGES := chromium nginx openssl systemd libpulse0 libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 fonts-noto-core xvfb openbox xdotool x11-utils $(SERVER_PACKAGES)
# apt-get install the packages named in $(1) that are missing.
define apt_install_missing
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  echo "installing: $$missing"; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi
endef
system-deps: ## install the Debian packages the clients and their tests need (when missing)
	$(call apt_install_missing,$(SYSTEM_PACKAGES))

server-deps:
	$(call apt_install_missing,$(SERVER_PACKAGES))

# The web app: `npm ci` + `npm run build` → web/dist, skipped while web/dist is newer than
# every source (src, public, index.html, package-lock.json, the Vite/TS configuration).
WEB_SOURCES := web/src web/public web/index.html web/package.json web/package-lock.json web/vite.config.ts web/build web/tsconfig.json
web: ## build the web app (web/dist) when its sources changed
	@command -v npm >/dev/null || { echo "npm (Node 20) is needed to build the web app"; exit 1; }
	@if [ -f web/dist/index.html ] && [ -d web/node_modules ] && [ -z "$$(find $(WEB_SOURCES) -newer web/dist/index.html -print -quit)" ]; then \
	  echo "web/dist is up to date"; \
	else \
	  cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build; \
	fi

# The office-PC installer (installer/build.sh): a frozen build from a venv of the desktop
# distribution alone, the Debian package and the NSIS script compiled against it. Rebuilt when
# the desktop client or the installer's own files change.
INSTALLER_PACKAGES := dpkg-dev debconf nsis p7zip-full desktop-file-utils
VERSION := $(shell tr -d '[:space:]' < desktop/VERSION)
DEB := installer/dist/agentlocator-desktop_$(VERSION)_amd64.deb
INSTALLER_SOURCES := $(shell find desktop installer -type f -not -path 'installer/build/*' -not -path 'installer/dist/*' -not -path '*/__pycache__/*' -not -path 'desktop/build/*' -not -path '*.egg-info/*')
installer-deps:
	$(call apt_install_missing,$(INSTALLER_PACKAGES))

$(DEB): $(INSTALLER_SOURCES)
	@test -n "$(PYTHON312)" || { echo "Python 3.12 is needed (python3.12 on PATH or pyenv 3.12.x)"; exit 1; }
	@PYTHON312=$(PYTHON312) installer/build.sh

installer: system-deps installer-deps $(DEB) ## build the desktop's Debian package and compile the Windows (NSIS) installer script

install: $(STAMP) ## create .venv and install the server with its dev tools

run: $(STAMP) server-deps web ## build the web app when needed, migrate the embedded database, seed the demo business once, serve on PORT (5000)
	$(PY) -m server.cli migrate
	$(PY) -m server.cli seed-demo
	$(PY) -m server.main

test: $(STAMP) system-deps installer-deps web ## the whole suite (SQLite, and PostgreSQL/Redis when they answer)
	@scripts/run-tests.sh

proof: $(STAMP) system-deps ## docs/PROOF.md from a running deployment (PROOF_URL, default make run's): curl checks, Twilio check, screenshots
	@$(PY) scripts/proof.py

fuzz: $(STAMP) ## schemathesis over /openapi.json with a valid token, on SQLite and PostgreSQL (when it answers): no 5xx
	@scripts/fuzz.sh

lint: $(STAMP) ## ruff
	$(VENV)/bin/ruff check .

bench-deps:
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'

bench: $(STAMP) bench-deps ## the webhook load benchmark (figures for docs/BENCHMARKS.md)
	$(PY) -m bench.webhooks --markdown

.PHONY: help install installer installer-deps web run test proof fuzz lint bench bench-deps system-deps server-deps
