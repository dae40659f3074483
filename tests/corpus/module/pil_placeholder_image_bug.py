"""An inference script in the style of forum questions: a placeholder image made with ``Image.new`` run through the
model's preprocessing, fed to a network whose stem was written for grayscale."""
import torch
import torch.nn as nn


def make_model():
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1),  # expect: SHP002
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Linear(8, 2),
    )


def predict():
    from PIL import Image
    from torchvision import transforms

    preprocess = transforms.Compose([transforms.Resize((64, 64)), transforms.ToTensor()])
    image = Image.new("RGB", (500, 375))
    return make_model()(preprocess(image).unsqueeze(0))


def check():
    """What the preprocessing gives: a (1, 3, 64, 64) batch."""
    with torch.no_grad():
        make_model()(torch.zeros(1, 3, 64, 64))
