"""How imports resolve: the project's modules and installed packages run from source, everything else by name."""

from __future__ import annotations

from pathlib import Path

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import Evaluation, Project, evaluate
from shapelint.evaluator.values import ClassValue, ModuleRef, ModuleValue
from shapelint.project import ModuleFinder, project_of
from shapelint.project.layout import module_name, package_root


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _evaluate(root: Path, source: str, package: str = "") -> Evaluation:
    return evaluate(cst.parse_module(source), project=Project(package, ModuleFinder([str(root)]).find))


def test_a_package_file_knows_its_name_and_root(tmp_path: Path) -> None:
    _tree(tmp_path, {"src/shop/__init__.py": "", "src/shop/models/__init__.py": "", "src/shop/models/cnn.py": ""})
    cnn = tmp_path / "src/shop/models/cnn.py"
    assert package_root(str(cnn)) == (str(tmp_path / "src"), ["shop", "models"])
    assert module_name(str(cnn)) == ("shop.models.cnn", "shop.models")
    assert module_name(str(tmp_path / "src/shop/__init__.py")) == ("shop", "shop")


def test_relative_and_absolute_imports_bind_the_modules_names(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "pkg/__init__.py": "from .sub.deep import WIDTH\n",
            "pkg/sub/__init__.py": "",
            "pkg/sub/deep.py": "WIDTH = 7\nclass Block:\n    pass\n",
        },
    )
    names = _evaluate(
        tmp_path,
        "from ..sub.deep import Block, WIDTH as W\nimport pkg.sub.deep\nfrom pkg import WIDTH\n",
        package="pkg.sub",
    ).names
    assert isinstance(names["Block"], ClassValue)
    assert names["W"] == 7 and names["WIDTH"] == 7
    top = names["pkg"]
    assert isinstance(top, ModuleValue) and top.name == "pkg"
    sub = top.scope.vars["sub"]
    assert isinstance(sub, ModuleValue) and isinstance(sub.scope.vars["deep"], ModuleValue)


def test_torch_the_standard_library_and_missing_modules_stay_names(tmp_path: Path) -> None:
    _tree(tmp_path, {"torch/__init__.py": "Linear = 1\n", "os.py": "sep = 1\n"})
    names = _evaluate(tmp_path, "import torch.nn as nn\nfrom os import sep\nfrom nowhere import thing\n").names
    assert names["nn"] == ModuleRef("torch.nn")
    assert names["sep"] == ModuleRef("os.sep")
    assert names["thing"] == ModuleRef("nowhere.thing")


def test_a_relative_import_outside_a_package_is_unknown(tmp_path: Path) -> None:
    assert _evaluate(tmp_path, "from .layers import Block\n").names["Block"] is UNKNOWN
    assert _evaluate(tmp_path, "from ...far import x\n", package="pkg").names["x"] is UNKNOWN


def test_a_name_the_module_does_not_bind_is_unknown(tmp_path: Path) -> None:
    _tree(tmp_path, {"helpers.py": "A = 1\n"})
    names = _evaluate(tmp_path, "from helpers import A, B\nimport helpers\nC = helpers.missing\n").names
    assert names["A"] == 1 and names["B"] is UNKNOWN and names["C"] is UNKNOWN


def test_star_import_takes_the_public_names(tmp_path: Path) -> None:
    _tree(tmp_path, {"consts.py": "WIDTH = 3\n_PRIVATE = 4\n"})
    names = _evaluate(tmp_path, "from consts import *\n").names
    assert names["WIDTH"] == 3 and "_PRIVATE" not in names


def test_a_circular_import_sees_the_names_bound_so_far(tmp_path: Path) -> None:
    _tree(tmp_path, {"a.py": "X = 1\nimport b\nZ = b.Y\n", "b.py": "import a\nY = a.X + 1\nW = a.Z\n"})
    names = _evaluate(tmp_path, "import a\nimport b\n").names
    a, b = names["a"], names["b"]
    assert isinstance(a, ModuleValue) and isinstance(b, ModuleValue)
    assert a.scope.vars["Z"] == 2 and b.scope.vars["W"] is UNKNOWN


