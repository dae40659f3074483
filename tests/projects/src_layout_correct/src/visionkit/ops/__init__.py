from .down import Downsample

__all__ = ["Downsample"]
