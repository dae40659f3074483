"""The command line: exit statuses, errors entries, discovery, config and output formats without findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shapelint.frontends import cli, runner
from tests.frontends.helpers import CLEAN, shapelint, validate_sarif


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "model.py").write_text(CLEAN)
    assert run(capsys, str(tmp_path)) == (0, "", "")


def test_zero_files_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--format", "json", str(tmp_path))[:2] == (0, '{\n  "diagnostics": [],\n  "errors": []\n}\n')


def test_missing_path_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, str(tmp_path / "nope.py"))
    assert (status, out) == (2, "")
    assert "nope.py: no such file or directory" in err


@pytest.mark.parametrize(
    "args", [["--format", "xml"], ["--select", "E501"], ["--ignore", "X"], ["--jobs", "0"], ["--no-such-flag"]]
)
def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    status, out, err = run(capsys, *args, str(tmp_path))
    assert (status, out) == (2, "")
    assert err


def test_syntax_error_is_an_errors_entry_with_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.py").write_text("import torch\n\ndef f(:\n    pass\n")
    (tmp_path / "ok.py").write_text(CLEAN)
    status, out, _ = run(capsys, "--format", "json", str(tmp_path))
    document = json.loads(out)
    assert status == 1
    assert document["diagnostics"] == []
    assert [e["path"] for e in document["errors"]] == [str(tmp_path / "broken.py")]
    assert document["errors"][0]["message"].startswith("line 3: syntax error")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"import torch\nx = '\xff\xfe'\n", "syntax error"),
        (b"# -*- coding: no-such-codec -*-\nimport torch\n", "unknown encoding"),
        (b"import torch\nx = 1\x00\n", "null bytes"),
        (b"import torch\nx = " + b"(" * 5000 + b"1" + b")" * 5000 + b"\n", "too many nested parentheses"),
        (b"import torch\nx = " + b"+".join([b"1"] * 200_000) + b"\n", "too deeply nested"),
        (b"import torch\nx = " + b"[" * 150 + b"]" * 150 + b"\n", None),
        (b"\xef\xbb\xbfimport torch\r\nx = 1\ry = 2\n", None),
        (b"", None),
        (b"import torch\nm = torch.nn.Linear(10**30, 5)\n", None),
    ],
    ids=["bad-utf8", "unknown-codec", "null-byte", "deep-parens", "long-expression", "nested-150", "bom-mixed-eol",
         "empty", "huge-int"],
)
def test_hostile_files_never_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str | None) -> None:
    """Each runs in a subprocess too: libcst's native parser would kill the process on deep nesting."""
    path = tmp_path / "hostile.py"
    path.write_bytes(content)
    result = shapelint("--format", "json", str(path))
    errors = json.loads(result.stdout)["errors"]
    assert result.returncode == (0 if reason is None else 1), result.stderr
    assert [reason in e["message"] for e in errors] == ([] if reason is None else [True])
    assert path.read_bytes() == content


def test_internal_error_is_contained_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.py", "b.py", "c.py"):
        (tmp_path / name).write_text(CLEAN)
    real = runner._lint

    def explode(path: str, data: bytes, task: runner.Task) -> runner.FileReport:
        if path.endswith("b.py"):
            raise ValueError("boom\nsecond line")
        return real(path, data, task)

    monkeypatch.setattr(runner, "_lint", explode)
    status, out, err = run(capsys, "--jobs", "1", "--verbose", str(tmp_path))
    assert status == 2
    assert out == f"{tmp_path / 'b.py'}: error: internal error: ValueError: boom\n"
    assert "Traceback" in err


def test_a_lookup_error_of_the_analysis_is_an_internal_error_not_an_undecodable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ``IndexError`` is a ``LookupError``, as an unknown codec once was: it must not read "cannot decode"."""
    import shapelint.lint

    (tmp_path / "model.py").write_text(CLEAN)

    def out_of_range(*args: object, **kwargs: object) -> object:
        raise IndexError("tuple index out of range")

    monkeypatch.setattr(shapelint.lint, "evaluate", out_of_range)
    status, out, _ = run(capsys, "--jobs", "1", str(tmp_path))
    assert status == 2
    assert out == f"{tmp_path / 'model.py'}: error: internal error: IndexError: tuple index out of range\n"


def test_prefilter_skips_files_without_torch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plain.py").write_text("def f(:\n")
    assert run(capsys, str(tmp_path)) == (0, "", "")


def test_explicit_non_py_file_is_linted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "train"
    script.write_text("import torch\ndef f(:\n")
    (tmp_path / "notes.txt").write_text("import torch\ndef f(:\n")
    assert run(capsys, str(tmp_path))[0] == 0
    assert run(capsys, str(script))[0] == 1


def test_symlink_loop_is_walked_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "broken.py").write_text("import torch\ndef f(:\n")
    (package / "loop").symlink_to(package, target_is_directory=True)
    (package / "dangling.py").symlink_to(tmp_path / "gone.py")
    status, out, _ = run(capsys, "--format", "json", str(tmp_path))
    paths = [e["path"] for e in json.loads(out)["errors"]]
    assert status == 1
    assert paths == [str(package / "broken.py"), str(package / "dangling.py")]


def test_default_and_configured_excludes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for folder in (".venv", "generated", "src"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "broken.py").write_text("import torch\ndef f(:\n")
    (tmp_path / "pyproject.toml").write_text('[tool.shapelint]\nexclude = ["generated/*"]\n')
    status, out, _ = run(capsys, str(tmp_path))
    assert status == 1
    assert out.splitlines() == [f"{tmp_path / 'src' / 'broken.py'}:2: error: syntax error: invalid syntax"]
    assert run(capsys, "--exclude", "src", str(tmp_path))[1].count("broken.py") == 1


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("[tool.shapelint]\nselect = 'SHP001'\n", "must be a list of strings"),
        ("[tool.shapelint]\nselekt = ['SHP001']\n", "unknown key(s) in [tool.shapelint]: selekt"),
        ("[tool.shapelint]\nignore = ['E501']\n", "'E501' matches no shapelint code"),
        ("[tool.shapelint\n", "cannot read"),
        ("[tool]\nshapelint = 3\n", "must be a table"),
    ],
)
def test_malformed_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(table)
    (tmp_path / "sub").mkdir()
    status, out, err = run(capsys, str(tmp_path / "sub"))
    assert (status, out) == (2, "")
    assert message in err
    assert str(tmp_path / "pyproject.toml") in err


def test_pyproject_without_section_is_passed_over(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.shapelint]\nexclude = ["skip.py"]\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (inner / "skip.py").write_text("import torch\ndef f(:\n")
    assert run(capsys, str(inner)) == (0, "", f"shapelint: no Python files to lint in {inner}\n")


def test_sarif_without_findings_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.py").write_text("import torch\ndef f(:\n")
    status, out, _ = run(capsys, "--format", "sarif", str(tmp_path))
    document = validate_sarif(out)
    invocation = document["runs"][0]["invocations"][0]
    assert status == 1
    assert invocation["executionSuccessful"] is True
    assert invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}
    assert [rule["id"] for rule in document["runs"][0]["tool"]["driver"]["rules"]][:2] == ["SHP001", "SHP002"]


def test_version_and_module_entry_point() -> None:
    result = shapelint("--version")
    assert (result.returncode, result.stdout) == (0, "shapelint 0.1.0\n")
