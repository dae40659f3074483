"""Imports: a module of the project or of an installed package runs from its source, once per evaluation.

The project finds the source (:data:`~shapelint.evaluator.machine.FindModule`);
nothing is imported.  A module found nowhere, or one the evaluator knows by
name (torch, torchvision's datasets), stays a :class:`ModuleRef`.  A circular
import sees the names bound so far, as Python does; what an imported module
had not bound when its budget ran out is unknown.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from shapelint.dims import UNKNOWN
from shapelint.evaluator import classes, names, operators
from shapelint.evaluator.assignment import assign
from shapelint.evaluator.control import LoopExit, OutOfBudget, Raise, Return
from shapelint.evaluator.machine import IMPORT_STEPS, MAX_IMPORTS, Machine, ModuleSource
from shapelint.evaluator.values import ModuleRef, ModuleValue, Scope
from shapelint.source import absolute_module


def exec_import(m: Machine, node: cst.Import | cst.ImportFrom, scope: Scope) -> None:
    if isinstance(node, cst.Import):
        for alias in node.names:
            dotted = classes.dotted(alias.name)
            if alias.asname is not None:
                assign(m, alias.asname.name, _module(m, dotted), scope)
            else:
                scope.vars[dotted.split(".")[0]] = _top_of(m, dotted)
        return
    module = _absolute(node, scope)
    if isinstance(node.names, cst.ImportStar):
        _import_star(m, module, scope)
        return
    loaded = load(m, module) if module is not None and not _left_to_its_file(m, module) else None
    for alias in node.names:
        name = classes.dotted(alias.name)
        bound = alias.asname.name if alias.asname is not None else alias.name
        assign(m, bound, _from(m, module, loaded, name), scope)


def _left_to_its_file(m: Machine, module: str) -> bool:
    """Whether ``module`` is one not run yet, imported on a path that may not run (``if args.net == 'vgg16': from
    models.vgg import vgg16_bn``): it is not run, and its names are known by name only, as those of a module found
    nowhere are (``PIL.Image.open`` still opens an image; ``models.vgg.vgg16_bn()`` is unknown).  What that path
    builds is another file's model, checked when that file is linted; running a whole zoo for every file its
    factory imports cost more than all the rest."""
    return m.binder.depth > 0 and module not in m.modules and module not in m.own_names and names.followed(module)


def member(m: Machine, module: ModuleValue, name: str) -> object:
    """``module.name``: a name the module bound, else its submodule of that name.  An installed package whose
    ``__init__`` has not run gives its submodule without running it (``torchvision.models``), and runs it for any
    other name."""
    if name in module.scope.vars:
        return module.scope.vars[name]
    if id(module) in m.pending:
        submodule = load(m, f"{module.name}.{name}")
        if submodule is not None:
            return submodule
        ready(m, module)
        if name in module.scope.vars:
            return module.scope.vars[name]
    return _module(m, f"{module.name}.{name}", UNKNOWN)


def ready(m: Machine, module: ModuleValue) -> None:
    """Run an installed package's ``__init__`` that has not run yet, if the budget allows."""
    source = m.pending.pop(id(module), None)
    if source is not None and m.imported[True] < MAX_IMPORTS:
        _run_source(m, source, module.scope)


def load(m: Machine, name: str, imported: bool = True) -> ModuleValue | None:
    """The module ``name`` run from its source, or ``None`` where it is not followed or not found.

    One not ``imported`` (a ``conftest.py`` pytest loads) has its functions run standalone, as a script's are.
    An installed package's ``__init__`` runs only once a name it binds is asked for: ``import torchvision`` would
    otherwise run all of torchvision's modules before the project's."""
    if name in m.modules:
        return m.modules[name]
    if not names.followed(name):
        return None
    parent_name, _, last = name.rpartition(".")
    parent = load(m, parent_name) if parent_name else None
    own = name in m.own_names
    source = None if own else m.find_module(name)
    if m.own is not None and (own or (source is not None and source.module is m.own[0])):
        module = _own_module(m, name, m.own)
    elif source is None or m.imported[source.installed] >= MAX_IMPORTS:
        m.modules[name] = None
        return None
    else:
        module = _fresh_module(m, name, name if source.package else parent_name)
        m.modules[name] = module
        if source.installed and source.package:
            m.pending[id(module)] = source
        else:
            _run_source(m, source, module.scope, imported)
    if parent is not None:
        parent.scope.vars.setdefault(last, module)
    return module


def _run_source(m: Machine, source: ModuleSource, scope: Scope, imported: bool = True) -> None:
    m.imported[source.installed] += 1
    m.loaded.append(source)
    _run_body(m, source.module, scope, imported)


def _fresh_module(m: Machine, name: str, package: object) -> ModuleValue:
    module = ModuleValue(name, Scope(builtins=operators.BUILTINS))
    m.module_names[id(module.scope)] = name
    module.scope.vars["__name__"] = name
    module.scope.vars["__package__"] = package
    return module


