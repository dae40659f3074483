"""This folder's script: ``from model import Net`` means the model.py beside it, never the other folder's."""

import torch
from model import Net

if __name__ == "__main__":
    print(Net()(torch.randn(8, 1, 28, 28)).shape)
