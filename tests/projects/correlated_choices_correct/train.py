"""One name on the command line picks the generator and, in a second ``if`` on the same name, the discriminator
that fits it.  Each file holds one half of each pair: only the pairs the name picks together fit."""

import sys

import torch


def build(kind):
    if kind == "small":
        from nets.small import SmallGen

        gen = SmallGen()
    else:
        from nets.big import BigGen

        gen = BigGen()
    if kind == "small":
        from nets.big import SmallDisc

        disc = SmallDisc()
    else:
        from nets.small import BigDisc

        disc = BigDisc()
    return gen, disc


if __name__ == "__main__":
    gen, disc = build(sys.argv[1])
    print(disc(gen(torch.randn(4, 8))).shape)


def check():
    for kind in ("small", "big"):
        gen, disc = build(kind)
        disc(gen(torch.randn(4, 8)))
