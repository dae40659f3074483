"""RNN, LSTM and GRU in evaluation mode: every layer and direction a loop over the time steps.

The input's projection for all steps is one matmul; only the hidden state's is per step.
Dropout between layers is inactive, as in ``eval()``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
from shapelint.runtime.activation import sigmoid
from shapelint.runtime.init import uniform_fan
from shapelint.runtime.layer import Layer
from shapelint.runtime.spec import Init

from shapelint.catalog import Problem, ShapeError

__all__ = ["GRU", "LSTM", "RNN"]

State = tuple[np.ndarray, ...]
"""The hidden state of one layer and direction: ``(h,)``, or ``(h, c)`` for an LSTM."""


class _Recurrent(Layer):
    """``forward(input, hx=None)`` returns ``(output, h_n)``, as torch's recurrent layers do."""

    sizes: ClassVar[tuple[str, ...]] = ("hidden_size",)
    """The last dimension of each state tensor, in torch's order: ``h`` (projected for an LSTM), then ``c``."""

    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        return uniform_fan(self.arg("hidden_size"))

    def call(self, x: np.ndarray, out: tuple[int, ...], inputs: tuple[object, ...], keywords: dict[str, object]) -> Any:
        return self.recur(x, *inputs, **keywords)

    def recur(self, x: np.ndarray, hx: object = None) -> tuple[np.ndarray, Any]:
        batched = x.ndim == 3
        sequence = x if batched else x[:, None]
        if batched and self.arg("batch_first"):
            sequence = sequence.swapaxes(0, 1)
        states = self._initial_states(hx, batched, sequence.shape[1])
        directions = ("", "_reverse") if self.arg("bidirectional") else ("",)
        finals: list[State] = []
        for layer in range(self.arg("num_layers")):
            outputs = []
            for index, suffix in enumerate(directions):
                start = tuple(state[layer * len(directions) + index] for state in states)
                ys, final = self._direction(sequence, f"l{layer}{suffix}", start, reverse=index == 1)
                outputs.append(ys)
                finals.append(final)
            sequence = np.concatenate(outputs, axis=-1)
        if batched and self.arg("batch_first"):
            sequence = sequence.swapaxes(0, 1)
        stacked = tuple(np.stack([final[part] for final in finals]) for part in range(len(states)))
        if not batched:
            sequence, stacked = sequence[:, 0], tuple(state[:, 0] for state in stacked)
        return sequence, stacked if len(stacked) > 1 else stacked[0]

    def _initial_states(self, hx: object, batched: bool, batch: int) -> list[np.ndarray]:
        """Zeros, or the given state checked against torch's expected shapes: ``(D * num_layers, N, size)``."""
        stacked = (2 if self.arg("bidirectional") else 1) * self.arg("num_layers")
        expected = [(stacked, batch, self._size(name)) for name in self.sizes]
        if hx is None:
            return [np.zeros(shape, self.dtype) for shape in expected]
        given = hx if isinstance(hx, tuple) else (hx,)
        if len(given) != len(expected):
            raise TypeError(f"{self!r}: hx must be {'a tuple (h_0, c_0)' if len(expected) > 1 else 'one array'}")
        states = []
        for value, shape in zip(given, expected):
            state = np.asarray(value, dtype=self.dtype)
            state = state if batched else state[:, None]
            if state.shape != shape:
                wanted = shape if batched else (shape[0], shape[2])
                found = np.shape(value)
                raise ShapeError(f"{self!r}: expected hidden state of shape {wanted}, got {found}", Problem.SIZE)
            states.append(state)
        return states

    def _size(self, name: str) -> int:
        """``proj_size`` stands for the size of ``h``: the projection's, or ``hidden_size`` without one."""
        if name == "proj_size":
            return self.arg("proj_size") or self.arg("hidden_size")
        return self.arg(name)

    def _direction(self, sequence: np.ndarray, names: str, state: State, reverse: bool) -> tuple[np.ndarray, State]:
        """One layer in one direction over ``sequence`` (L, N, features): its outputs and its last state."""
        projected = sequence @ self.tensor_at(f"weight_ih_{names}").T
        if self.arg("bias"):
            projected += self.tensor_at(f"bias_ih_{names}")
        steps = range(len(sequence) - 1, -1, -1) if reverse else range(len(sequence))
        outputs = np.empty(sequence.shape[:2] + (self._size(self.sizes[0]),), self.dtype)
        for step in steps:
            state = self.step(projected[step], state, names)
            outputs[step] = state[0]
        return outputs, state

    def _hidden(self, h: np.ndarray, names: str) -> np.ndarray:
        """``h @ weight_hh.T + bias_hh``."""
        gates = h @ self.tensor_at(f"weight_hh_{names}").T
        return gates + self.tensor_at(f"bias_hh_{names}") if self.arg("bias") else gates

    def step(self, x: np.ndarray, state: State, names: str) -> State:
        """One time step: ``x`` is the input already multiplied by ``weight_ih`` (with ``bias_ih``)."""
        raise NotImplementedError


class RNN(_Recurrent):
    def step(self, x: np.ndarray, state: State, names: str) -> State:
        total = x + self._hidden(state[0], names)
        return (np.tanh(total) if self.arg("nonlinearity") == "tanh" else np.maximum(total, 0),)


class LSTM(_Recurrent):
    """Gates in torch's order (input, forget, cell, output); ``proj_size`` projects ``h`` by ``weight_hr``."""

    sizes = ("proj_size", "hidden_size")

    def step(self, x: np.ndarray, state: State, names: str) -> State:
        h, c = state
        i, f, g, o = np.split(x + self._hidden(h, names), 4, axis=-1)
        c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
        h = sigmoid(o) * np.tanh(c)
        if self.arg("proj_size"):
            h = h @ self.tensor_at(f"weight_hr_{names}").T
        return h, c


class GRU(_Recurrent):
    """Gates in torch's order (reset, update, new); the reset gate scales the hidden part of the new gate."""

    def step(self, x: np.ndarray, state: State, names: str) -> State:
        (h,) = state
        x_r, x_z, x_n = np.split(x, 3, axis=-1)
        h_r, h_z, h_n = np.split(self._hidden(h, names), 3, axis=-1)
        r, z = sigmoid(x_r + h_r), sigmoid(x_z + h_z)
        n = np.tanh(x_n + r * h_n)
        return ((1 - z) * n + z * h,)
