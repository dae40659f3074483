import torch.nn as nn

__all__ = ["helper"]


def helper():
    return 0


class Net(nn.Linear):
    def __init__(self):
        super().__init__(32, 1)
