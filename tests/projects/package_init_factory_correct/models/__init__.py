"""The zoo's package: a factory next to the re-export, as many repositories write ``models/__init__.py``."""

from .lenet import LeNet


def get_model(name, num_classes=10):
    if name == "lenet":
        return LeNet(num_classes)
    raise ValueError(name)
