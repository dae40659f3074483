"""shapelint.runtime: numpy layers whose input sizes come from propagated shapes."""
