"""Half of a circular import: heads need the trunk's width, the trunk module imports the heads."""

import torch.nn as nn

import trunk


def head(classes):
    return nn.Linear(trunk.WIDTH, classes)
