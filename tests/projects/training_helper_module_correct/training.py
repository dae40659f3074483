"""The project's training helper (as deep_audio_features' lib/ae_training.py): the model, the loader and the loss
all come in as arguments, so only the script that calls it gives them shapes."""

import torch


def train_epoch(model, dataloader, loss_fn, optimizer):
    model.train()
    total = 0.0
    for inputs, _ in dataloader:
        inputs = inputs[:, None, :, :]
        decoded = model(inputs)
        loss = loss_fn(decoded, inputs)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item()
    return total
