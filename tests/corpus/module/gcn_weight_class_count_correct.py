"""pygcn's layers: weights made with the legacy ``torch.FloatTensor(fin, fout)``, the class count read off the labels
at run time (``labels.max().item() + 1``, not known statically).  The second layer takes the hidden width."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class GraphConvolution(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.FloatTensor(in_features, out_features))
        self.bias = nn.Parameter(torch.FloatTensor(out_features))
        stdv = 1.0 / math.sqrt(self.weight.size(1))
        self.weight.data.uniform_(-stdv, stdv)
        self.bias.data.uniform_(-stdv, stdv)

    def forward(self, x, adj):
        return torch.spmm(adj, torch.mm(x, self.weight)) + self.bias


class GCN(nn.Module):
    def __init__(self, nfeat, nhid, nclass):
        super().__init__()
        self.gc1 = GraphConvolution(nfeat, nhid)
        self.gc2 = GraphConvolution(nhid, nclass)

    def forward(self, x, adj):
        x = F.relu(self.gc1(x, adj))
        return F.log_softmax(self.gc2(x, adj), dim=1)


features = torch.randn(30, 12)
adj = torch.eye(30).to_sparse()
labels = torch.randint(0, 3, (30,))
model = GCN(nfeat=features.shape[1], nhid=16, nclass=labels.max().item() + 1)


def check():
    model(features, adj)
