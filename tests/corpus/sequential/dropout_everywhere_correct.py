"""Every dropout flavour between layers; none of them changes the shape."""
import torch
import torch.nn as nn

model = nn.Sequential(  # shapelint: input=(B, 3, 16, 16)
    nn.Dropout2d(0.1),
    nn.Conv2d(3, 8, 3, padding=1),
    nn.Dropout2d(p=0.2),
    nn.ReLU(),
    nn.Flatten(),
    nn.Dropout(),
    nn.Linear(8 * 16 * 16, 32),
    nn.AlphaDropout(0.1),
    nn.SELU(),
    nn.FeatureAlphaDropout(0.1),
    nn.Linear(32, 2),
    nn.Dropout(0.5, inplace=False),
)


def check() -> None:
    with torch.no_grad():
        model.eval()(torch.randn(2, 3, 16, 16))
        model.train()(torch.randn(2, 3, 16, 16))
