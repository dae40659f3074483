"""``hasattr(self, "shortcut")`` on an attribute that ``__init__`` sets only on some configurations.

Python answers ``False`` once the constructor has run without setting it. The evaluator answers the
same only when nothing it did not follow could have set it: the user classes set ``self.<name>`` in their
``__init__`` and nowhere else, and never write ``self.__dict__`` or ``vars(self)`` wholesale.
"""

from __future__ import annotations

import functools

import libcst as cst
import libcst.matchers as match

from shapelint.evaluator.values import ClassValue

_WHOLESALE = match.Attribute(attr=match.Name("__dict__")) | match.Call(func=match.Name("vars"))


def absent_means_false(cls: ClassValue, name: str) -> bool:
    """Whether an attribute missing from a constructed instance of ``cls`` is surely missing."""
    owners = list(_user_classes(cls))
    setters = [setter for owner in owners for setter in _setters(owner.node, name)]
    return (
        bool(setters)
        and all(setter == "__init__" for setter in setters)
        and not any(_writes_wholesale(owner.node) for owner in owners)
    )


def _user_classes(cls: ClassValue) -> list[ClassValue]:
    found = [cls]
    for base in cls.bases:
        if isinstance(base, ClassValue):
            found.extend(_user_classes(base))
    return found


@functools.lru_cache(maxsize=4096)
def _setters(node: cst.ClassDef, name: str) -> tuple[str, ...]:
    """The methods of the class body that assign ``self.<name>`` (``setattr`` with that name included)."""
    stored = match.Attribute(value=match.Name("self"), attr=match.Name(name))
    set_by_call = match.Call(
        func=match.Name("setattr"),
        args=[match.Arg(match.Name("self")), match.Arg(match.SimpleString()), match.ZeroOrMore()],
    )
    methods = [s for s in node.body.body if isinstance(s, cst.FunctionDef)]
    setters = []
    for method in methods:
        targets = [t.target for a in match.findall(method, match.Assign()) for t in a.targets]  # type: ignore[attr-defined]
        targets += [a.target for a in match.findall(method, match.AnnAssign() | match.AugAssign())]  # type: ignore[attr-defined]
        stores = any(match.matches(t, stored) for t in targets)
        calls = [c for c in match.findall(method, set_by_call) if _names(c, name)]  # type: ignore[arg-type]
        if stores or calls:
            setters.append(method.name.value)
    return tuple(setters)


def _names(call: cst.Call, name: str) -> bool:
    string = call.args[1].value
    return isinstance(string, cst.SimpleString) and string.evaluated_value == name


@functools.lru_cache(maxsize=1024)
def _writes_wholesale(node: cst.ClassDef) -> bool:
    return bool(match.findall(node, _WHOLESALE))
