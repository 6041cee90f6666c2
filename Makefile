# DCR Network — every task a developer or CI runs.
PYTHON ?= $(shell command -v python3.12 || pyenv which python3.12 2>/dev/null)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2

.PHONY: install demo serve test suite lint bench migrate static clean fuzz messages

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock
	@test -n "$(PYTHON)" || { echo "Python 3.12 not found (install it with pyenv: pyenv install 3.12)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	touch $@

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo
	$(MANAGE) runserver $(HOST):$(PORT)

static: install
	DEBUG=0 SECRET_KEY=$${SECRET_KEY:-collectstatic-only-key-not-used-for-anything-else-0123456789} $(MANAGE) collectstatic --noinput -v0

# The production way: DEBUG off, granian's WSGI server (chosen by measurement over gunicorn, see
# bench/README.md; bench/pages.py starts the same command), whitenoise serving the compressed,
# hashed static files with a one-year immutable Cache-Control. The workers share rate limits and
# cached pages through the database cache (CACHE_URL=redis://… for Redis instead), whose table
# createcachetable makes. Access lines are JSON, written by the app (dcrnet.lib.logging).
SERVE_ENV = DEBUG=0 SECRET_KEY=$${SECRET_KEY:-local-serve-$$(hostname)-not-for-production-0123456789abcdef} \
  ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-0}

serve: migrate static
	$(SERVE_ENV) $(MANAGE) load_demo
	$(SERVE_ENV) $(MANAGE) createcachetable
	$(SERVE_ENV) $(VENV)/bin/granian --interface wsgi --workers $(WORKERS) --blocking-threads 32 \
	  --host $(HOST) --port $(PORT) --log-level warning dcrnet.wsgi:application

# The catalogues of the five languages (docs/decisions/0005-languages.md): every marked string
# into every .po (django and djangojs domains), then the compiled .mo files and the JavaScript
# catalogues (static files, so the CSP needs no inline script). All three are committed: a
# machine without gettext still runs the site. Needs GNU gettext (Debian: apt install gettext).
LANGS := fr de nl es
# Each app's catalogue from inside the app (so its entries name files like `views.py`), then the
# project's catalogue (shared templates, lib/, the JavaScript) from the root without the apps.
APPS_WITH_CATALOGUES := community directory evidence monitoring pages organisations forum documents guide experts planning trainings visits advocacy policy news newsletter sitesearch impact alerts peers
messages: install
	for app in $(APPS_WITH_CATALOGUES); do \
	  (cd dcrnet/$$app && ../../$(PY) ../../manage.py makemessages $(LANGS:%=-l %)) || exit 1; done
	$(MANAGE) makemessages $(LANGS:%=-l %) $(APPS_WITH_CATALOGUES:%=-i 'dcrnet/%/*')
	$(MANAGE) makemessages -d djangojs $(LANGS:%=-l %)
	for po in $$(find dcrnet -path '*/locale/*/LC_MESSAGES/*.po'); do msgfmt --check -o $${po%.po}.mo $$po || exit 1; done
	$(MANAGE) compilejsi18n

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: lint static suite

# The suite alone, after `make lint static` (CI runs it on both databases at once). With bytecode
# writing on, each test module's assertion rewrite is cached after the first worker made it
# (rewriting took most of each worker's collection).
PYTEST_ARGS ?= -q -n auto
suite: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	env -u PYTHONDONTWRITEBYTECODE $(VENV)/bin/pytest $(PYTEST_ARGS)

# Every script in bench/, not the modules pages.py serves (settings, URLs, bare WSGI app).
BENCH_SCRIPTS ?= $(filter-out bench/bench_settings.py bench/bench_urls.py bench/bare_wsgi.py,\
  $(wildcard bench/*.py))

bench: install static
	@for f in $(BENCH_SCRIPTS); do echo "== $$f"; $(PY) $$f || exit 1; done

# Fuzz the API with schemathesis: a production-like server (DEBUG off, granian) on the demo data,
# every operation of /api/v1/openapi.json, FUZZ_EXAMPLES generated cases per operation (valid and
# invalid ones), and these checks; any failure fails the target. DATABASE_URL picks the database
# (default: a throwaway SQLite file); FUZZ_SEED=<n> replays a run.
FUZZ_PORT ?= 8799
FUZZ_EXAMPLES ?= 10
FUZZ_CHECKS ?= not_a_server_error status_code_conformance content_type_conformance \
  response_headers_conformance response_schema_conformance negative_data_rejection \
  positive_data_acceptance
comma := ,
FUZZ_SQLITE := $(or $(TMPDIR),/tmp)/dcrnet-fuzz-$(FUZZ_PORT).sqlite3
# Schemathesis keeps the failures it found there and tries them first on the next run.
FUZZ_DIR := $(or $(TMPDIR),/tmp)/dcrnet-fuzz

fuzz: static
	@rm -f $(FUZZ_SQLITE) $(FUZZ_SQLITE)-wal $(FUZZ_SQLITE)-shm
	@set -eu; \
	export DATABASE_URL="$${DATABASE_URL:-sqlite:///$(FUZZ_SQLITE)}" DEBUG=0 \
	  SECRET_KEY="$${SECRET_KEY:-fuzz-$$(hostname)-not-for-production-0123456789abcdef0123}" \
	  ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 ACCESS_LOG_LEVEL=WARNING; \
	$(MANAGE) createcachetable; \
	$(MANAGE) migrate --noinput -v0; \
	$(MANAGE) load_demo > /dev/null; \
	$(VENV)/bin/granian --interface wsgi --workers 1 --host 127.0.0.1 --port $(FUZZ_PORT) \
	  --log-level warning dcrnet.wsgi:application & server=$$!; \
	trap 'kill $$server 2>/dev/null; wait $$server 2>/dev/null || true; \
	  rm -f $(FUZZ_SQLITE) $(FUZZ_SQLITE)-wal $(FUZZ_SQLITE)-shm' EXIT; \
	mkdir -p $(FUZZ_DIR); cd $(FUZZ_DIR); \
	$(CURDIR)/$(VENV)/bin/schemathesis run http://127.0.0.1:$(FUZZ_PORT)/api/v1/openapi.json \
	  --checks $(subst $() ,$(comma),$(strip $(FUZZ_CHECKS))) --max-examples $(FUZZ_EXAMPLES) \
	  --wait-for-schema 60 --workers 1 --no-color $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

clean:
	rm -rf $(VENV) staticfiles
