"""PointNet whose first point conv reads 9 channels, the STN's flattened matrix, instead of the 3 coordinates."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class STN3d(nn.Module):
    def __init__(self):
        super(STN3d, self).__init__()
        self.conv1 = torch.nn.Conv1d(3, 64, 1)
        self.conv2 = torch.nn.Conv1d(64, 128, 1)
        self.conv3 = torch.nn.Conv1d(128, 256, 1)
        self.fc1 = nn.Linear(256, 128)
        self.fc2 = nn.Linear(128, 9)
        self.bn1 = nn.BatchNorm1d(64)
        self.bn2 = nn.BatchNorm1d(128)
        self.bn3 = nn.BatchNorm1d(256)

    def forward(self, x):
        batchsize = x.size()[0]
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.bn2(self.conv2(x)))
        x = F.relu(self.bn3(self.conv3(x)))
        x = torch.max(x, 2, keepdim=True)[0]
        x = x.view(-1, 256)
        x = self.fc2(F.relu(self.fc1(x)))
        iden = torch.eye(3).flatten().view(1, 9).repeat(batchsize, 1)
        x = x + iden
        return x.view(-1, 3, 3)


class PointNetCls(nn.Module):  # shapelint: input=(B, 3, 128)
    def __init__(self, k=4):
        super(PointNetCls, self).__init__()
        self.stn = STN3d()
        self.conv1 = torch.nn.Conv1d(9, 64, 1)  # expect: SHP002
        self.conv2 = torch.nn.Conv1d(64, 512, 1)
        self.bn1 = nn.BatchNorm1d(64)
        self.bn2 = nn.BatchNorm1d(512)
        self.fc = nn.Linear(512, k)

    def forward(self, x):
        trans = self.stn(x)
        x = x.transpose(2, 1)
        x = torch.bmm(x, trans)
        x = x.transpose(2, 1)
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.bn2(self.conv2(x))
        x = torch.max(x, 2)[0]
        return F.log_softmax(self.fc(x), dim=1)


def check() -> None:
    PointNetCls().eval()(torch.randn(4, 3, 128))
