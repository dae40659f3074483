"""Where models get their input shapes: directives, annotations, ``input_shape=``, example calls.

``resolve_input(model, sources)`` tries every source in one documented
order (see :mod:`shapelint.inputs.resolve`); the lint, the summary and the
checks all ask it.  A new source plugs in there.
"""

from shapelint.inputs.directives import Directive, find_directives, parse_directive
from shapelint.inputs.resolve import InputSources, resolve_input, resolve_inputs

__all__ = ["Directive", "InputSources", "find_directives", "parse_directive", "resolve_input", "resolve_inputs"]
