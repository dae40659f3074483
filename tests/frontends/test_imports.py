"""Startup stays cheap: the package and ``--version`` never import numpy or torch, and ``--version`` not libcst."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_import_shapelint_is_lazy() -> None:
    loaded = _modules_after("import shapelint")
    assert not loaded & {"numpy", "torch", "libcst"}


def test_version_imports_no_heavy_module() -> None:
    code = "from shapelint.frontends.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass"
    loaded = _modules_after(code)
    assert not loaded & {"numpy", "torch", "libcst"}


def test_linting_never_imports_numpy_or_torch(tmp_path) -> None:
    from tests.frontends.helpers import BUGGY

    (tmp_path / "model.py").write_text(BUGGY)
    loaded = _modules_after(f"from shapelint.frontends.cli import main\nmain(['--jobs', '1', {str(tmp_path)!r}])")
    assert "libcst" in loaded
    assert not loaded & {"numpy", "torch"}


def test_lazy_public_api() -> None:
    import shapelint
    from shapelint.fix import fix_source
    from shapelint.lint import lint_source

    assert (shapelint.lint_source, shapelint.fix_source) == (lint_source, fix_source)
