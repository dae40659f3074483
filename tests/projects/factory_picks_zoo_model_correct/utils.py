"""Helpers: the network a command-line name picks, and CIFAR-100's training loader."""

import sys

from torch.utils.data import DataLoader


def get_network(args):
    """return given network"""
    if args.net == "vgg_a":
        from models.vgg import vgg_a

        net = vgg_a()
    elif args.net == "vgg_b":
        from models.vgg import vgg_b

        net = vgg_b()
    elif args.net == "resnet8":
        from models.resnet import resnet8

        net = resnet8()
    elif args.net == "resnet14":
        from models.resnet import resnet14

        net = resnet14()
    else:
        print("the network name you have entered is not supported yet")
        sys.exit()

    if args.gpu:
        net = net.cuda()
    return net


def get_training_dataloader(mean, std, batch_size=16, num_workers=2, shuffle=True):
    import torchvision
    import torchvision.transforms as transforms

    transform_train = transforms.Compose(
        [
            transforms.RandomCrop(32, padding=4),
            transforms.RandomHorizontalFlip(),
            transforms.RandomRotation(15),
            transforms.ToTensor(),
            transforms.Normalize(mean, std),
        ]
    )
    cifar100_training = torchvision.datasets.CIFAR100(root="./data", train=True, download=True, transform=transform_train)
    return DataLoader(cifar100_training, shuffle=shuffle, num_workers=num_workers, batch_size=batch_size)
