"""The training script: the network named on the command line, fed CIFAR-100 by a loop in a function that reads
both from the module's globals."""

import argparse
import io

import torch
import torch.nn as nn
from utils import get_network, get_training_dataloader


def train(epoch):
    net.train()
    for batch_index, (images, labels) in enumerate(cifar100_training_loader):
        if args.gpu:
            labels = labels.cuda()
            images = images.cuda()
        optimizer.zero_grad()
        outputs = net(images)
        loss = loss_function(outputs, labels)
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-net", type=str, required=True, help="net type")
    parser.add_argument("-gpu", action="store_true", default=False, help="use gpu or not")
    parser.add_argument("-b", type=int, default=128, help="batch size for dataloader")
    args = parser.parse_args()

    net = get_network(args)
    cifar100_training_loader = get_training_dataloader(
        (0.5071, 0.4865, 0.4409), (0.2673, 0.2564, 0.2762), num_workers=4, batch_size=args.b, shuffle=True
    )
    loss_function = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    for epoch in range(1, 3):
        train(epoch)


def check():
    """Each network the script can build, on what the loader yields (a saved batch of CIFAR-100's sizes, without the
    download)."""
    buffer = io.BytesIO()
    torch.save(torch.randn(4, 3, 32, 32), buffer)
    buffer.seek(0)
    images = torch.load(buffer)
    with torch.no_grad():
        for name in ("vgg_a", "vgg_b", "resnet8", "resnet14"):
            get_network(argparse.Namespace(net=name, gpu=False))(images)
