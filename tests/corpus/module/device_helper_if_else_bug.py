"""A helper moves a tensor to the GPU when there is one, returning on both paths of an if/else (pytorch-wgan's
get_torch_variable): the noise it hands back keeps its shape whichever path runs."""
import torch
import torch.nn as nn

CUDA = torch.cuda.is_available()


def get_torch_variable(arg):
    if CUDA:
        return arg.cuda()
    else:
        return arg


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(128, 64, 4, 1, 0),  # expect: SHP002
            nn.BatchNorm2d(64),
            nn.ReLU(True),
            nn.ConvTranspose2d(64, 1, 4, 2, 1),
            nn.Tanh(),
        )

    def forward(self, z):
        return self.main(z)


def check() -> None:
    generator = Generator()
    z = get_torch_variable(torch.randn(16, 100, 1, 1))
    generator(z)
