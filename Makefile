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
.PHONY: help venv lint newpost html clean regenerate serve devserver publish github require-siteurl import test bench \
        entities-report check

help:
	@echo "make html        build the site into $(OUTPUTDIR)/ (warnings are errors; runs make lint first)"
	@echo "make newpost TITLE=\"…\"  start $(INPUTDIR)/posts/<slug>.md (AUTHOR=… optional)"
	@echo "make lint        check every post and page: title, date, slugs, {filename} links, UTF-8, body"
	@echo "make test        run the test suite"
	@echo "make check       build the site and check it: links, HTML, axe, page weight, other hosts, Lighthouse"
	@echo "make import      import WordPress posts from SEEDS=$(SEEDS) into $(INPUTDIR)/"
	@echo "make serve       serve $(OUTPUTDIR)/ on http://localhost:$(PORT)"
	@echo "make devserver   serve on http://127.0.0.1:$(PORT); rebuild and reload the browser on every save"
	@echo "make regenerate  rebuild on change"
	@echo "make publish     build with $(PUBLISHCONF) (set SITEURL=https://…; also writes .nojekyll and CNAME)"
	@echo "make github      publish $(OUTPUTDIR)/ to the gh-pages branch (SITEURL=https://<user>.github.io/<repo>)"
	@echo "make bench       importer throughput and site build benchmarks (plain Pelican vs this site)"
	@echo "make entities-report  names found in the posts that the entity gazetteer lacks"
	@echo "make clean       remove $(OUTPUTDIR)/"

$(VENV)/.installed: requirements.txt
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

# Content problems stop the build before Pelican runs (scripts/lint_content.py --help lists the checks).
lint: venv
	$(BIN)/python scripts/lint_content.py $(INPUTDIR)

# TITLE and AUTHOR reach the script through the environment (make exports command-line variables), so a title
# may hold any quotes; make itself reads a $ on its command line, so write $$ there (or pass TITLE=… before make).
newpost: venv
	$(BIN)/python scripts/newpost.py --content $(INPUTDIR)

html: lint
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(FATAL) $(PELICANOPTS)
	$(BIN)/python scripts/search_index.py $(OUTPUTDIR)

clean:
	rm -rf $(OUTPUTDIR)

regenerate: venv
	$(PELICAN) -r $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

serve: venv
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT) $(PELICANOPTS)

devserver: venv
	$(BIN)/python scripts/devserver.py --content $(INPUTDIR) --output $(OUTPUTDIR) --settings $(CONFFILE) --port $(PORT)

# Writes CNAME (argv[2]) with the CNAME setting of the settings file argv[1], if it sets one.
define WRITE_CNAME
import runpy, sys
cname = (runpy.run_path(sys.argv[1]).get("CNAME") or "").strip()
if cname:
    open(sys.argv[2], "w", encoding="utf-8").write(cname + "\n")
endef
export WRITE_CNAME

# After Pelican (which empties $(OUTPUTDIR) first): .nojekyll, so GitHub Pages serves every file as it is, and
# CNAME when publishconf.py's CNAME setting names a custom domain.
publish: lint
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) $(FATAL) $(PELICANOPTS)
	touch $(OUTPUTDIR)/.nojekyll
	$(BIN)/python -c "$$WRITE_CNAME" $(PUBLISHCONF) $(OUTPUTDIR)/CNAME
	$(BIN)/python scripts/search_index.py $(OUTPUTDIR)

# The gh-pages branch is served at https://<user>.github.io/<repo>/ (or a custom domain): the build needs that
# address, not publishconf.py's localhost default.
require-siteurl:
	@case "$$SITEURL" in https://*|http://*) ;; *) \
		echo 'make github needs the address the site is served at: make github SITEURL=https://<user>.github.io/<repo>'; \
		exit 1;; esac

github: require-siteurl
	$(MAKE) publish
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
