"""Images arrive NHWC from a data pipeline and are permuted to NCHW before the convolutions."""
import torch
import torch.nn as nn


class Net(nn.Module):  # shapelint: input=(B, 24, 24, 3)
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 12, kernel_size=3, stride=2, padding=1, padding_mode="reflect")
        self.bn = nn.BatchNorm2d(12)
        self.fc = nn.Linear(12, 4)

    def forward(self, x):
        x = x.permute(0, 3, 1, 2).contiguous()
        x = torch.relu(self.bn(self.conv(x)))
        x = nn.functional.adaptive_avg_pool2d(x, (1, 1)).squeeze(-1).squeeze(-1)
        return self.fc(x)


def check() -> None:
    with torch.no_grad():
        Net().eval()(torch.randn(2, 24, 24, 3))
