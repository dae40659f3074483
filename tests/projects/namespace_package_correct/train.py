"""The training entry point, at the project root."""

from model.generator import Generator

generator = Generator(80)
