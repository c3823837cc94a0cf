"""tools/bench/latency.py: how repetitions become medians, maxima and target verdicts (no kernel runs;
the timings themselves come from `make bench-latency`)."""

from tools.bench.latency import CellTime, Timing, cell_table, markdown_table, summarize, verdict


def run(notebook, rep, ready, first, full, cells=(), ok=True):
    return Timing(notebook, rep, ok=ok, ready=ready, first_output=first, first_result=first, full=full,
                  cells=[CellTime(n, f"cell {n}", s) for n, s in cells])


def test_medians_and_maxima_over_the_successful_repetitions_only():
    timings = [
        run("00", 1, 1.0, 2.0, 10.0),
        run("00", 2, 3.0, 4.0, 40.0),
        run("00", 3, 2.0, 2.5, 20.0),
        Timing("00", 4, ok=False, failure="cell 2 raised an error"),
    ]
    (s,) = summarize(timings)
    assert (s.reps, s.ready_median, s.ready_max) == (3, 2.0, 3.0)
    assert (s.first_median, s.first_max) == (2.5, 4.0)
    assert (s.full_median, s.full_max) == (20.0, 40.0)


def test_a_target_is_met_by_a_median_at_most_the_target_and_missed_above_it():
    at_target, above = summarize(
        [run("00", 1, 1.0, 3.0, 30.0), run("01", 1, 1.0, 3.01, 30.5)], first_target=3, full_target=30
    )
    assert at_target.first_met and at_target.full_met
    assert not above.first_met and not above.full_met
    assert verdict([at_target]) == "targets met: all 1 notebooks (medians)"
    assert verdict([at_target, above]) == (
        "targets MISSED (medians): first result > 3 s: 01; full run > 30 s: 01"
    )


def test_the_table_shows_medians_with_maxima_and_the_verdict_per_target():
    (s,) = summarize([run("03-softmax", 1, 0.9, 2.0, 31.0), run("03-softmax", 2, 1.1, 2.2, 35.0)])
    row = markdown_table([s]).splitlines()[-1]
    assert row == "| 03-softmax | 1.00 (max 1.10) | 2.10 (max 2.20) | 33.0 (max 35.0) | yes | NO |"


def test_cell_times_are_gathered_per_notebook_and_cell():
    timings = [run("05", 1, 1, 2, 9, cells=[(2, 1.0), (6, 5.0)]),
               run("05", 2, 1, 2, 9, cells=[(2, 3.0), (6, 7.0)]),
               run("05", 3, 1, 2, 9, cells=[(2, 2.0), (6, 6.0)])]
    cells = {c["cell"]: c for c in cell_table(timings)}
    assert (cells[2]["median"], cells[2]["max"]) == (2.0, 3.0)
    assert (cells[6]["median"], cells[6]["max"]) == (6.0, 7.0)
