"""A Lightning project with a data module: `setup(stage)` builds the CIFAR-10 splits, `train_dataloader()` and
`val_dataloader()` return their loaders, and `trainer.fit(model, datamodule=dm)` runs the validation sanity check
and then training. The classifier's head expects 4x4 maps where three poolings leave 32x32 images at 4x4, but
the network pools four times."""
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F


class CIFARData(pl.LightningDataModule):
    def __init__(self, data_dir="./data", batch_size=128):
        super().__init__()
        self.data_dir = data_dir
        self.batch_size = batch_size

    def setup(self, stage=None):
        from torchvision import datasets, transforms

        transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,) * 3, (0.5,) * 3)])
        if stage == "fit" or stage is None:
            self.train_set = datasets.CIFAR10(self.data_dir, train=True, transform=transform)
            self.val_set = datasets.CIFAR10(self.data_dir, train=False, transform=transform)

    def train_dataloader(self):
        return torch.utils.data.DataLoader(self.train_set, batch_size=self.batch_size, shuffle=True)

    def val_dataloader(self):
        return torch.utils.data.DataLoader(self.val_set, batch_size=self.batch_size)


class LitCNN(pl.LightningModule):
    def __init__(self, channels=(32, 64, 128, 128), classes=10):
        super().__init__()
        layers, width = [], 3
        for out in channels:
            layers += [nn.Conv2d(width, out, 3, padding=1), nn.BatchNorm2d(out), nn.ReLU(), nn.MaxPool2d(2)]
            width = out
        self.features = nn.Sequential(*layers)
        self.head = nn.Linear(width * 4 * 4, classes)  # expect: SHP001

    def forward(self, x):
        return self.head(self.features(x).flatten(1))

    def training_step(self, batch, batch_idx):
        images, labels = batch
        return F.cross_entropy(self(images), labels)

    def validation_step(self, batch, batch_idx):
        images, labels = batch
        self.log("val_loss", F.cross_entropy(self(images), labels))


def main():
    trainer = pl.Trainer(max_epochs=10)
    trainer.fit(LitCNN(), datamodule=CIFARData())


def check() -> None:
    """What the data module's loaders yield: CIFAR-10's 3x32x32 images in batches of 128."""
    with torch.no_grad():
        LitCNN().validation_step((torch.rand(128, 3, 32, 32), torch.randint(0, 10, (128,))), 0)
