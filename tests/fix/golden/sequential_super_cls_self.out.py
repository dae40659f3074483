"""A layer in a Sequential subclass filled through the old super(Cls, self).__init__ form."""
import torch
import torch.nn as nn


class Classifier(nn.Sequential):
    def __init__(self, num_classes=10):
        super(Classifier, self).__init__(
            nn.Flatten(),
            nn.Linear(512, 256),
            nn.ReLU(inplace=True),
            nn.Linear(256, num_classes),
        )


head = Classifier()  # shapelint: input=(B, 512, 1, 1)


def check() -> None:
    head(torch.rand(2, 512, 1, 1))
