"""Notebook 06 (the playground) as a student uses it: JupyterLab 4 in headless Chromium runs it and
plays with the last playground under IJava and JJava, in one server (tests/plot/playground_lab.py and
playground_ui.mjs): play, pause, the slider, reset, a kernel interrupt while playing, the notebook's
tab closed while playing, the kernel shut down while playing. Screenshots, the measured redraws per
second and how play stopped: build/playground/<kernel>-*.png, <kernel>-fps.json, <kernel>-stops.json;
the server's log: build/logs/playground-ui.log.

Never skipped: without Chromium or Playwright the test fails saying what to install.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.report_support import PLOT_TESTS, PROJECT, browser, offline_loopback_prefix

LIVE_KERNELS = ("java-ijava", "java-jjava")
OUT = PROJECT / "build" / "playground"


def run_checked(command, timeout, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=PROJECT, **kwargs)
    print(result.stdout, result.stderr, sep="\n")  # pytest shows it when the test fails
    return result


def test_the_playground_plays_pauses_follows_the_slider_resets_and_stops_in_jupyterlab():
    chromium_path = browser()
    for kernel in LIVE_KERNELS:
        (OUT / f"{kernel}-fps.json").unlink(missing_ok=True)
        (OUT / f"{kernel}-stops.json").unlink(missing_ok=True)
    args = [a for k in LIVE_KERNELS for a in ("--kernel", k)]
    result = run_checked(
        [*offline_loopback_prefix(), sys.executable, str(PLOT_TESTS / "playground_lab.py"), *args,
         "--out", str(OUT), "--log", str(PROJECT / "build" / "logs" / "playground-ui.log"),
         "--chromium", chromium_path],
        timeout=2400, env=dict(os.environ, JUPYTER_PREFER_ENV_PATH="1"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(LIVE_KERNELS)} passed, 0 failed" in result.stdout, result.stdout
    for kernel in LIVE_KERNELS:
        for shot in ("playing", "paused", "slider", "reset", "interrupted"):
            assert (OUT / f"{kernel}-{shot}.png").is_file(), f"{kernel}-{shot}.png is missing"
        fps = json.loads((OUT / f"{kernel}-fps.json").read_text())
        # the page must see the figures move while playing: more than one redraw a second
        assert fps["figure_updates_per_second"] > 1, fps
        stops = json.loads((OUT / f"{kernel}-stops.json").read_text())
        # a kernel interrupt: the last step within a frame of the click, and the play button up
        assert stops["interrupt"]["last_step_ms_after_click"] < 2000, stops
        assert stops["interrupt"]["play_pressed_after"] is False, stops
        # the tab closed while playing: no play thread in the JVM soon after, nor 3 and 6 s later
        assert stops["closed_tab"]["play_threads"] == ["0", "0", "0"], stops
        assert stops["closed_tab"]["play_stopped_after_s"] <= 20, stops


def test_under_rapaio_in_a_page_the_playground_falls_back_to_trained_figures_without_error():
    """Rapaio 3.0.1 has no comm API (its comm_msg handler does nothing, a comm_open from the page is
    closed at once), so even started by a server for a page (JPY_SESSION_NAME set) the playground
    trains its 1000 steps and shows the figures as outputs, as in a report."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="java-rapaio",
                              env=dict(os.environ, JPY_SESSION_NAME="playground-test.ipynb"))
    try:
        outputs, errors = [], []

        def keep(msg):
            if msg["msg_type"] == "error":
                errors.append("\n".join(msg["content"]["traceback"]))
            elif msg["msg_type"] == "stream" and msg["content"]["name"] == "stderr":
                errors.append(msg["content"]["text"])
            elif msg["msg_type"] in ("execute_result", "display_data"):
                outputs.append(msg["content"]["data"])

        code = ('import org.neuralnotes.playground.*;\n'
                'Playground pg = Playground.open();\n'
                '"live " + pg.live() + ", steps " + pg.steps()')
        reply = kc.execute_interactive(code, timeout=300, output_hook=keep)
        assert reply["content"]["status"] == "ok", errors
        assert not errors, errors
        assert any("application/vnd.plotly.v1+json" in d for d in outputs), [list(d) for d in outputs]
        # the cell's result: Rapaio shows a String as text/html, IJava and JJava quote it in text/plain
        assert any("live false, steps 1000" in str(v) for d in outputs for v in d.values()), outputs[-1:]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
