"""A Lightning regressor that serves its own loader (`train_dataloader()` on the module, `trainer.fit(model)`), and
flattens with the batch size written in: 1,000 samples in batches of 64 end with a batch of 40, which the view
cannot hold."""
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

BATCH_SIZE = 64


class LitRegressor(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(4, 8, 5, padding=2)
        self.out = nn.Linear(8 * 50, 1)

    def forward(self, x):
        x = F.relu(self.conv(x))
        return self.out(x.view(BATCH_SIZE, 8 * 50))  # expect: SHP006

    def training_step(self, batch, batch_idx):
        x, y = batch
        return F.mse_loss(self(x), y)

    def train_dataloader(self):
        dataset = TensorDataset(torch.randn(1000, 4, 50), torch.randn(1000, 1))
        return DataLoader(dataset, batch_size=BATCH_SIZE, shuffle=True)


def main():
    pl.Trainer(max_epochs=5).fit(LitRegressor())


def check() -> None:
    """The last of the loader's batches: 1,000 - 15 * 64 = 40 samples."""
    LitRegressor().training_step((torch.randn(40, 4, 50), torch.randn(40, 1)), 0)
