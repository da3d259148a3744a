/** The PyTorch exporters: every kind's src/kinds/<kind>/torch.ts, collected by the generated src/kinds/torch.gen.ts (no hand-kept list). */
import { KIND_EXPORTERS } from '../../kinds/torch.gen';
import type { TorchExporter } from './types';

/** Exporter per node kind id; the generated registry has one for every kind folder (a missing torch.ts fails tsc). */
export const TORCH_EXPORTERS: Readonly<Record<string, TorchExporter>> = KIND_EXPORTERS;
