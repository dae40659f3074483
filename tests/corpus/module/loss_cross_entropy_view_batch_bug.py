"""Forum: "ValueError: Expected input batch_size (49) to match target batch_size (16)". The 320 in view(-1, 320)
was written for 28x28 inputs (a 20x4x4 map); fed 40x40 images the second pooling gives 20x7x7, and view(-1, 320)
folds the surplus into 49 rows instead of failing."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, 5)
        self.conv2 = nn.Conv2d(10, 20, 5)
        self.fc = nn.Linear(320, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2(x), 2))
        x = x.view(-1, 320)
        return F.log_softmax(self.fc(x), dim=1)


def check() -> None:
    data, target = torch.randn(16, 1, 40, 40), torch.randint(0, 10, (16,))
    F.nll_loss(Net()(data), target)  # expect: SHP006
