"""Conditional GAN generator whose first block forgets the label embedding concatenated to the noise."""
import numpy as np
import torch
import torch.nn as nn

n_classes = 10
latent_dim = 32
img_shape = (1, 16, 16)


class Generator(nn.Module):
    def __init__(self):
        super(Generator, self).__init__()
        self.label_emb = nn.Embedding(n_classes, n_classes)

        def block(in_feat, out_feat, normalize=True):
            layers = [nn.Linear(in_feat, out_feat)]
            if normalize:
                layers.append(nn.BatchNorm1d(out_feat, 0.8))
            layers.append(nn.LeakyReLU(0.2, inplace=True))
            return layers

        self.model = nn.Sequential(
            *block(latent_dim, 128, normalize=False),  # expect: SHP001
            *block(128, 256),
            nn.Linear(256, int(np.prod(img_shape))),
            nn.Tanh(),
        )

    def forward(self, noise, labels):
        gen_input = torch.cat((self.label_emb(labels), noise), -1)
        img = self.model(gen_input)
        return img.view(img.size(0), *img_shape)


def check() -> None:
    Generator()(torch.randn(4, latent_dim), torch.randint(0, n_classes, (4,)))


if __name__ == "__main__":
    generator = Generator()
    z = torch.randn(4, latent_dim)
    print(generator(z, torch.randint(0, n_classes, (4,))).shape)
