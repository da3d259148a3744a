/** Test fixture: a strategy folder without its Python port (torch.py), which must fail the generator and tsc. */
export { spec } from '../../whole/probe/spec';
