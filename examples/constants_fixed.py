"""A fixed-length text classifier whose layer widths all come from module-level constants."""
import torch
import torch.nn as nn

VOCAB_SIZE = 1000
EMBED_DIM = 64
HIDDEN_DIM = 128
NUM_CLASSES = 4
MAX_LEN = 16

# shapelint: input=(B, 16)
classifier = nn.Sequential(
    nn.Embedding(VOCAB_SIZE, EMBED_DIM),
    nn.Flatten(),
    nn.Linear(MAX_LEN * EMBED_DIM, HIDDEN_DIM),
    nn.ReLU(),
    nn.Dropout(0.1),
    nn.Linear(HIDDEN_DIM, NUM_CLASSES),
)


def check() -> None:
    """Classify one batch of token ids."""
    with torch.no_grad():
        classifier.eval()(torch.randint(0, VOCAB_SIZE, (2, MAX_LEN)))


if __name__ == "__main__":
    check()
