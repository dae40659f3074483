"""How soon the editor hears of an edit: ``shapelint server`` against ``ruff server`` on one model file (issue 20).

Run: python bench/bench_server.py [--lines 1000] [--repeats 7]

A model file of about ``--lines`` lines (classes in the styles of tutorials: convolution stacks, Sequentials,
residual blocks, each built and fed at the bottom of the file) is opened in each server over stdio, as an editor
opens it.  Then, ``--repeats`` times, the file is changed as an editor sends a change (one size in the last model,
alternately wrong and right) and the time until the server publishes the file's diagnostics is taken.  Also timed:
the first diagnostics after opening, and the inlay hints of the whole file after a change.  The goal: a diagnostic
update within 300 ms of the edit on a 1,000-line file.  ruff is the peer an editor already runs on every change.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

GOAL_SECONDS = 0.3

HEADER = """import torch
import torch.nn as nn
import torch.nn.functional as F

"""

BLOCK = '''

class Net{i}(nn.Module):
    """A LeNet-style classifier, number {i}."""

    def __init__(self, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, {c}, kernel_size=5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d({c}, 16, kernel_size=5)
        self.norm = nn.BatchNorm2d(16)
        self.head = nn.Sequential(
            nn.Flatten(),
            nn.Linear(16 * 5 * 5, 120),
            nn.ReLU(),
            nn.Linear(120, 84),
            nn.ReLU(),
            nn.Linear({last}, classes),
        )

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.norm(self.conv2(x))))
        return self.head(x)


class Residual{i}(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1)
        self.bn2 = nn.BatchNorm2d(channels)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + x)


net{i} = Net{i}()
out{i} = net{i}(torch.randn(8, 3, 32, 32))
block{i} = Residual{i}({c})
res{i} = block{i}(torch.randn(8, {c}, 16, 16))
'''


def model_file(lines: int, last: int = 84) -> str:
    """About ``lines`` lines of models; ``last`` is the in_features of the last model's last Linear."""
    count = max(1, round((lines - HEADER.count("\n")) / BLOCK.count("\n")))
    blocks = [BLOCK.format(i=i, c=6 + i % 4, last=last if i == count - 1 else 84) for i in range(count)]
    return HEADER + "".join(blocks)


class Client:
    """The little of an LSP client a timing needs: framed JSON-RPC over the server's stdio."""

    def __init__(self, command: list[str], root: Path) -> None:
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root)
        self.next_id = 0
        capabilities = {"textDocument": {"publishDiagnostics": {}, "inlayHint": {}}}
        self.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities})
        self.notify("initialized", {})

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while (line := self.process.stdout.readline().strip()) != b"":
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.process.stdout.read(length))

    def notify(self, method: str, params: dict[str, Any] | None) -> None:
        self.send({"method": method, "params": params} if params is not None else {"method": method})

    def request(self, method: str, params: dict[str, Any] | None) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, **({"params": params} if params is not None else {})})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")
            self._answer(message)

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        """Wait for the next diagnostics the server publishes for ``uri``."""
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"]["diagnostics"]
            self._answer(message)

    def _answer(self, message: dict[str, Any]) -> None:
        """A server's own request (configuration, progress) gets an empty answer."""
        if "method" in message and "id" in message:
            self.send({"id": message["id"], "result": None})

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=10)


def measure(command: list[str], text: str, edits: list[str], root: Path) -> dict[str, float | int]:
    """Seconds to the first diagnostics after opening, the median after each edit, and hints after an edit."""
    path = root / "models.py"
    path.write_text(text)
    uri = path.as_uri()
    client = Client(command, root)
    start = time.perf_counter()
    document = {"uri": uri, "languageId": "python", "version": 1, "text": text}
    client.notify("textDocument/didOpen", {"textDocument": document})
    client.diagnostics(uri)
    opened = time.perf_counter() - start
    updates, hints, counts = [], [], []
    for version, edit in enumerate(edits, start=2):
        start = time.perf_counter()
        identifier = {"uri": uri, "version": version}
        client.notify("textDocument/didChange", {"textDocument": identifier, "contentChanges": [{"text": edit}]})
        counts.append(len(client.diagnostics(uri)))
        updates.append(time.perf_counter() - start)
        start = time.perf_counter()
        whole = {"start": {"line": 0, "character": 0}, "end": {"line": edit.count("\n") + 1, "character": 0}}
        shown = client.request("textDocument/inlayHint", {"textDocument": {"uri": uri}, "range": whole})
        hints.append(time.perf_counter() - start)
    client.close()
    return {
        "open": opened,
        "update": statistics.median(updates),
        "worst": max(updates),
        "hints": statistics.median(hints),
        "findings": max(counts),
        "shown": len(shown or []),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    text = model_file(args.lines)
    edits = [model_file(args.lines, last=85 if step % 2 == 0 else 84) for step in range(args.repeats)]
    contenders = {"shapelint server": [sys.executable, "-m", "shapelint", "server"]}
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if Path(ruff).exists():
        contenders["ruff server"] = [ruff, "server"]
    print(f"$ python bench/bench_server.py --lines {args.lines} --repeats {args.repeats}")
    print(f"file: {text.count(chr(10))} lines; {args.repeats} edits, each one size in the last model")
    print(f"{'server':18} {'open':>9} {'edit→diag':>10} {'worst':>9} {'hints':>9} findings  hints shown")
    results = {}
    for name, command in contenders.items():
        with tempfile.TemporaryDirectory() as folder:
            results[name] = result = measure(command, text, edits, Path(folder))
        print(
            f"{name:18} {result['open'] * 1e3:7.0f}ms {result['update'] * 1e3:8.0f}ms {result['worst'] * 1e3:7.0f}ms "
            f"{result['hints'] * 1e3:7.0f}ms {result['findings']:8} {result['shown']:12}"
        )
    ours = results["shapelint server"]["update"]
    verdict = "met" if ours <= GOAL_SECONDS else "not met"
    print(f"edit to diagnostics: {ours * 1e3:.0f} ms against a goal of {GOAL_SECONDS * 1e3:.0f} ms: {verdict}")
    if "ruff server" in results:
        print(f"ratio to ruff server: {ours / float(results['ruff server']['update']):.1f}x")


if __name__ == "__main__":
    main()
