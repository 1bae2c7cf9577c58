"""The sample apps of samples/ (golden output, run like the golden plugin
runs them: `moonlet run --virtual-time APP app:main`), and `moonlet test`
on the job queue sample."""

import pathlib
import subprocess
import sys

import pytest

from moonlet.golden import run_program

SAMPLES = pathlib.Path(__file__).resolve().parents[2] / "samples"
APPS = sorted(p for p in SAMPLES.glob("*.expected") if p.with_suffix("").is_dir())


def test_there_are_sample_apps():
    assert {p.stem for p in APPS} >= {
        "echo",
        "worker_pool",
        "monitoring",
        "links",
        "registry",
        "jobqueue",
    }


@pytest.mark.parametrize("expected", APPS, ids=[p.stem for p in APPS])
def test_sample_app(expected):
    status, out, err = run_program("moonlet-app", expected)
    assert out.decode("latin-1") == expected.read_text(encoding="latin-1"), err
    assert status == 0, err


def test_jobqueue_tests():
    p = subprocess.run(
        [sys.executable, "-m", "moonlet.cli", "test", "jobqueue"],
        cwd=str(SAMPLES),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=120,
    )
    out = p.stdout.decode()
    assert p.returncode == 0, p.stderr
    assert out.endswith(
        "PASS app.tests:jobs_errors\nPASS app.tests:jobs_run\n"
        + out.split("PASS app.tests:jobs_run\n", 1)[1].split("PASS app.tests:queue")[0]
        + "PASS app.tests:queue_report\n3 passed, 0 failed\n"
    )
