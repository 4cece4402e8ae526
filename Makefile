# The two commands of the README: `make run` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := config/demo/convenor.toml

.PHONY: run test bench venv clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "python3 -m venv failed: Debian needs the python3-venv package"; \
	  [ "$$(id -u)" = 0 ] && apt-get update -q && apt-get install -y -q python3-venv && $(PYTHON) -m venv $(VENV); }

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.installed

run: venv
	$(BIN)/convenor --config $(DEMO) members import config/demo/members.csv
	$(BIN)/convenor --config $(DEMO) run

test: venv
	bash scripts/ensure-dovecot
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 2 --dist worksteal

bench: venv
	bash scripts/ensure-dovecot
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var .pytest_cache
