"""Settings a training script may change before it imports the model."""

WIDTH = 16
CFG = {"channels": 1}
