"""Image-caption retrieval in the style of VSE++ (vsepp's data.py): a dataset of precomputed region features and
captions, a `collate_fn` of the project's own that stacks the features and pads the captions, and an image encoder
whose linear layer expects 4096 features where each region has 2048."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset


class PrecompDataset(Dataset):
    def __init__(self, length=300):
        self.length = length

    def __len__(self):
        return self.length

    def __getitem__(self, index):
        image = torch.rand(36, 2048)
        caption = torch.randint(1, 1000, (7 + index % 5,))
        return image, caption, index


def collate_fn(data):
    data.sort(key=lambda x: len(x[1]), reverse=True)
    images, captions, ids = zip(*data)
    images = torch.stack(images, 0)
    lengths = [len(cap) for cap in captions]
    targets = torch.zeros(len(captions), max(lengths)).long()
    for i, cap in enumerate(captions):
        targets[i, : lengths[i]] = cap[: lengths[i]]
    return images, targets, lengths, ids


class EncoderImage(nn.Module):
    def __init__(self, img_dim=4096, embed_size=1024):
        super().__init__()
        self.fc = nn.Linear(img_dim, embed_size)  # expect: SHP001

    def forward(self, images):
        features = self.fc(images)
        return features / features.norm(dim=-1, keepdim=True)


def train():
    loader = DataLoader(PrecompDataset(), batch_size=128, shuffle=True, collate_fn=collate_fn)
    encoder = EncoderImage()
    for images, targets, lengths, ids in loader:
        encoder(images)


if __name__ == "__main__":
    train()


def check() -> None:
    """A batch as the collate function makes it: 128 stacked (36, 2048) feature maps."""
    with torch.no_grad():
        EncoderImage()(torch.rand(128, 36, 2048))
