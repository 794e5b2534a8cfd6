# One command builds the site (make html), one runs the tests (make test); each sets up .venv itself.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
SEEDS ?= ../shared/seeds
PORT ?= 8000
PELICANOPTS ?=
FATAL := --fatal warnings

.DEFAULT_GOAL := help
.PHONY: help venv html clean regenerate serve devserver publish github import test bench entities-report check

help:
	@echo "make html        build the site into $(OUTPUTDIR)/ (warnings are errors)"
	@echo "make test        run the test suite"
	@echo "make check       build the site and check it: links, HTML, axe, page weight, other hosts, Lighthouse"
	@echo "make import      import WordPress posts from SEEDS=$(SEEDS) into $(INPUTDIR)/"
	@echo "make serve       serve $(OUTPUTDIR)/ on http://localhost:$(PORT)"
	@echo "make devserver   rebuild on change and serve, with live reload"
	@echo "make regenerate  rebuild on change"
	@echo "make publish     build with $(PUBLISHCONF) (set SITEURL=https://…)"
	@echo "make github      publish $(OUTPUTDIR)/ to the gh-pages branch"
	@echo "make bench       importer throughput and site build benchmarks (plain Pelican vs this site)"
	@echo "make entities-report  names found in the posts that the entity gazetteer lacks"
	@echo "make clean       remove $(OUTPUTDIR)/"

$(VENV)/.installed: requirements.txt
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

html: venv
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(FATAL) $(PELICANOPTS)
	$(BIN)/python -m pagefind --site $(OUTPUTDIR) --quiet

clean:
	rm -rf $(OUTPUTDIR)

regenerate: venv
	$(PELICAN) -r $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

serve: venv
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT) $(PELICANOPTS)

devserver: venv
	$(PELICAN) -lr $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT) $(PELICANOPTS)

publish: venv
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) $(FATAL) $(PELICANOPTS)
	$(BIN)/python -m pagefind --site $(OUTPUTDIR) --quiet

github: publish
	$(BIN)/ghp-import -m "Publish site" -b gh-pages --no-jekyll $(OUTPUTDIR)
	git push origin gh-pages

import: venv
	$(BIN)/python scripts/import_posts.py $(SEEDS) --output $(INPUTDIR) --overrides import-overrides.toml --report import-report.json

test: venv
	$(BIN)/python -m pytest

bench: venv
	$(BIN)/python scripts/bench_import.py
	$(BIN)/python scripts/bench_build.py

check: venv
	$(BIN)/python scripts/check_site.py

entities-report: venv
	PYTHONPATH=plugins $(BIN)/python -m entities.report --settings $(CONFFILE)
