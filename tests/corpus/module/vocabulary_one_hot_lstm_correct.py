"""A character LSTM in the style of graykode's nlp-tutorial: the sizes come from a vocabulary built from strings
after the class, and the batch is one-hot rows of ``np.eye(n_class)`` made a tensor."""

import numpy as np
import torch
import torch.nn as nn


def make_batch():
    input_batch, target_batch = [], []
    for seq in seq_data:
        input = [word_dict[n] for n in seq[:-1]]
        input_batch.append(np.eye(n_class)[input])
        target_batch.append(word_dict[seq[-1]])
    return input_batch, target_batch


class TextLSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(input_size=n_class, hidden_size=n_hidden)
        self.W = nn.Linear(n_hidden, n_class, bias=False)

    def forward(self, X):
        outputs, _ = self.lstm(X.transpose(0, 1))
        return self.W(outputs[-1])


n_hidden = 16
seq_data = " ".join(["make need coal", "word love hate"]).split()
word_dict = {n: i for i, n in enumerate(set("".join(seq_data)))}
n_class = len(word_dict)


def check():
    input_batch, target_batch = make_batch()
    TextLSTM()(torch.FloatTensor(np.array(input_batch)))


if __name__ == "__main__":
    check()
