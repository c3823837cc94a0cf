# Neuralnotes: `make notebooks`, `make test`, `make lab` (README.md says what each prints and writes).
# Every step is stamped: a second run rebuilds or reinstalls only what changed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV ?= .venv
MVN ?= mvn
MVN_FLAGS ?= -B -ntp -Dstyle.color=never
# the implementation registered as `java`: ijava or jjava
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
KERNEL_SETTINGS := $(KERNEL) $(KERNEL_HEAP) $(JAVA_HOME) $(shell command -v java)

.PHONY: help lib venv kernels notebooks test lab lock clean distclean FORCE

help:
	@echo "make notebooks  build the library, set up .venv and the Java kernel, execute notebooks/*.ipynb"
	@echo "                -> build/notebooks/*.ipynb (executed copies), build/reports/*.html"
	@echo "make test       Java unit tests (mvn test), then pytest: the harness, pins, notebook hygiene,"
	@echo "                binder/postBuild, and every notebook under IJava and under JJava"
	@echo "make lab        JupyterLab with the kernel ready (LAB_ARGS='--no-browser --ip=0.0.0.0' etc.)"
	@echo "make lib | venv | kernels   one step of the set-up;  make clean | distclean"
	@echo "settings: KERNEL=$(KERNEL) KERNEL_HEAP=$(KERNEL_HEAP) CELL_TIMEOUT=$(CELL_TIMEOUT) PYTHON=$(PYTHON)"

## The library and the kernel's classpath: target/neuralnotes-<version>.jar, target/lib/, target/kernel/
lib: $(LIB_STAMP)
$(LIB_STAMP): $(MAIN_SOURCES)
	@echo "== library: mvn package (tests run in make test)"
	rm -rf target/lib target/kernel
	$(MVN) $(MVN_FLAGS) -q -DskipTests package 2>&1 | $(NO_ANSI)
	@touch $@
	@echo "   $$(ls target/*.jar) + $$(ls target/lib | wc -l) jars in target/lib"

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
$(KERNEL_STAMP): $(VENV_STAMP) $(LIB_STAMP) $(KERNEL_CONFIG) tools/install_kernels.py
	@echo "== kernels"
	$(PY) tools/install_kernels.py --default $(KERNEL) --heap $(KERNEL_HEAP)
	@touch $@

## Every notebook, headless, in a fresh kernel: executed copies and HTML reports under build/
notebooks: $(KERNEL_STAMP)
	@echo "== notebooks: each in a fresh kernel 'java', cells time out after $(CELL_TIMEOUT) s"
	rm -rf build/notebooks build/reports
	$(PY) tools/run_notebooks.py --kernel java --timeout $(CELL_TIMEOUT) \
	    --executed build/notebooks --html build/reports --logs build/logs

## All tests; ends with the runners' summaries
test: $(KERNEL_STAMP)
	@mkdir -p build/logs
	@echo "== Java unit tests: mvn test"
	$(MVN) $(MVN_FLAGS) test 2>&1 | $(NO_ANSI) | tee build/logs/mvn-test.log
	@echo "== Python tests: pytest (notebooks run under java-ijava and java-jjava)"
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
	rm -rf $(VENV) .pytest_cache

FORCE:
