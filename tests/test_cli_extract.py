"""The extract and demo commands, run as a user runs them."""
from __future__ import annotations

import json
import subprocess
import sys

import cogmap.records


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "cogmap", *args], capture_output=True, text=True,
                          input=stdin, timeout=600)


ARTICLE = ("Wheat harvest fails\n\nThe heat wave has cut the wheat harvest, and bread prices will probably "
           "rise this winter, said Noor Aziz, an agronomist. \"Without rain in spring, farmers will plant less,\" "
           "Aziz said.\n\nAdvertisement\n")


def test_json_to_file_is_the_schema(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    out = tmp_path / "a.json"
    r = run("extract", str(src), "--format", "json", "-o", str(out))
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text())
    doc = cogmap.records.Document.from_dict(data)
    assert doc.removed == ["Advertisement"]
    assert any(c.speaker == "Noor Aziz" for c in doc.claims)
    assert any(f.probability == 0.675 for f in doc.forecasts)


def test_text_and_markdown(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    r = run("extract", str(src))
    assert r.returncode == 0, r.stderr
    assert "Causal claims" in r.stdout and "Noor Aziz" in r.stdout and "Advertisement" in r.stdout
    r = run("extract", str(src), "--format", "md")
    assert r.stdout.startswith("# Wheat harvest fails") and "| id | cause |" in r.stdout


def test_scale_option_changes_probabilities(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    icd = json.loads(run("extract", str(src), "-f", "json").stdout)
    kent = json.loads(run("extract", str(src), "-f", "json", "--scale", "kent").stdout)
    assert [f["probability"] for f in icd["forecasts"]] != [f["probability"] for f in kent["forecasts"]]
    bad = run("extract", str(src), "--scale", "astrology")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_demo_runs_the_bundled_example():
    r = run("demo")
    assert r.returncode == 0, r.stderr
    assert "Causal claims" in r.stdout and "Forecasts" in r.stdout
    assert "Mara Okonjo" in r.stdout
