"""crnn.pytorch's ``loadData(v, data)``: a helper resizes the caller's buffer in place to the batch's shape before
the model reads it; the buffer's name no longer holds its old shape afterwards."""
import torch
from torch import nn

model = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU())


def load_data(v, data):
    v.resize_(data.size()).copy_(data)


def check() -> None:
    image = torch.FloatTensor(4, 3, 32, 32)
    batch = torch.randn(4, 1, 32, 32)
    load_data(image, batch)
    model(image)
