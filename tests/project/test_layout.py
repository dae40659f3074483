"""Where a file sits in its project, and which of the project's files import it."""

from __future__ import annotations

from pathlib import Path

import pytest

from shapelint.project import ModuleFinder, finder, project_of
from shapelint.project.importers import importers, users
from shapelint.project.layout import names_in, namespace_package, project_root, search_roots


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_project_root_is_marked_by_packaging_or_git(tmp_path: Path) -> None:
    _tree(tmp_path, {"pyproject.toml": "", "models/resnet.py": "", "src/pkg/__init__.py": "", "src/pkg/m.py": ""})
    assert project_root(str(tmp_path / "models/resnet.py")) == str(tmp_path)
    assert project_root(str(tmp_path / "src/pkg/m.py")) == str(tmp_path)


def test_a_file_is_known_by_its_path_from_each_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, {"setup.py": "", "models/resnet.py": "", "models/__init__.py": "", "my-scripts/x.py": ""})
    monkeypatch.chdir(tmp_path)
    path = str(tmp_path / "models/resnet.py")
    assert set(names_in(path, search_roots(path))) == {"models.resnet", "resnet"}
    script = str(tmp_path / "my-scripts/x.py")
    assert names_in(script, search_roots(script)) == ("x",)


def test_importers_are_the_files_that_name_the_module(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            ".git/HEAD": "",
            "pkg/__init__.py": "from .model import Net\n",
            "pkg/model.py": "class Net:\n    pass\n",
            "train.py": "from pkg.model import Net\nif __name__ == '__main__':\n    pass\n",
            "test_model.py": "import pkg.model as m\n",
            "eval.py": "from pkg import (\n    model,\n)\n",
            "other.py": "import pkg.modelling\n",
        },
    )
    model = str(tmp_path / "pkg/model.py")
    found = importers(str(tmp_path), ("pkg.model",), model)
    names = [Path(path).name for path, _ in found]
    assert set(names) == {"train.py", "test_model.py", "eval.py", "__init__.py"}
    # a package __init__ is never run as an importer: the files that import the package are
    assert [Path(path).name for path in users([path for path, _ in found], model)] == ["train.py"]


def test_only_importers_whose_code_names_the_file_are_run_and_builders_come_first(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            ".git/HEAD": "",
            "models/__init__.py": "from .a import *\nfrom .b import *\n",
            "models/a.py": "class NetA:\n    pass\n",
            "models/b.py": "class NetB:\n    pass\n\ndef net_b():\n    return NetB()\n",
            "main.py": "from models import *\n# net = NetA()\nnet = net_b()\n",
            "variant.py": "from models.b import NetB\nclass Wide(NetB):\n    pass\n",
        },
    )
    project = project_of(str(tmp_path / "models/a.py"))
    assert project is not None and project.importers() == []
    project = project_of(str(tmp_path / "models/b.py"))
    assert project is not None and [Path(s.path).name for s in project.importers()] == ["main.py", "variant.py"]


def test_a_name_the_importer_defines_itself_is_not_a_use(tmp_path: Path) -> None:
    """pytorch-cifar: every model file defines ``test()``, and so does main.py, which builds only one model."""
    _tree(
        tmp_path,
        {
            ".git/HEAD": "",
            "models/__init__.py": "from .a import *\nfrom .b import *\n",
            "models/a.py": "class NetA:\n    pass\n\ndef test():\n    NetA()\n",
            "models/b.py": "class NetB:\n    pass\n\ndef test():\n    NetB()\n",
            "main.py": "from models import *\n\ndef test(epoch):\n    pass\n\nnet = NetB()\ntest(1)\n",
        },
    )
    assert project_of(str(tmp_path / "models/a.py")).importers() == []
    assert [Path(s.path).name for s in project_of(str(tmp_path / "models/b.py")).importers()] == ["main.py"]


def test_installed_packages_are_followed_only_when_they_require_torch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library of layers depends on torch; yaml's or fsspec's code builds no model and is not run."""
    site = tmp_path / "site"
    _tree(
        site,
        {
            "layerlib/__init__.py": "import torch\n",
            "layerlib-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: layerlib\nVersion: 1.0\n"
            "Requires-Dist: torch>=2.0\nRequires-Dist: numpy\n",
            "layerlib-1.0.dist-info/top_level.txt": "layerlib\n",
            "configlib/__init__.py": "",
            "configlib-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: configlib\nVersion: 1.0\n"
            "Requires-Dist: torchmetrics\n",
            "configlib-1.0.dist-info/top_level.txt": "configlib\n",
        },
    )
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(finder, "_environment", lambda: (str(site),))
    finder._torch_libraries.cache_clear()
    try:
        found = ModuleFinder([str(tmp_path / "project")])
        assert found.locate("layerlib") == (str(site / "layerlib/__init__.py"), True, True)
        assert found.locate("configlib") is None
    finally:
        finder._torch_libraries.cache_clear()


def test_a_directory_without_init_is_a_namespace_package_from_the_project_root(tmp_path: Path) -> None:
    _tree(tmp_path, {"setup.py": "", "model/generator.py": "", "my-tools/x.py": "", "top.py": ""})
    assert namespace_package(str(tmp_path / "model/generator.py"), str(tmp_path)) == "model"
    assert namespace_package(str(tmp_path / "my-tools/x.py"), str(tmp_path)) == ""
    assert namespace_package(str(tmp_path / "top.py"), str(tmp_path)) == ""


@pytest.mark.parametrize(
    ("line", "folder"),
    [
        ('sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))', "lib"),
        ('sys.path.append(str(Path(__file__).resolve().parent.parent / "lib"))', "lib"),
        ("sys.path.append(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))", ""),
        ("sys.path.append('..')", ""),
        ("sys.path.insert(0, '../lib')", "lib"),
        ("sys.path.append(os.path.join(os.getcwd(), 'lib'))", None),
        ("sys.path.append(os.environ['LIB'])", None),
        ("sys.path.append('../missing')", None),
    ],
)
def test_a_script_adds_folders_to_sys_path_built_from_its_own_path(
    tmp_path: Path, line: str, folder: str | None
) -> None:
    """What the line adds as Python would when the script runs from its own folder; what shapelint cannot know
    (the working directory, the environment, a folder that does not exist) is left out."""
    _tree(tmp_path, {"lib/pkg/__init__.py": "", "scripts/run.py": f"import os, sys\n{line}\nimport pkg\n"})
    script = tmp_path / "scripts/run.py"
    roots = search_roots(str(script))
    expected = str(tmp_path / folder) if folder else str(tmp_path)
    if folder is None:
        assert str(tmp_path / "lib") not in roots
    else:
        assert roots[-1] == expected
