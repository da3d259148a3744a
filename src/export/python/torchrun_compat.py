"""torchrun, working around a launcher bug of PyTorch 1.13 on Python >= 3.11 (e.g. Debian 12's python3-torch).

There, `torchrun ...` stops before starting any worker with
    AttributeError: 'NoneType' object has no attribute 'get'
because Std.from_str('0') returns None (Python 3.11 no longer iterates IntFlag's 0 member).
This script patches only that and then runs torch.distributed.run with the same arguments:

    python torchrun_compat.py --standalone --nproc_per_node=2 train.py --device cpu

On any other PyTorch it is the same as `torchrun`.
"""
import sys

import torch.distributed.elastic.multiprocessing.api as _api

_from_str = _api.Std.from_str.__func__


def _fixed_from_str(cls, vm):
    out = _from_str(cls, vm)
    if out is None and str(vm).strip() == '0':
        return _api.Std.NONE
    return out


_api.Std.from_str = classmethod(_fixed_from_str)

from torch.distributed.run import main  # noqa: E402

if __name__ == '__main__':
    sys.exit(main())
