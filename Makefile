# Neuralnotes: `make notebooks`, `make test`, `make lab` (README.md says what each prints and writes).
# Every step is stamped: a second run rebuilds or reinstalls only what changed.
# Reports (HTML and PDF) need Debian's chromium and node/npm: as root, the set-up installs them with
# apt-get when they are missing (`make browser`); otherwise an administrator installs them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV ?= .venv
MVN ?= mvn
MVN_FLAGS ?= -B -ntp -Dstyle.color=never
# the implementation registered as `java`: ijava, jjava or rapaio
KERNEL ?= ijava
# -Xmx of the kernels' JVM
KERNEL_HEAP ?= 1g
# seconds one notebook cell may run
CELL_TIMEOUT ?= 300
PYTEST_ARGS ?=
LAB_ARGS ?=

# Kernels are looked up in the project's environment before the user's own folders.
export JUPYTER_PREFER_ENV_PATH := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

PY := $(VENV)/bin/python
# Debian's Maven 3.8 prints colour resets even in batch mode
NO_ANSI := sed -u 's/\x1b\[[0-9;]*m//g'
LIB_STAMP := target/.library-built
VENV_STAMP := $(VENV)/.requirements-installed
KERNEL_CONFIG := $(VENV)/.kernel-config
KERNEL_STAMP := $(VENV)/.kernels-installed
MAIN_SOURCES := pom.xml $(shell find src/main -type f 2>/dev/null)
# Rapaio's kernel classes with their start-up races fixed (tools/kernel/rapaio/README.md)
KERNEL_FIXES := $(shell find tools/kernel -type f 2>/dev/null)
KERNEL_SETTINGS := $(KERNEL) $(KERNEL_HEAP) $(JAVA_HOME) $(shell command -v java)
# Debian's chromium prints the PDFs and runs the browser tests; CHROMIUM=... names another one
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
# RequireJS and MathJax for the reports (tools/plot/package.json); Playwright for the browser tests
REPORT_ASSETS := tools/plot/node_modules/.installed
TEST_NODE_DEPS := tests/plot/node_modules/.installed
IS_ROOT := $(filter 0,$(shell id -u))

.PHONY: help lib venv kernels report-assets browser test-deps notebooks test lab lock clean distclean FORCE

help:
	@echo "make notebooks  build the library, set up .venv, the Java kernel and the report assets, execute"
	@echo "                notebooks/*.ipynb -> build/notebooks/*.ipynb (executed, trusted),"
	@echo "                build/reports/*.html and *.pdf (every plot, offline)"
	@echo "make test       Java unit tests (mvn test), then pytest: the harness, pins, notebook hygiene,"
	@echo "                binder/postBuild, every notebook under IJava, JJava and Rapaio, the reports in"
	@echo "                headless Chromium offline, their PDFs, a notebook run from JupyterLab's interface"
	@echo "                and the playground (notebook 06) played in JupyterLab under IJava and JJava"
	@echo "                (screenshots and redraws per second in build/playground/)"
	@echo "make lab        JupyterLab with the kernel ready (LAB_ARGS='--no-browser --ip=0.0.0.0' etc.)"
	@echo "make lib | venv | kernels | report-assets | browser | test-deps   one step of the set-up"
	@echo "make clean | distclean"
	@echo "settings: KERNEL=$(KERNEL) KERNEL_HEAP=$(KERNEL_HEAP) CELL_TIMEOUT=$(CELL_TIMEOUT) PYTHON=$(PYTHON) CHROMIUM=$(CHROMIUM)"

## The library and the kernel's classpath: target/neuralnotes-<version>.jar, target/lib/ (with the
## org.bytedeco:openblas jar, whose OpenBLAS the library copies to target/native/ on first use), target/kernel/
lib: $(LIB_STAMP)
$(LIB_STAMP): $(MAIN_SOURCES)
	@echo "== library: mvn package (tests run in make test)"
	rm -rf target/lib target/kernel
	$(MVN) $(MVN_FLAGS) -q -DskipTests package 2>&1 | $(NO_ANSI)
	@echo "   $$(ls target/*.jar) + $$(ls target/lib | wc -l) jars in target/lib"
	@touch $@

## The project's Python environment, exactly as requirements.txt pins it
venv: $(VENV_STAMP)
$(VENV_STAMP): requirements.txt
	@echo "== Python environment: $(VENV) from requirements.txt"
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed, found " + sys.version.split()[0])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.txt
	@touch $@

## Kernelspecs java, java-ijava, java-jjava inside $(VENV) (never in the home folder)
kernels: $(KERNEL_STAMP)
$(KERNEL_CONFIG): FORCE
	@mkdir -p $(VENV)
	@echo '$(KERNEL_SETTINGS)' | cmp -s - $@ || echo '$(KERNEL_SETTINGS)' > $@
