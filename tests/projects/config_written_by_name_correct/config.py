"""Defaults the scripts overwrite from a JSON string, name by name."""

IN_DIM = 32
HIDDEN = 32
