"""The base class every model of the package derives from, as PyTorch-VAE's ``BaseVAE``."""

import torch.nn as nn

__all__ = ["BaseModel"]


class BaseModel(nn.Module):
    def encode(self, x):
        raise NotImplementedError