$(KERNEL_STAMP): $(VENV_STAMP) $(LIB_STAMP) $(KERNEL_CONFIG) tools/install_kernels.py $(KERNEL_FIXES)
	@echo "== kernels"
	$(PY) tools/install_kernels.py --default $(KERNEL) --heap $(KERNEL_HEAP)
	@touch $@

## node and npm from Debian when missing (root only); Playwright 1.65 needs Node.js 20 or newer
NEED_NPM = command -v npm >/dev/null || { \
	  if [ -n "$(IS_ROOT)" ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm; \
	  else echo "npm is missing: install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm)" >&2; exit 1; fi; }

## RequireJS and MathJax 2 for the reports, pinned by tools/plot/package-lock.json (npm registry)
report-assets: $(REPORT_ASSETS)
$(REPORT_ASSETS): tools/plot/package.json tools/plot/package-lock.json
	@echo "== report assets: requirejs and mathjax from the npm registry (tools/plot/package-lock.json)"
	@$(NEED_NPM)
	cd tools/plot && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## Playwright (playwright-core, no browser download: it drives Debian's chromium), pinned by tests/plot/package-lock.json
test-deps: $(TEST_NODE_DEPS)
$(TEST_NODE_DEPS): tests/plot/package.json tests/plot/package-lock.json
	@echo "== browser test tools: playwright-core from the npm registry (tests/plot/package-lock.json)"
	@$(NEED_NPM)
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
	  || { echo "playwright-core needs Node.js 20 or newer, found $$(node --version)" >&2; exit 1; }
	cd tests/plot && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## Debian's chromium (PDFs, browser tests) and poppler-utils (PDF check): installed when missing, as root
browser:
	@if command -v $(CHROMIUM) >/dev/null && command -v pdftotext >/dev/null; then :; \
	elif [ -n "$(IS_ROOT)" ]; then \
	  echo "== browser: apt-get install chromium poppler-utils"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium poppler-utils; \
	else \
	  echo "!! $(CHROMIUM) or pdftotext is missing and only root can install them:"; \
	  echo "!!   sudo apt-get install chromium poppler-utils   (or: make browser as root; or CHROMIUM=/path/to/chromium)"; \
	  echo "!! make notebooks writes the HTML reports without PDFs; make test fails its browser and PDF tests"; \
	fi

## Every notebook, headless, in a fresh kernel: executed copies, HTML and PDF reports under build/
notebooks: $(KERNEL_STAMP) $(REPORT_ASSETS) browser
	@echo "== notebooks: each in a fresh kernel 'java', cells time out after $(CELL_TIMEOUT) s"
	rm -rf build/notebooks build/reports
	$(PY) tools/run_notebooks.py --kernel java --timeout $(CELL_TIMEOUT) \
	    --executed build/notebooks --html build/reports --pdf build/reports --logs build/logs

## All tests; ends with the runners' summaries
test: $(KERNEL_STAMP) $(REPORT_ASSETS) $(TEST_NODE_DEPS) browser
	@mkdir -p build/logs
	@echo "== Java unit tests: mvn test"
	$(MVN) $(MVN_FLAGS) test 2>&1 | $(NO_ANSI) | tee build/logs/mvn-test.log
	@echo "== Python tests: pytest (notebooks under java-ijava, java-jjava and java-rapaio, reports in Chromium, JupyterLab UI)"
	$(PY) -m pytest $(PYTEST_ARGS) 2>&1 | tee build/logs/pytest.log
	@echo "== summary"
	@grep -E 'Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$$' build/logs/mvn-test.log | tail -n 1 \
	    || echo "Surefire: no Java tests found (mvn test)"
	@tail -n 1 build/logs/pytest.log

# JupyterLab refuses to run as root unless told; containers often run as root
ROOT_ALLOWED := $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(KERNEL_STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=$(CURDIR) $(ROOT_ALLOWED) $(LAB_ARGS) notebooks/00-getting-started.ipynb

## Re-pin requirements.txt from requirements.in (needs the network; commit both files)
lock:
	test -x build/lock/bin/uv || ($(PYTHON) -m venv build/lock && build/lock/bin/pip install -q uv==0.13.9)
	build/lock/bin/uv pip compile --universal --fork-strategy fewest --python-version 3.10 \
	    requirements.in -o requirements.txt

clean:
	rm -rf build target

distclean: clean
	rm -rf $(VENV) .pytest_cache tools/plot/node_modules tests/plot/node_modules

FORCE:

include plot.mk
# benchmarks (make bench), when that fragment is there
-include bench.mk
