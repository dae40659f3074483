"""The head was sized before an Upsample(size=...) layer was added."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 4, 5, 5)
    nn.Upsample(size=(8, 8), mode="bilinear", align_corners=False),
    nn.Conv2d(4, 4, 3, padding=1),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(4 * 5 * 5, 3),  # expect: SHP001
)


def check() -> None:
    with torch.no_grad():
        model(torch.randn(2, 4, 5, 5))
