/** Test fixture: the implementation of the folder that lacks torch.py. */
export { strategy } from '../../whole/probe/strategy';
