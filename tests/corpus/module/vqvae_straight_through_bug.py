"""A VQ-VAE in the style of pytorch-vqvae: the codebook lookup is a custom `torch.autograd.Function` called through
its `.apply` (`vq_st = VectorQuantizationStraightThrough.apply`), which snaps each latent vector to its nearest
codebook row (`torch.cdist`, `argmin`, `index_select` of the embedding's `weight`). The decoder expects one channel
more than the codebook's width."""
import torch
import torch.nn as nn
from torch.autograd import Function


class VectorQuantizationStraightThrough(Function):
    @staticmethod
    def forward(ctx, inputs, codebook):
        flat = inputs.reshape(-1, codebook.size(1))
        indices = torch.cdist(flat, codebook).argmin(dim=1)
        ctx.mark_non_differentiable(indices)
        codes = torch.index_select(codebook, dim=0, index=indices).view_as(inputs)
        return codes, indices

    @staticmethod
    def backward(ctx, grad_output, grad_indices):
        return grad_output, None


vq_st = VectorQuantizationStraightThrough.apply


class VQVAE(nn.Module):
    def __init__(self, dim=16, k=32):
        super().__init__()
        self.encoder = nn.Sequential(nn.Conv2d(3, dim, 4, 2, 1), nn.ReLU(), nn.Conv2d(dim, dim, 3, 1, 1))
        self.codebook = nn.Embedding(k, dim)
        self.decoder = nn.Sequential(nn.ConvTranspose2d(dim + 1, 3, 4, 2, 1), nn.Tanh())  # expect: SHP002

    def forward(self, x):
        z = self.encoder(x).permute(0, 2, 3, 1).contiguous()
        z_q, _ = vq_st(z, self.codebook.weight.detach())
        return self.decoder(z_q.permute(0, 3, 1, 2))


if __name__ == "__main__":
    VQVAE()(torch.randn(4, 3, 32, 32))


def check() -> None:
    with torch.no_grad():
        VQVAE()(torch.randn(4, 3, 32, 32))
