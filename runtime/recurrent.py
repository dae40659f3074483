"""RNN, LSTM and GRU in evaluation mode: every layer and direction a loop over the time steps; and their cells,
RNNCell, LSTMCell and GRUCell, one step of the same arithmetic.

The input's projection for all steps is one matmul; only the hidden state's is per step.
Dropout between layers is inactive, as in ``eval()``.  A step names its tensors by a suffix: ``_l0_reverse`` in a
sequence layer (``weight_hh_l0_reverse``), none in a cell (``weight_hh``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np
from shapelint.runtime.activation import sigmoid
from shapelint.runtime.init import uniform_fan
from shapelint.runtime.layer import Layer
from shapelint.runtime.spec import Init

from shapelint.catalog import Problem, ShapeError

__all__ = ["GRU", "LSTM", "RNN", "GRUCell", "LSTMCell", "RNNCell"]

State = tuple[np.ndarray, ...]
"""The hidden state of one layer and direction: ``(h,)``, or ``(h, c)`` for an LSTM."""


class _Steps(Layer):
    """The arithmetic RNN, LSTM, GRU and their cells share: drawn weights, the hidden projection, and :meth:`step`."""

    sizes: ClassVar[tuple[str, ...]] = ("hidden_size",)
    """The last dimension of each state tensor, in torch's order: ``h`` (projected for an LSTM), then ``c``."""

    def initial(self, name: str, shapes: Mapping[str, tuple[int, ...]]) -> Init:
        return uniform_fan(self.arg("hidden_size"))

    def _size(self, name: str) -> int:
        """``proj_size`` stands for the size of ``h``: the projection's, or ``hidden_size`` without one."""
        if name == "proj_size":
            return self.arg("proj_size") or self.arg("hidden_size")
        return self.arg(name)

    def _projected(self, x: np.ndarray, names: str) -> np.ndarray:
        """``x @ weight_ih.T + bias_ih``, for every step at once."""
        projected = x @ self.tensor_at(f"weight_ih{names}").T
        return projected + self.tensor_at(f"bias_ih{names}") if self.arg("bias") else projected

    def _hidden(self, h: np.ndarray, names: str) -> np.ndarray:
        """``h @ weight_hh.T + bias_hh``."""
        gates = h @ self.tensor_at(f"weight_hh{names}").T
        return gates + self.tensor_at(f"bias_hh{names}") if self.arg("bias") else gates

    def _given_states(
        self, hx: object, expected: Sequence[tuple[int, ...]], unbatched_axis: int | None
    ) -> list[np.ndarray]:
        """Zeros, or the given state checked against torch's ``expected`` shapes; ``unbatched_axis`` is where the
        batch axis goes into a state given for an unbatched input (``None`` for a batched one)."""
        if hx is None:
            return [np.zeros(shape, self.dtype) for shape in expected]
        given = hx if isinstance(hx, tuple) else (hx,)
        if len(given) != len(expected):
            raise TypeError(f"{self!r}: hx must be {'a tuple (h_0, c_0)' if len(expected) > 1 else 'one array'}")
        states = []
        for value, shape in zip(given, expected):
            state = np.asarray(value, dtype=self.dtype)
            state = state if unbatched_axis is None else np.expand_dims(state, unbatched_axis)
            if state.shape != shape:
                wanted = shape if unbatched_axis is None else shape[:unbatched_axis] + shape[unbatched_axis + 1 :]
                found = np.shape(value)
                raise ShapeError(f"{self!r}: expected hidden state of shape {wanted}, got {found}", Problem.SIZE)
            states.append(state)
        return states

    def step(self, x: np.ndarray, state: State, names: str) -> State:
        """One time step: ``x`` is the input already multiplied by ``weight_ih`` (with ``bias_ih``)."""
        raise NotImplementedError


class _Recurrent(_Steps):
    """``forward(input, hx=None)`` returns ``(output, h_n)``, as torch's recurrent layers do."""

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
                ys, final = self._direction(sequence, f"_l{layer}{suffix}", start, reverse=index == 1)
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
        return self._given_states(hx, expected, None if batched else 1)

    def _direction(self, sequence: np.ndarray, names: str, state: State, reverse: bool) -> tuple[np.ndarray, State]:
        """One layer in one direction over ``sequence`` (L, N, features): its outputs and its last state."""
        projected = self._projected(sequence, names)
        steps = range(len(sequence) - 1, -1, -1) if reverse else range(len(sequence))
        outputs = np.empty(sequence.shape[:2] + (self._size(self.sizes[0]),), self.dtype)
        for step in steps:
            state = self.step(projected[step], state, names)
            outputs[step] = state[0]
        return outputs, state


class _Cell(_Steps):
    """``forward(input, hx=None)``: one step on ``(N, input_size)`` or ``(input_size,)``, giving ``h'`` (LSTMCell:
    ``(h', c')``) of the shape of the input with ``hidden_size`` last; ``hx`` has the shapes it gives."""

    def call(self, x: np.ndarray, out: tuple[int, ...], inputs: tuple[object, ...], keywords: dict[str, object]) -> Any:
        return self.cell(x, *inputs, **keywords)

    def cell(self, x: np.ndarray, hx: object = None) -> Any:
        batched = x.ndim == 2
        rows = x if batched else x[None]
        expected = [(rows.shape[0], self._size(name)) for name in self.sizes]
        states = tuple(self._given_states(hx, expected, None if batched else 0))
        result = self.step(self._projected(rows, ""), states, "")
        if not batched:
            result = tuple(state[0] for state in result)
        return result if len(result) > 1 else result[0]


class _RNNStep(_Steps):
    def step(self, x: np.ndarray, state: State, names: str) -> State:
        total = x + self._hidden(state[0], names)
        return (np.tanh(total) if self.arg("nonlinearity") == "tanh" else np.maximum(total, 0),)


class _LSTMStep(_Steps):
    """Gates in torch's order (input, forget, cell, output); ``proj_size`` projects ``h`` by ``weight_hr``."""

    def step(self, x: np.ndarray, state: State, names: str) -> State:
        h, c = state
        i, f, g, o = np.split(x + self._hidden(h, names), 4, axis=-1)
        c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
        h = sigmoid(o) * np.tanh(c)
        if self.args.get("proj_size"):
            h = h @ self.tensor_at(f"weight_hr{names}").T
        return h, c


class _GRUStep(_Steps):
    """Gates in torch's order (reset, update, new); the reset gate scales the hidden part of the new gate."""

    def step(self, x: np.ndarray, state: State, names: str) -> State:
        (h,) = state
        x_r, x_z, x_n = np.split(x, 3, axis=-1)
        h_r, h_z, h_n = np.split(self._hidden(h, names), 3, axis=-1)
        r, z = sigmoid(x_r + h_r), sigmoid(x_z + h_z)
        n = np.tanh(x_n + r * h_n)
        return ((1 - z) * n + z * h,)


class RNN(_RNNStep, _Recurrent):
    pass


class LSTM(_LSTMStep, _Recurrent):
    sizes = ("proj_size", "hidden_size")


class GRU(_GRUStep, _Recurrent):
    pass


class RNNCell(_RNNStep, _Cell):
    pass


class LSTMCell(_LSTMStep, _Cell):
    sizes = ("hidden_size", "hidden_size")


class GRUCell(_GRUStep, _Cell):
    pass
