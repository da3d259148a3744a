class Equal(Strategy):
    """Every task weighs 1 (equal/strategy.ts)."""


STRATEGY = Equal
