"""The README's corpus walk-through works as written."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def walkthrough_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Corpus walk-through", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    cmds = []
    for line in block.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            cmds.append(shlex.split(line))
    return cmds


def test_walkthrough_runs_as_written(tmp_path):
    cmds = walkthrough_commands()
    assert [c[:2] for c in cmds][:2] == [["cogmap", "add"], ["cogmap", "map"]]
    for cmd in cmds:
        args = [str(ROOT / a) if a.startswith("examples/") else a for a in cmd[1:]]
        r = subprocess.run([sys.executable, "-m", "cogmap", *args], cwd=tmp_path, capture_output=True,
                           text=True, timeout=600)
        assert r.returncode == 0, (cmd, r.stderr)
        assert "Traceback" not in r.stderr
    assert (tmp_path / "corpus.db").exists() and (tmp_path / "corpus-model.yaml").exists()
    assert (tmp_path / "corpus.html").exists()
