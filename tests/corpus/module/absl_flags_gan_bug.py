"""A GAN collection's training script sized by absl flags (flags.DEFINE_integer, read as FLAGS.z_dim): the
generator's first layer takes the latent size, but its reshape is written for another width (absl is imported
where the flags are defined)."""
import torch
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, z_dim):
        super().__init__()
        self.linear = nn.Linear(z_dim, 4 * 4 * 256)
        self.main = nn.Sequential(
            nn.BatchNorm2d(512),  # expect: SHP003
            nn.ConvTranspose2d(512, 256, 4, 2, 1),  # expect: SHP002
            nn.ReLU(),
            nn.ConvTranspose2d(256, 3, 4, 2, 1),
            nn.Tanh(),
        )

    def forward(self, z):
        return self.main(self.linear(z).view(-1, 256, 4, 4))


def train():
    from absl import flags

    FLAGS = flags.FLAGS
    flags.DEFINE_integer("batch_size", 64, "batch size")
    flags.DEFINE_integer("z_dim", 128, "latent space dimension")
    net_G = Generator(FLAGS.z_dim)
    fake = net_G(torch.randn(FLAGS.batch_size, FLAGS.z_dim))
    return fake


def check() -> None:
    """What the flags' defaults build and feed."""
    with torch.no_grad():
        Generator(128)(torch.randn(64, 128))
