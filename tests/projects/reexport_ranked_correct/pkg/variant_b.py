"""A variant that only derives from the model; it builds and feeds nothing."""

from .net import Net


class VariantB(Net):
    pass
