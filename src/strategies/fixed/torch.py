class Fixed(Strategy):
    """The user's static weight per task id, 1 when missing or not finite (fixed/strategy.ts)."""

    def __init__(self, T, params, weights, seed, lr, task_ids):
        super().__init__(T, params, weights, seed, lr, task_ids)
        self.w = [float(weights.get(i, 1)) if isinstance(weights.get(i, 1), (int, float)) and math.isfinite(weights.get(i, 1)) else 1.0 for i in task_ids]

    def step(self, step, losses, gram):
        return list(self.w), list(self.w)


STRATEGY = Fixed
