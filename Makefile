# Jouw Omgeving — the two commands: `make run` and `make test`.
# Every target installs what it needs into the project (.venv, .tools) and nothing globally,
# except Debian's chromium for browser tests when we are root and it is missing.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BUN := $(CURDIR)/.tools/node_modules/bun/bin/bun.exe

# --- Offline safety: the one place these are set (rxconfig sets the same defaults). ---
# Reflex must never contact a host other than the package registries during install.
export REFLEX_TELEMETRY_ENABLED := false
export REFLEX_CHECK_LATEST_VERSION := false
export REFLEX_HTTP_CLIENT_BIND_ADDRESS := 0.0.0.0
export NPM_CONFIG_REGISTRY := $(shell npm config get registry 2>/dev/null)
export REFLEX_BUN_PATH := $(BUN)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run run-scaled test setup setup-test migrate demo-data totp lint format chromium bench clean

PORT ?= 3000
WORKERS ?= 3
# The websocket accepts only the app's own origin; behind a proxy set the public URL here.
export REFLEX_CORS_ALLOWED_ORIGINS ?= http://localhost:$(PORT),http://127.0.0.1:$(PORT)

## make run: set everything up, migrate, load demo data once, serve on http://localhost:3000
run: setup migrate demo-data
	$(VENV)/bin/reflex run --env prod --single-port --frontend-port $(PORT)

## make run-scaled DATABASE_URL=postgresql+psycopg://… REDIS_URL=redis://:secret@host:6379/0 [DEMO=1]
## PostgreSQL for data, Redis for Reflex state, $(WORKERS) backend workers; migrates first.
run-scaled: setup
	@if [ -z "$(DATABASE_URL)" ] || [ -z "$(REDIS_URL)" ]; then \
	  echo "make run-scaled needs DATABASE_URL (PostgreSQL) and REDIS_URL (Redis, with a password)."; \
	  exit 2; fi
	REFLEX_DB_URL='$(DATABASE_URL)' $(VENV)/bin/reflex db migrate
	REFLEX_DB_URL='$(DATABASE_URL)' $(PY) -m jouw_omgeving.demo $(if $(DEMO),load --if-empty,reference)
	REFLEX_DB_URL='$(DATABASE_URL)' REFLEX_REDIS_URL='$(REDIS_URL)' GRANIAN_WORKERS=$(WORKERS) \
	  $(VENV)/bin/reflex run --env prod --single-port --frontend-port $(PORT)

## make test: set everything up (plus Chromium), then ruff and the whole pytest suite
test: setup-test chromium lint
	$(PY) -m pytest $(PYTEST_ARGS)

setup: $(VENV)/.installed $(BUN)

setup-test: setup $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

$(BUN): .tools/package.json
	cd .tools && npm install --no-audit --no-fund --loglevel=error
	test -x $(BUN)
	touch $@

chromium:
	@if command -v chromium >/dev/null 2>&1; then \
		echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "MISSING: chromium is not on PATH and we cannot apt-get it (not root)."; \
		echo "Install it with: sudo apt-get install chromium   (browser tests need it)"; \
		exit 1; \
	fi

migrate: setup
	$(VENV)/bin/reflex db migrate

demo-data: setup
	$(PY) -m jouw_omgeving.demo load --if-empty

## make totp: the current login code (second factor) of the demo staff accounts
totp: setup
	@$(PY) -m jouw_omgeving.demo totp

lint: setup-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf .web .states reflex.db* .pytest_cache
