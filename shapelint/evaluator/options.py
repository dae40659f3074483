"""Command-line options at their defaults: what ``parser.parse_args()`` gives a script run without arguments, and
absl's ``FLAGS`` after its ``flags.DEFINE_*`` calls; and the namespaces configs are written as,
``types.SimpleNamespace(in_dim=8)`` and ``argparse.Namespace(**defaults)``.

A script sized by its options (``nn.Linear(opt.latent_dim, 128)``, ``DataLoader(..., batch_size=args.batch_size)``)
is checked in the configuration a plain run builds.  A required option, a default that is not known, a parser or
namespace handed to code the evaluator does not follow, or ``parse_args`` given a list, leave the options unknown.
"""

from __future__ import annotations

from shapelint.dims import UNKNOWN
from shapelint.evaluator import operators
from shapelint.evaluator.values import DictValue, ListValue, OptionParser, Options

PARSERS = frozenset({"argparse.ArgumentParser"})
ABSL_FLAGS = "absl.flags.FLAGS"
"""absl's global flag values: ``FLAGS.batch_size`` is what ``flags.DEFINE_integer("batch_size", 128, ...)`` gave."""
_ABSL_DEFINE = "absl.flags.DEFINE_"
NAMESPACES = frozenset({"types.SimpleNamespace", "argparse.Namespace"})
_FLAGS = {"store_true": False, "store_false": True}
_CONVERTERS = {"int": int, "float": float, "str": str}


def method(parser: OptionParser, name: str, args: list[object], kwargs: dict[str, object]) -> object:
    """A parser method: options are declared, grouped, given defaults, and parsed."""
    if name in ("add_argument_group", "add_mutually_exclusive_group"):
        return parser
    if parser.defaults is None:
        return UNKNOWN
    if name == "add_argument":
        _declare(parser.defaults, args, kwargs)
        return None
    if name == "set_defaults" and not args:
        parser.defaults.update(kwargs)
        return None
    if name in ("parse_args", "parse_known_args") and _no_arguments(args, kwargs):
        options = _holding(parser.defaults)
        return options if name == "parse_args" else (options, ListValue([]))
    parser.defaults = None
    return UNKNOWN


def _no_arguments(args: list[object], kwargs: dict[str, object]) -> bool:
    """``parse_args()``, ``parse_args([])`` or ``parse_args(args=None)``: the defaults, as a run without arguments."""
    given = args[0] if args else kwargs.get("args")
    plain = len(args) <= 1 and set(kwargs) <= {"args"}  # ``namespace=`` prefills options, which win over defaults
    return plain and (given is None or (isinstance(given, ListValue) and given.items == []))


def namespace(args: list[object], kwargs: dict[str, object]) -> object:
    """``SimpleNamespace(in_dim=8, width=16)``: an object whose attributes are its keywords.  A positional mapping
    (``SimpleNamespace(d)``, new in Python 3.13) is left unknown."""
    return UNKNOWN if args else _holding(kwargs)


def _holding(values: dict[str, object]) -> Options:
    """A namespace of its own holding a copy of ``values``."""
    return Options(DictValue(dict[object, object](values.items())))


def attribute(options: Options, name: str) -> object:
    return UNKNOWN if options.values is None else options.values.get(name, UNKNOWN)


def _declare(defaults: dict[str, object], args: list[object], kwargs: dict[str, object]) -> None:
    names = [arg for arg in args if isinstance(arg, str)]
    if len(names) != len(args) or not names:
        defaults.clear()
        return
    long = [n for n in names if n.startswith("--")]
    written = long[0][2:] if long else names[0].lstrip("-")
    dest = kwargs.get("dest", written.replace("-", "_"))
    if not isinstance(dest, str):
        return
    required = not names[0].startswith("-") or kwargs.get("required") is True
    defaults[dest] = UNKNOWN if required else _default(kwargs)


def _default(kwargs: dict[str, object]) -> object:
    action = kwargs.get("action", "store")
    if isinstance(action, str) and action in _FLAGS:
        return kwargs.get("default", _FLAGS[action])
    if action != "store" or "nargs" in kwargs:
        return UNKNOWN
    value = kwargs.get("default")
    convert = kwargs.get("type")
    if isinstance(value, str) and isinstance(convert, operators.Builtin) and convert.name in _CONVERTERS:
        try:
            return _CONVERTERS[convert.name](value)
        except ValueError:
            return UNKNOWN
    return value if operators.is_plain(value) or value is None else UNKNOWN


def is_flag_definition(qualname: str) -> bool:
    return qualname.startswith(_ABSL_DEFINE)


def define_flag(flags: Options, args: list[object], kwargs: dict[str, object], uncertain: bool) -> None:
    """``flags.DEFINE_integer("batch_size", 128, "help")`` (and ``DEFINE_float``/``string``/``bool``/``enum``/
    ``list``...): the flag at its default, unknown where the definition may not run or its name is not known."""
    name = args[0] if args else kwargs.get("name")
    if flags.values is None:
        return
    if not isinstance(name, str):
        flags.values = None
        return
    default = args[1] if len(args) > 1 else kwargs.get("default", UNKNOWN)
    flags.values[name] = UNKNOWN if uncertain else default
