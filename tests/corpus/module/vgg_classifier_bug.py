"""torchvision-style VGG whose classifier keeps the 7x7 of the original avgpool."""
import torch
import torch.nn as nn

CFG = [16, "M", 32, "M", 64, 64, "M"]


def make_layers(cfg, batch_norm=False):
    layers = []
    in_channels = 3
    for v in cfg:
        if v == "M":
            layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
        else:
            conv2d = nn.Conv2d(in_channels, v, kernel_size=3, padding=1)
            if batch_norm:
                layers += [conv2d, nn.BatchNorm2d(v), nn.ReLU(inplace=True)]
            else:
                layers += [conv2d, nn.ReLU(inplace=True)]
            in_channels = v
    return nn.Sequential(*layers)


class VGG(nn.Module):  # shapelint: input=(B, 3, 32, 32)
    def __init__(self, cfg=CFG, batch_norm=True, num_classes=10):
        super().__init__()
        self.features = make_layers(cfg, batch_norm=batch_norm)
        self.avgpool = nn.AdaptiveAvgPool2d((2, 2))
        self.classifier = nn.Sequential(
            nn.Linear(64 * 7 * 7, 128),  # expect: SHP001
            nn.ReLU(True),
            nn.Dropout(),
            nn.Linear(128, num_classes),
        )

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)


def check() -> None:
    with torch.no_grad():
        VGG().eval()(torch.randn(2, 3, 32, 32))
