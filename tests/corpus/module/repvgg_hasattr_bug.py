"""A RepVGG-style block: `forward` looks for the fused branch with `hasattr(self, "rbr_reparam")`, which only
`switch_to_deploy()` (or `deploy=True`) creates; the training-time branches run until then. The classifier is
sized for 32 channels where the last stage gives 16."""
import torch
import torch.nn as nn


class RepBlock(nn.Module):
    def __init__(self, cin, cout, stride=1, deploy=False):
        super().__init__()
        if deploy:
            self.rbr_reparam = nn.Conv2d(cin, cout, 3, stride, padding=1)
        else:
            self.rbr_identity = nn.BatchNorm2d(cin) if cout == cin and stride == 1 else None
            self.rbr_dense = nn.Conv2d(cin, cout, 3, stride, padding=1)

    def forward(self, x):
        if hasattr(self, "rbr_reparam"):
            return torch.relu(self.rbr_reparam(x))
        identity = 0 if self.rbr_identity is None else self.rbr_identity(x)
        return torch.relu(self.rbr_dense(x) + identity)

    def switch_to_deploy(self):
        if hasattr(self, "rbr_reparam"):
            return
        dense = self.rbr_dense
        self.rbr_reparam = nn.Conv2d(dense.in_channels, dense.out_channels, 3, dense.stride, padding=1)
        del self.rbr_dense, self.rbr_identity


class RepNet(nn.Module):
    def __init__(self, deploy=False):
        super().__init__()
        self.stages = nn.Sequential(RepBlock(3, 8, deploy=deploy), RepBlock(8, 16, 2, deploy), RepBlock(16, 16))
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, 10)  # expect: SHP001

    def forward(self, x):
        return self.fc(self.gap(self.stages(x)).flatten(1))


if __name__ == "__main__":
    RepNet()(torch.randn(4, 3, 32, 32))


def check() -> None:
    RepNet()(torch.randn(4, 3, 32, 32))
