# Benchmarks and the native BLAS. Included by the Makefile; also works alone:
#   make -f bench.mk blas    install the native OpenBLAS the fast engine uses (apt, as root)
#   make -f bench.mk bench   run the benchmark suite (Java vs numpy vs PyTorch), table in build/bench/

.PHONY: blas bench

blas:
	bash tools/bench/install-openblas.sh
