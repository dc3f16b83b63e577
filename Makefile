# Causerie: `make run` serves the French demo, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/causerie
PYTEST := $(PY) -m pytest
export DJANGO_SETTINGS_MODULE ?= causerie.settings.dev

.PHONY: run test lint migrations-check translations-check messages makemessages \
	test-sqlite test-postgres test-browser chromium lock bench bench-scale clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP)

messages: $(STAMP)
	$(PY) manage.py compilemessages --ignore=.venv -v 0

run: $(STAMP) messages
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_demo
	@echo ""
	@echo "  Causerie runs on http://127.0.0.1:8000"
	@echo "  Demo logins (password: causerie-demo): amelie@demo.causerie.test, chloe@demo.causerie.test,"
	@echo "  elise@demo.causerie.test, ... ; site administrator: admin@demo.causerie.test (/admin/)"
	@echo "  Mail sent by the site goes to this console and to var/mail/."
	@echo ""
	trap 'kill 0' EXIT INT TERM; \
	$(PY) manage.py db_worker --interval 1 & \
	$(PY) manage.py run_scheduler & \
	$(PY) manage.py runserver 127.0.0.1:8000

chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Browser tests need Debian's chromium: sudo apt-get install -y chromium"; exit 1; fi; }

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

migrations-check: $(STAMP)
	$(PY) manage.py makemigrations --check --dry-run

makemessages: $(STAMP)
	$(PY) manage.py makemessages -l fr --ignore=.venv --ignore=var --no-obsolete
	$(PY) manage.py makemessages -d djangojs -l fr --ignore=.venv --ignore=var --no-obsolete

translations-check:
	@stats=$$(msgfmt --check --statistics -o /dev/null locale/fr/LC_MESSAGES/django.po 2>&1); echo "French: $$stats"; \
	case "$$stats" in *untranslated*|*fuzzy*) echo "Missing French translations."; exit 1;; esac

test-sqlite: $(STAMP) messages
	DJANGO_SETTINGS_MODULE=causerie.settings.test $(PYTEST) -n 2

test-postgres: $(STAMP) messages
	@if $(PY) -c "import psycopg,sys; psycopg.connect('$(TEST_DATABASE_URL)'.rsplit('/',1)[0]+'/postgres', connect_timeout=3).close()" 2>/dev/null; then \
	  DATABASE_URL=$(TEST_DATABASE_URL) DJANGO_SETTINGS_MODULE=causerie.settings.test $(PYTEST) -n 2 -m "not browser and not corpus"; \
	elif [ "$$CI" = "true" ]; then echo "PostgreSQL is required under CI=true ($(TEST_DATABASE_URL))"; exit 1; \
	else echo "PostgreSQL not reachable at $(TEST_DATABASE_URL): lane skipped."; fi

test-browser: $(STAMP) messages chromium
	DJANGO_SETTINGS_MODULE=causerie.settings.test $(PYTEST) -m browser

test: lint migrations-check translations-check test-sqlite test-postgres test-browser

lock:
	$(PY) -m pip freeze --exclude-editable | sed '1i # Full lock of every package (runtime, tests, lint). Regenerate with: make lock' > requirements.txt

bench: $(STAMP) messages
	bash bench/run.sh

bench-scale: $(STAMP) messages
	bash bench/run_scale.sh

clean:
	rm -rf var/static var/bench shots test-artifacts