def test_an_imported_module_that_runs_forever_leaves_its_later_names_unknown(tmp_path: Path) -> None:
    loops = "for i in range(60):\n    for j in range(60):\n        for k in range(60):\n            A = A + 1\n"
    _tree(tmp_path, {"slow.py": f"A = 1\n{loops}B = 2\n"})
    names = _evaluate(tmp_path, "from slow import A, B\nC = 3\n").names
    assert names["B"] is UNKNOWN and names["C"] == 3


def test_an_unparsable_module_is_only_a_name(tmp_path: Path) -> None:
    _tree(tmp_path, {"broken.py": "def (:\n"})
    assert _evaluate(tmp_path, "from broken import A\n").names["A"] == ModuleRef("broken.A")


def test_a_path_that_is_no_file_has_no_project() -> None:
    assert project_of("<string>") == Project()


def test_a_model_of_an_imported_module_takes_no_directive_of_this_file(tmp_path: Path) -> None:
    """Building an imported class in a file with directives once crashed: a directive is looked up in its own file."""
    from shapelint.lint import lint_source

    _tree(
        tmp_path,
        {
            "layers.py": "import torch.nn as nn\nclass Block(nn.Module):\n    def __init__(self, c):\n"
            "        super().__init__()\n        self.conv = nn.Conv2d(c, c, 3)\n"
            "    def forward(self, x):\n        return self.conv(x)\n"
        },
    )
    model = tmp_path / "model.py"
    model.write_text(
        "import torch.nn as nn\nfrom layers import Block\n"
        "seq = nn.Sequential(nn.Linear(4, 8))  # shapelint: input=(B, 4)\nblock = Block(3)\n"
    )
    assert lint_source(model.read_bytes(), str(model)) == []


_SELF_IMPORTING = (
    "import torch\nimport torch.nn as nn\n\n"
    "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
    "        self.fc = nn.Linear(8, 2)\n\n    def forward(self, x):\n        return self.fc(x)\n\n"
    "def check():\n    from alias import Net as Same\n    Same()(torch.randn(2, 4))\n"
)


def test_a_file_that_reaches_its_own_tree_by_another_name_keeps_its_findings() -> None:
    """Trees are shared between a file's lint and the imports of the files after it: an import that finds the
    evaluated file's own tree gets its namespace, so the model it builds is the file's own and is reported."""
    from shapelint.evaluator import ModuleSource
    from shapelint.inputs import InputSources, find_directives
    from shapelint.judge import judge
    from shapelint.source import Positions, parse

    parsed = parse(_SELF_IMPORTING)
    found = {"alias": ModuleSource("alias", "alias.py", parsed.module)}
    evaluation = evaluate(parsed.module, project=Project(find_module=found.get))
    sources = InputSources(find_directives(parsed.text, parsed.tree), Positions(parsed.module, parsed.tree, parsed.text))
    assert [f.diagnostic.code for f in judge(evaluation, sources, "model.py")] == ["SHP001"]


def test_linting_a_file_again_from_its_kept_tree_gives_the_same_findings(tmp_path: Path) -> None:
    from shapelint.lint import lint_source

    model = tmp_path / "model.py"
    model.write_text(_SELF_IMPORTING.replace("from alias import Net as Same\n    Same", "Net"))
    first = lint_source(model.read_bytes(), str(model))
    assert [d.code for d in first] == ["SHP001"] and lint_source(model.read_bytes(), str(model)) == first


def test_a_method_of_an_imported_class_reads_module_names_past_the_class(tmp_path: Path) -> None:
    # Python skips a class's own names when a method looks a name up: ``WIDTH`` is the module's, ``width`` the
    # module's function, in an imported module as in the evaluated one
    _tree(
        tmp_path,
        {
            "blocks.py": "WIDTH = 8\ndef width():\n    return WIDTH\n"
            "class Block:\n    WIDTH = 99\n    def width(self):\n        return width() + WIDTH\n",
        },
    )
    assert _evaluate(tmp_path, "from blocks import Block\nW = Block().width()\n").names["W"] == 16
