# Bontang SP: `make run` serves the application, `make test` runs the whole suite.
# Both set up everything on a fresh clone (virtual environment, packages, and, when
# run as root on Debian, the system packages).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_PACKAGES := chromium fonts-liberation2 poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 gettext

.PHONY: run test bench lint format lock system-packages install migrate seed worker beat clean

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py seed_bontang
	DEBUG=1 $(BIN)/python manage.py seed_demo
	DEBUG=1 $(BIN)/python manage.py seed_tte_demo
	DEBUG=1 $(BIN)/python manage.py publish_standards
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

# Both cores by default (pytest-xdist); PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= 2
test: install
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The benchmarks of bench/ (a few minutes each); the portal's needs Debian's wrk (it also
# installs it itself when run as root), the search's a PostgreSQL server
# (BENCH_DATABASE_URL; it creates and drops its own database there).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres
bench: install
	@$(MAKE) --no-print-directory system-packages SYSTEM_PACKAGES=wrk
	DJANGO_SETTINGS_MODULE=bontang_sp.settings_test $(BIN)/python bench/pdf.py
	$(BIN)/python bench/portal.py
	$(BIN)/python bench/import.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/search.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

install: system-packages $(STAMP)

# The exact versions of requirements-dev.lock (made from pyproject.toml by `make lock`).
$(STAMP): pyproject.toml requirements-dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Pin every package again after a change of pyproject.toml (needs the package index).
lock: install
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
	  -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url --no-emit-find-links \
	  -o requirements-dev.lock pyproject.toml

# Installs the Debian packages that are missing when root on Debian; otherwise names them.
system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Memasang paket sistem:$$missing"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	else \
	  echo "Paket sistem belum terpasang:$$missing"; \
	  echo "Pasang dengan: sudo apt-get install$$missing (uji peramban dilewati tanpa chromium)"; \
	fi

worker: install
	$(BIN)/celery -A bontang_sp worker --loglevel=INFO

beat: install
	$(BIN)/celery -A bontang_sp beat --loglevel=INFO

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