def bind_own(m: Machine, names: Sequence[str], own: Scope, tree: cst.Module) -> None:
    """Make the evaluated file's namespace the module its project knows it as (under ``names``), before its body
    runs: an import of its own package that comes back to it (``from models import BaseVAE`` in
    ``models/vanilla_vae.py``) reaches the names it has bound so far, as Python's import would, not a second copy."""
    module = ModuleValue(names[0] if names else "__main__", own)
    m.own = (tree, module)
    for name in names:
        m.modules.setdefault(name, module)


def reload_for_importers(m: Machine, names: Sequence[str]) -> None:
    """Before the importers run, forget the modules the evaluated file's own run loaded, the file itself included:
    an importer's imports run them again, in its order, as Python would.  A script that sets a config module's
    name (``config.HIDDEN = 32``, ``CFG["hidden"] = 32``) before it imports the model builds the model with that
    value; a package ``__init__`` that re-exports the file, which ran while the file was half done, sees all of
    its names."""
    m.modules, m.imported, m.pending = {}, {False: 0, True: 0}, {}
    m.own_names = frozenset(names)
    m.own_runs_again = True


def _own_module(m: Machine, name: str, own: tuple[cst.Module, ModuleValue]) -> ModuleValue:
    """The evaluated file imported under ``name``: its own namespace while its own run goes on (a circular import,
    or a name its project did not give it); once the importers run, a copy of it run afresh, each of its names
    bound to that copy.  Its nodes stay the file's own, so what the copy's models reject is the file's finding."""
    if not m.own_runs_again:
        m.modules[name] = own[1]
        return own[1]
    module = _fresh_module(m, name, own[1].scope.vars.get("__package__", ""))
    m.modules.update(dict.fromkeys({name, *m.own_names}, module))
    _run_body(m, own[0], module.scope)
    return module


def run_importer(m: Machine, source: ModuleSource) -> None:
    """Run, as a script, a file of the project that imports the evaluated one: its code builds and feeds the
    evaluated file's models.  Its functions are run standalone afterwards, as the file's own are."""
    m.loaded.append(source)
    scope = Scope(builtins=operators.BUILTINS)
    scope.vars["__name__"] = "__main__"
    scope.vars["__package__"] = source.name.rpartition(".")[0] if not source.package else source.name
    m.module_names[id(scope)] = source.name
    _run_body(m, source.module, scope, imported=False)


def _run_body(m: Machine, body: cst.Module, scope: Scope, imported: bool = True) -> None:
    """Run a module's statements on a budget of their own, apart from the code that imported it."""
    outer_limit, statement, frames, depth = m.limit, m.statement, m.frames, m.binder.depth
    m.limit, m.frames, m.binder.depth = min(outer_limit, m.steps + IMPORT_STEPS), [], 0
    m.importing += imported
    try:
        m.exec_block(body.body, scope)
    except OutOfBudget:
        if m.steps > outer_limit:
            raise
    except (Return, LoopExit, Raise):
        pass
    finally:
        m.importing -= imported
        m.limit, m.statement, m.frames, m.binder.depth = outer_limit, statement, frames, depth


def _module(m: Machine, dotted: str, missing: object = None) -> object:
    """The module ``dotted`` as a value: run from source, else a reference by name (``missing`` if followed)."""
    loaded = load(m, dotted)
    if loaded is not None:
        return loaded
    if missing is not None and names.followed(dotted):
        return missing
    return operators.module_member(dotted)


def _top_of(m: Machine, dotted: str) -> object:
    """What ``import a.b.c`` binds to ``a``, with ``a.b`` and ``a.b.c`` loaded as its attributes."""
    top = dotted.split(".", maxsplit=1)[0]
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        load(m, ".".join(parts[:end]))
    loaded = m.modules.get(top)
    return loaded if loaded is not None else ModuleRef(top)


def _absolute(node: cst.ImportFrom, scope: Scope) -> str | None:
    """The dotted name a ``from`` import names; ``None`` for a relative one outside any known package."""
    written = classes.dotted(node.module) if node.module is not None else ""
    package = scope.lookup("__package__")
    return absolute_module(len(node.relative), written, package if isinstance(package, str) else "")


def _from(m: Machine, module: str | None, loaded: ModuleValue | None, name: str) -> object:
    if loaded is not None:
        return member(m, loaded, name)
    return UNKNOWN if module is None else operators.module_member(f"{module}.{name}")


def _import_star(m: Machine, module: str | None, scope: Scope) -> None:
    loaded = load(m, module) if module is not None else None
    if loaded is not None:
        ready(m, loaded)
        scope.vars.update(_exported(loaded.scope.vars))
        return
    for name, qualname in names.star_names(module or "").items():
        scope.vars[name] = ModuleRef(qualname)


def _exported(names: dict[str, object]) -> dict[str, object]:
    """What ``from module import *`` binds: the names of ``__all__``, else every public name.  An ``__all__`` that
    is not known may leave any public name out, so each binds to unknown (the importer's own may have stayed)."""
    public = {key: value for key, value in names.items() if not key.startswith("_")}
    if "__all__" not in names:
        return public
    listed = operators.iterate(names["__all__"])
    if listed is None or not all(isinstance(name, str) for name in listed):
        return dict.fromkeys(public, UNKNOWN)
    return {name: names[name] for name in listed if isinstance(name, str) and name in names}
