"""Conv blocks appended in a range() loop with a running channel count."""
import torch
import torch.nn as nn

layers = []
in_ch = 3
for i in range(3):
    out_ch = 16 * 2 ** i
    layers.append(nn.Conv2d(in_ch, out_ch, 3, padding=1))
    layers.append(nn.BatchNorm2d(out_ch))
    layers.append(nn.ReLU())
    layers.append(nn.MaxPool2d(2))
    in_ch = out_ch
layers += [nn.Flatten(), nn.Linear(in_ch * 4 * 4, 10)]
features = nn.Sequential(*layers)  # shapelint: input=(B, 3, 32, 32)


def check() -> None:
    features.eval()
    with torch.no_grad():
        features(torch.randn(2, 3, 32, 32))
