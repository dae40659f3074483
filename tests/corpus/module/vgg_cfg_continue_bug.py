"""torchvision-style VGG features built from a config list, with the pooling entries handled by `continue` instead of an else branch; the classifier counts one pooling too few."""
import torch
import torch.nn as nn

CFG = [16, "M", 32, "M", 64, "M"]


def make_layers(cfg, batch_norm=True):
    layers = []
    in_channels = 3
    for v in cfg:
        if v == "M":
            layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
            continue
        layers.append(nn.Conv2d(in_channels, v, kernel_size=3, padding=1))
        if batch_norm:
            layers.append(nn.BatchNorm2d(v))
        layers.append(nn.ReLU(inplace=True))
        in_channels = v
    return nn.Sequential(*layers)


class VGG(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = make_layers(CFG)
        self.classifier = nn.Sequential(nn.Linear(64 * 8 * 8, 128), nn.ReLU(True), nn.Linear(128, num_classes))  # expect: SHP001

    def forward(self, x):
        x = self.features(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)


def check() -> None:
    with torch.no_grad():
        VGG()(torch.randn(2, 3, 32, 32))


if __name__ == "__main__":
    VGG()(torch.randn(2, 3, 32, 32))
