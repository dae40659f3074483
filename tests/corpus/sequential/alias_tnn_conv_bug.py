"""torch.nn imported under an unusual alias; the second conv expects too many channels."""
import torch
import torch.nn as tnn

encoder = tnn.Sequential(  # shapelint: input=(N, 3, 64, 64)
    tnn.Conv2d(3, 32, kernel_size=3, stride=2, padding=1),
    tnn.LeakyReLU(0.2),
    tnn.Conv2d(64, 64, kernel_size=3, stride=2, padding=1),  # expect: SHP002
    tnn.LeakyReLU(0.2),
)


def check() -> None:
    with torch.no_grad():
        encoder(torch.randn(2, 3, 64, 64))
