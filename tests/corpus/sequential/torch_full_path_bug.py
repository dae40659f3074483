"""Everything spelled through `import torch`."""
import torch

net = torch.nn.Sequential(  # shapelint: input=(B, 10)
    torch.nn.Linear(10, 50),
    torch.nn.Sigmoid(),
    torch.nn.Linear(
        in_features=40,  # expect: SHP001
        out_features=3,
    ),
)


def check() -> None:
    with torch.no_grad():
        net(torch.randn(2, 10))
