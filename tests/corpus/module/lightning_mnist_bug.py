"""A Lightning classifier in the style of Lightning's MNIST tutorial: the model never calls itself on data; the
trainer feeds `training_step` the loader's batches (`trainer.fit(model, train_loader)`). The linear layer is
sized for 32x32 images."""
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F


class LitClassifier(pl.LightningModule):
    def __init__(self, hidden=64):
        super().__init__()
        self.conv = nn.Conv2d(1, 16, 3, padding=1)
        self.fc1 = nn.Linear(16 * 16 * 16, hidden)  # expect: SHP001
        self.fc2 = nn.Linear(hidden, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv(x)), 2)
        return self.fc2(F.relu(self.fc1(torch.flatten(x, 1))))

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = F.cross_entropy(self(x), y)
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=1e-3)


def main():
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms

    train = datasets.MNIST(".", train=True, download=True, transform=transforms.ToTensor())
    trainer = pl.Trainer(max_epochs=3)
    trainer.fit(LitClassifier(), DataLoader(train, batch_size=32, shuffle=True))


def check() -> None:
    """What `training_step` gets: MNIST's images and labels in batches of 32."""
    LitClassifier().training_step((torch.rand(32, 1, 28, 28), torch.randint(0, 10, (32,))), 0)
