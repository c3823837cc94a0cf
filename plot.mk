# Make targets of the plot package (org.neuralnotes.plot, tools/plot, tests/plot).
# Included by the main Makefile:   include plot.mk
#
#   make plot-test           unit tests of the figure builders, then the browser check of a page
#                            with every kind of figure (and of PLOT_REPORTS, if given)
#   make plot-browser-check PLOT_REPORTS="build/a.html build/b.html"
#                            headless Chromium, network off: every plot drawn, no console error
#   make plot-notebook-test  runs tests/plot/notebooks/plot_display.ipynb under IJava and JJava,
#                            exports it to HTML (nbconvert, RequireJS on the page) and checks both
#   make plot-ui-test        runs that notebook from the interface of JupyterLab 4 (IJava, JJava) and
#                            Notebook 7 in headless Chromium (Playwright) and checks every plot draws
#   make build/NAME.pdf      prints build/NAME.html to PDF, offline (tools/plot/html2pdf.sh)
#
# Needs Debian's chromium and poppler-utils (pdftotext) for the PDF check (`make browser`
# installs both, as root), and node/npm for playwright-core (`make test-deps`: from the npm
# registry, no browser download: it drives Debian's chromium). The notebooks' own reports are
# checked by `make test` (tests/test_reports.py); these targets check the plot package alone.

PLOT_VENV      ?= /tmp/nn-plot-venv
PLOT_BUILD     ?= build/plot
PLOT_REPORTS   ?=
PLOT_SAMPLE    := target/plot/sample-figures.html
PLOT_NODE_DEPS := $(TEST_NODE_DEPS)
CHROMIUM       ?= /usr/bin/chromium
# the browser checks run in a network namespace of their own (no network at all) when allowed
PLOT_OFFLINE   := $(shell unshare -n true 2>/dev/null && echo unshare -n)

.PHONY: plot-test plot-unit plot-browser-check plot-notebook-test plot-ui-test plot-chromium plot-node-deps

plot-chromium: browser

plot-node-deps: $(PLOT_NODE_DEPS)

# the unit tests also write $(PLOT_SAMPLE), the page the browser check draws
plot-unit:
	mvn -q -o test -Dtest='org.neuralnotes.plot.*Test' -Dsurefire.failIfNoSpecifiedTests=false \
	  || mvn -q test -Dtest='org.neuralnotes.plot.*Test' -Dsurefire.failIfNoSpecifiedTests=false

PLOT_CHECK = mkdir -p $(PLOT_BUILD) && $(PLOT_OFFLINE) node tests/plot/check_report.mjs $(wildcard $(PLOT_SAMPLE)) \
  $(PLOT_REPORTS) --chromium $(CHROMIUM) --screenshot $(PLOT_BUILD)/report.png

plot-browser-check: plot-chromium plot-node-deps
	$(PLOT_CHECK)

plot-test: plot-chromium plot-node-deps plot-unit
	$(PLOT_CHECK)
	CHROMIUM=$(CHROMIUM) bash tools/plot/html2pdf.sh $(PLOT_SAMPLE) $(PLOT_BUILD)/sample-figures.pdf
	python3 tests/plot/check_pdf.py $(PLOT_BUILD)/sample-figures.pdf $(PLOT_SAMPLE)

plot-notebook-test: plot-chromium plot-node-deps
	bash tests/plot/setup_kernels.sh $(PLOT_VENV)
	$(PLOT_VENV)/bin/python tests/plot/check_notebook.py tests/plot/notebooks/plot_display.ipynb \
	  --kernel ijava-test --out-dir $(PLOT_BUILD) --twice
	$(PLOT_VENV)/bin/python tests/plot/check_notebook.py tests/plot/notebooks/plot_display.ipynb \
	  --kernel jjava-test --out-dir $(PLOT_BUILD)
	$(PLOT_OFFLINE) node tests/plot/check_report.mjs $(PLOT_BUILD)/plot_display-ijava-test.html \
	  $(PLOT_BUILD)/plot_display-jjava-test.html --min-plots 7 --chromium $(CHROMIUM) \
	  --screenshot $(PLOT_BUILD)/plot_display.png
	CHROMIUM=$(CHROMIUM) bash tools/plot/html2pdf.sh $(PLOT_BUILD)/plot_display-ijava-test.html \
	  $(PLOT_BUILD)/plot_display-ijava-test.pdf
	python3 tests/plot/check_pdf.py $(PLOT_BUILD)/plot_display-ijava-test.pdf \
	  $(PLOT_BUILD)/plot_display-ijava-test.html

plot-ui-test: plot-chromium plot-node-deps
	bash tests/plot/setup_kernels.sh $(PLOT_VENV)
	bash tests/plot/jupyter_ui_test.sh $(PLOT_VENV) $(PLOT_BUILD)

build/%.pdf: build/%.html
	CHROMIUM=$(CHROMIUM) bash tools/plot/html2pdf.sh $< $@
