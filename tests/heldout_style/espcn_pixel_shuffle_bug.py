"""ESPCN whose refine conv expects channels * upscale though PixelShuffle gives back plain channels."""
import torch
import torch.nn as nn


class ESPCN(nn.Module):
    def __init__(self, upscale_factor, num_channels=1):
        super(ESPCN, self).__init__()
        self.first_part = nn.Sequential(
            nn.Conv2d(num_channels, 64, kernel_size=5, padding=5 // 2),
            nn.Tanh(),
            nn.Conv2d(64, 32, kernel_size=3, padding=3 // 2),
            nn.Tanh(),
        )
        self.last_part = nn.Sequential(
            nn.Conv2d(32, num_channels * (upscale_factor ** 2), kernel_size=3, padding=3 // 2),
            nn.PixelShuffle(upscale_factor),
        )
        self.refine = nn.Conv2d(num_channels * upscale_factor, num_channels, kernel_size=3, padding=1)  # expect: SHP002

    def forward(self, x):
        x = self.first_part(x)
        x = self.last_part(x)
        return self.refine(x)


def check() -> None:
    ESPCN(upscale_factor=3, num_channels=3)(torch.randn(1, 3, 17, 17))


if __name__ == "__main__":
    model = ESPCN(upscale_factor=3, num_channels=3)
    lr = torch.randn(1, 3, 17, 17)
    print(model(lr).shape)
