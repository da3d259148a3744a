/** Bidirectional LSTM kernel: a forward and a backward cell (reserved in that order), states joined on the last axis, forward first. */
import type { FastKernel } from '../../train/fast/kernel';
import { lstmLayer } from '../lstm/fast';

export const kernel: FastKernel = (ctx) => lstmLayer(ctx, [false, true]);
