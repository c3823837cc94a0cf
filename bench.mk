# Benchmarks. Included by the Makefile; also works alone:
#   make -f bench.mk bench   the benchmark suite: the library through its public API (Network +
#                            Trainer; LogisticRegression.fit for W1; plain EJML) vs numpy with
#                            examples as columns (the notes' layout) and as rows vs Deeplearning4j
#                            vs PyTorch, alternating, medians -> build/bench/results.{md,csv};
#                            then the scaling suite (bench-scaling) and the notebooks'
#                            latency (bench-latency)
#   make bench-dl4j          only build the Deeplearning4j worker (bench/dl4j: its own pom, its
#                            jars in build/bench/dl4j/lib, never in target/lib)
#   make bench-phases        W1-W3 phase by phase (the trainer's calls, numpy-columns' step)
#                            -> build/bench/phases.md
#   make bench-latency       each notebook in a fresh kernel: kernel ready, first result, full run
#                            -> build/bench/latency.{md,csv} (needs the Makefile's kernels)
# Options: BENCH_ARGS="--reps 9 --only W2,P2 --no-plain --no-torch --no-dl4j"   BENCH_TORCH=0
#          LATENCY_ARGS="--reps 5 --kernel java-jjava notebooks/00-getting-started.ipynb"

BENCH_DIR    := build/bench
BENCH_PYTHON := $(BENCH_DIR)/venv/bin/python
BENCH_ARGS   ?=
BENCH_MVN    ?= mvn

# the project's .venv with the kernels (the Makefile's $(PY) and $(KERNEL_STAMP) when included)
LATENCY_PYTHON ?= $(or $(PY),.venv/bin/python)
LATENCY_ARGS   ?=
# the scaling suite leaves out plain EJML (minutes per run at the large widths) and
# Deeplearning4j (its per-step cost makes batch 1 take minutes)
BENCH_SCALING   = $(BENCH_PYTHON) tools/bench/run.py --suite scaling --no-plain --no-dl4j --out $(BENCH_DIR)/scaling $(BENCH_ARGS)
BENCH_LATENCY   = $(LATENCY_PYTHON) tools/bench/latency.py --out $(BENCH_DIR) $(LATENCY_ARGS)

.PHONY: bench bench-java bench-python bench-latency bench-dl4j bench-phases

bench: bench-java bench-dl4j bench-python $(KERNEL_STAMP)
	$(BENCH_PYTHON) tools/bench/run.py $(BENCH_ARGS)
	$(BENCH_SCALING)
	$(BENCH_LATENCY)

bench-latency: $(KERNEL_STAMP)
	$(BENCH_LATENCY)

# where the time of W1-W3 goes: each call of Trainer.fit's step timed alone, beside numpy-columns'
# step cut at its seams -> build/bench/phases.md (PHASES_ARGS="--fits 9 --only W3")
PHASES_ARGS ?=
bench-phases: bench-java bench-python
	$(BENCH_PYTHON) tools/bench/phases.py $(PHASES_ARGS)

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

# Deeplearning4j 1.0.0-M2.1 (bench/dl4j/pom.xml: nd4j-native with its Linux x86_64 natives only)
# in its own JVM: its jars, the benchmark's classes, the library's classes (Rng) and EJML only,
# so neither its JavaCPP nor the library's meets the other's
BENCH_DL4J := $(BENCH_DIR)/dl4j
bench-dl4j: bench-java
	mkdir -p $(BENCH_DL4J)/classes
	$(BENCH_MVN) -q -o -f bench/dl4j/pom.xml dependency:copy-dependencies \
	  -DoutputDirectory=$(CURDIR)/$(BENCH_DL4J)/lib 2>/dev/null \
	  || $(BENCH_MVN) -q -f bench/dl4j/pom.xml dependency:copy-dependencies \
	  -DoutputDirectory=$(CURDIR)/$(BENCH_DL4J)/lib
	echo "$(CURDIR)/$(BENCH_DL4J)/classes:$(CURDIR)/$(BENCH_DIR)/classes:$(CURDIR)/target/classes:$$(tr ':' '\n' < $(BENCH_DIR)/deps.txt | grep '/ejml-' | tr '\n' ':')$(CURDIR)/$(BENCH_DL4J)/lib/*" \
	  > $(BENCH_DL4J)/classpath.txt
	javac -nowarn -d $(BENCH_DL4J)/classes -cp "$$(cat $(BENCH_DL4J)/classpath.txt)" \
	  $$(find bench/dl4j/java -name '*.java')

# Other routes for the engine, side by side in the same alternating run: the default engine
# (dev.ludovic.netlib JNI + the OpenBLAS 0.3.31 of the org.bytedeco:openblas jar), bytedeco's own
# cblas_dgemm on double[] (copies), EJML multi-threaded, plain EJML, numpy, PyTorch
# -> build/bench/alternatives/
BENCH_ALT      := $(BENCH_DIR)/alt
BENCH_BYTEDECO := org.bytedeco:openblas:0.3.31-1.5.13 \
                  org.bytedeco:javacpp:1.5.13 org.bytedeco:javacpp:1.5.13:jar:linux-x86_64

.PHONY: bench-alternatives
bench-alternatives: bench-java bench-python
	mkdir -p $(BENCH_ALT)/jars $(BENCH_ALT)/classes
	for a in $(BENCH_BYTEDECO); do \
	  $(BENCH_MVN) -q -o dependency:copy -Dartifact=$$a -DoutputDirectory=$(BENCH_ALT)/jars 2>/dev/null \
	  || $(BENCH_MVN) -q dependency:copy -Dartifact=$$a -DoutputDirectory=$(BENCH_ALT)/jars || exit 1; done
	javac -nowarn -d $(BENCH_ALT)/classes -cp "$$(cat $(BENCH_DIR)/classpath.txt):$$(ls $(BENCH_ALT)/jars/*.jar | tr '\n' ':')" \
	  $$(find bench/alternatives bench/java -name '*.java')
	$(BENCH_PYTHON) tools/bench/run.py --out $(BENCH_DIR)/alternatives --no-dl4j \
	  --extra-classpath "$(CURDIR)/$(BENCH_ALT)/classes:$$(ls $(CURDIR)/$(BENCH_ALT)/jars/*.jar | tr '\n' ':')" \
	  --variant "java-bytedeco-cblas:-Dneuralnotes.engine=org.neuralnotes.bench.BytedecoEngine" \
	  --variant "java-ejml-mt:-Dneuralnotes.engine=org.neuralnotes.bench.EjmlMtEngine" \
	  $(BENCH_ARGS)

# item 4: W3 at batch sizes 1 … 1024 and hidden widths 32 … 1024 -> build/bench/scaling/
.PHONY: bench-scaling
bench-scaling: bench-java bench-python
	$(BENCH_SCALING)
