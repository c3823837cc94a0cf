"""The Python side of the benchmark suite (numpy with examples as rows, numpy with examples as
columns, or PyTorch), driven by run.py with the same tab-separated line protocol as
bench/java/org/neuralnotes/bench/Worker.java. Usage: worker.py numpy|numpy-columns|torch"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import workloads  # noqa: E402


def main(impl):
    if impl == "torch":
        import torch
        torch.set_num_threads(int(os.environ.get("BENCH_THREADS", "2")))
        kinds = workloads.torch_workloads(torch)
        info = f"torch={torch.__version__}\tthreads={torch.get_num_threads()}" \
               f"\tnumpy={np.__version__}"
    else:
        # numpy: examples as rows; numpy-columns: as the notes write them, examples as columns
        kinds = workloads.NUMPY_COLUMNS if impl == "numpy-columns" else workloads.NUMPY
        info = f"numpy={np.__version__}"
        try:
            # numpy 2 keeps it in numpy._core, numpy 1 in numpy.core
            core = getattr(np, "_core", None) or np.core
            info += f"\tmadvise_hugepage={core.multiarray._get_madvise_hugepage()}"
        except AttributeError:
            pass
        try:
            blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
            info += f"\tblas={blas.get('name')} {blas.get('version')}"
        except Exception:  # older numpy: no dict form
            pass
    loaded = {}
    for line in sys.stdin:
        fields = line.rstrip("\n").split("\t")
        head = fields[0].split(" ")
        try:
            if head[0] == "info":
                reply = "ok\t" + info
            elif head[0] == "setup":
                spec = json.loads(fields[1])
                w = kinds[spec["kind"]](spec)
                h = w.setup()
                loaded[head[1]] = w
                reply = f"ok\thash={h}\tflops={workloads.flops(spec)}" \
                        f"\titerations={spec['iterations']}"
            elif head[0] == "run":
                w = loaded[head[1]]
                w.reset()
                t0 = time.perf_counter()
                w.run()
                t1 = time.perf_counter()
                reply = f"ok\tseconds={t1 - t0}\tresult={w.result():.17g}"
            elif head[0] == "drop":
                loaded.pop(head[1], None)
                reply = "ok"
            elif head[0] == "quit":
                return
            else:
                reply = "error\tunknown command " + head[0]
        except Exception as e:  # reported to run.py, which stops with the message
            reply = "error\t" + repr(e).replace("\t", " ").replace("\n", " ")
        print(reply, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
