# Receiving Station. `make run` opens the station on an embedded SQLite database with demo
# data; `make test` runs lint and every test (PostgreSQL included). Both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
QM := resources/translations/receiving_station_fr.qm resources/translations/receiving_station_en.qm

.PHONY: run test test-clocks lint check-tests bench screenshots translations translations-update system-run system-test clean

# A fresh Debian has python3 but not its venv module: the system set-up comes first.
$(BIN)/activate:
	@scripts/setup-system.sh run
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# The app and its pinned dependencies; re-run when the pins or the project change.
$(VENV)/.app: $(BIN)/activate requirements/constraints.txt pyproject.toml
	$(BIN)/pip install -q -c requirements/constraints.txt -e .
	touch $@

$(VENV)/.dev: $(VENV)/.app
	$(BIN)/pip install -q -c requirements/constraints.txt -e '.[dev]'
	touch $@

system-run:
	@scripts/setup-system.sh run

system-test:
	@scripts/setup-system.sh test

resources/translations/%.qm: resources/translations/%.ts $(VENV)/.app
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: system-run $(VENV)/.app $(QM)
	$(BIN)/receiving-station gui --demo-data 2000

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

check-tests: system-test $(VENV)/.dev $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

test: system-test lint check-tests

# The whole suite again on a moved wall clock: a leap day, and 23:30 on New Year's Eve in
# Auckland (UTC+13). Monotonic time is left alone: timed waits count on it, not on dates.
test-clocks: system-test $(VENV)/.dev $(QM)
	QT_QPA_PLATFORM=offscreen FAKETIME_DONT_FAKE_MONOTONIC=1 \
		faketime '2028-02-29 12:00:00' $(BIN)/pytest -q -p no:cacheprovider
	QT_QPA_PLATFORM=offscreen FAKETIME_DONT_FAKE_MONOTONIC=1 TZ=Pacific/Auckland \
		faketime '2027-12-31 23:30:00' $(BIN)/pytest -q -p no:cacheprovider

bench: system-test $(VENV)/.dev
	$(PY) bench/classify.py
	$(PY) bench/decode.py
	$(PY) bench/inspection.py
	$(PY) bench/labels.py
	$(PY) bench/leads.py
	$(PY) bench/imports.py
	$(PY) bench/lookup.py
	$(PY) bench/photos.py
	$(PY) bench/stations.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/threads.py

screenshots: system-test $(VENV)/.dev $(QM)
	xvfb-run -a -s "-screen 0 2400x1500x24" $(PY) scripts/screenshots.py docs/screenshots en fr

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(QM)

# Collect new or changed user-facing strings into the .ts sources (then translate them).
translations-update: $(VENV)/.app
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(git ls-files 'ui/*.py' 'receiving_station/*.py' 'scanners/*.py' 'workflows/*.py' 'printing/*.py') \
		-ts resources/translations/receiving_station_fr.ts
	$(BIN)/pyside6-lupdate -pluralonly -no-obsolete -locations none $$(git ls-files 'ui/*.py') \
		-ts resources/translations/receiving_station_en.ts
