"""A chest X-ray dataset of the project's own opens each file as grayscale (`convert("L")`) and normalizes it with
one mean and one standard deviation (torchvision is imported where the dataset is defined; check() replays its
normalize in torch)."""
import torch
import torch.nn as nn


class XrayNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1))
        self.classifier = nn.Linear(8, 2)

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def train(paths, labels):
    from PIL import Image
    from torch.utils.data import DataLoader, Dataset
    from torchvision import transforms

    class XrayDataset(Dataset):
        def __init__(self, paths, labels):
            self.paths, self.labels = paths, labels
            self.transform = transforms.Compose(
                [
                    transforms.Resize((224, 224)),
                    transforms.ToTensor(),
                    transforms.Normalize([0.5], [0.25]),
                ]
            )

        def __len__(self):
            return len(self.paths)

        def __getitem__(self, index):
            image = Image.open(self.paths[index]).convert("L")
            return self.transform(image), self.labels[index]

    model = XrayNet()
    for images, targets in DataLoader(XrayDataset(paths, labels), batch_size=16, shuffle=True):
        nn.functional.cross_entropy(model(images), targets).backward()


def check() -> None:
    """torchvision's normalize on one 224x224 grayscale sample, then the model on a batch of them."""
    mean = torch.as_tensor([0.5]).view(-1, 1, 1)
    std = torch.as_tensor([0.25]).view(-1, 1, 1)
    image = torch.rand(1, 224, 224).sub_(mean).div_(std)
    with torch.no_grad():
        XrayNet()(image.unsqueeze(0).repeat(16, 1, 1, 1))
