"""A spectral front end (magnitude STFT and rFFT features), the frame classifier taking the
one-sided n_fft // 2 + 1 bins."""
import torch
import torch.nn as nn


class SpectralNet(nn.Module):  # shapelint: input=(B, 256)
    def __init__(self, n_fft=64, hop=16, classes=4):
        super().__init__()
        self.n_fft, self.hop = n_fft, hop
        self.frame = nn.Linear(n_fft // 2 + 1, 32)
        self.spectrum = nn.Linear(129, 32)
        self.out = nn.Linear(32, classes)

    def forward(self, x):
        window = torch.hann_window(self.n_fft)
        spec = torch.stft(x, self.n_fft, self.hop, window=window, onesided=True, return_complex=True).abs()
        frames = self.frame(spec.transpose(1, 2)).mean(1)
        whole = self.spectrum(torch.fft.rfft(x).abs())
        return self.out(frames + whole)


def check() -> None:
    with torch.no_grad():
        SpectralNet()(torch.randn(2, 256))
