# Benchmarks and the native BLAS. Included by the Makefile; also works alone:
#   make -f bench.mk blas    install the native OpenBLAS the fast engine uses (apt, as root)
#   make -f bench.mk bench   the benchmark suite: Java (fast engine and plain EJML) vs numpy vs
#                            PyTorch, alternating, medians -> build/bench/results.{md,csv}
# Options: BENCH_ARGS="--reps 9 --only W2,P2 --no-plain --no-torch"   BENCH_TORCH=0

BENCH_DIR    := build/bench
BENCH_PYTHON := $(BENCH_DIR)/venv/bin/python
BENCH_ARGS   ?=
BENCH_MVN    ?= mvn

.PHONY: blas bench bench-java bench-python

blas:
	bash tools/bench/install-openblas.sh

bench: blas bench-java bench-python
	$(BENCH_PYTHON) tools/bench/run.py $(BENCH_ARGS)

# the library (compiled by Maven), its runtime classpath, then the benchmark classes by javac
bench-java:
	mkdir -p $(BENCH_DIR)/classes
	$(BENCH_MVN) -q -o compile dependency:build-classpath -Dmdep.outputFile=$(BENCH_DIR)/deps.txt \
	  -Dmdep.includeScope=runtime 2>/dev/null \
	  || $(BENCH_MVN) -q compile dependency:build-classpath -Dmdep.outputFile=$(BENCH_DIR)/deps.txt \
	  -Dmdep.includeScope=runtime
	javac -nowarn -d $(BENCH_DIR)/classes -cp "target/classes:$$(cat $(BENCH_DIR)/deps.txt)" \
	  $$(find bench/java -name '*.java')
	echo "$(CURDIR)/target/classes:$(CURDIR)/$(BENCH_DIR)/classes:$$(cat $(BENCH_DIR)/deps.txt)" \
	  > $(BENCH_DIR)/classpath.txt

bench-python:
	bash tools/bench/setup-python.sh
