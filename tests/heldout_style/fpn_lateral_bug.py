"""Feature pyramid whose shared head expects the finest backbone width instead of the pyramid width."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Backbone(nn.Module):
    def __init__(self, widths=(16, 32, 64)):
        super().__init__()
        self.stages = nn.ModuleList()
        cin = 3
        for w in widths:
            self.stages.append(nn.Sequential(nn.Conv2d(cin, w, 3, stride=2, padding=1), nn.BatchNorm2d(w), nn.ReLU()))
            cin = w

    def forward(self, x):
        feats = []
        for stage in self.stages:
            x = stage(x)
            feats.append(x)
        return feats


class FPN(nn.Module):  # shapelint: input=(B, 3, 64, 64)
    def __init__(self, in_channels_list=(16, 32, 64), out_channels=24):
        super().__init__()
        self.body = Backbone(in_channels_list)
        self.inner_blocks = nn.ModuleList([nn.Conv2d(c, out_channels, 1) for c in in_channels_list])
        self.layer_blocks = nn.ModuleList([nn.Conv2d(out_channels, out_channels, 3, padding=1) for _ in in_channels_list])
        self.head = nn.Conv2d(in_channels_list[0], 1, 1)  # expect: SHP002

    def forward(self, x):
        c3, c4, c5 = self.body(x)
        p5 = self.inner_blocks[2](c5)
        p4 = self.inner_blocks[1](c4) + F.interpolate(p5, size=c4.shape[-2:], mode="nearest")
        p3 = self.inner_blocks[0](c3) + F.interpolate(p4, size=c3.shape[-2:], mode="nearest")
        outs = [self.layer_blocks[i](p) for i, p in enumerate([p3, p4, p5])]
        return [self.head(o) for o in outs]


def check() -> None:
    FPN()(torch.randn(2, 3, 64, 64))
