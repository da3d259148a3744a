import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../datasets';
import { defaultExperiment, type ExperimentConfig, type NodeWeights } from '../model';
import { dataFiles, labelArrays, projectFiles, projectFolder, zipProject } from './project';
import trainPy from './python/train.py?raw';

const key = (id: string, k: number) => `${id}/${k}`;

function small(): ExperimentConfig {
  const cfg = defaultExperiment();
  cfg.dataset = { ...cfg.dataset, nPoints: 80 };
  cfg.tasks[0] = { ...cfg.tasks[0], labelBudget: 0.5, labelNoise: 0.2 };
  return cfg;
}

const weights: NodeWeights[] = [{ id: 'd1', kind: 'dense', tensors: [{ shape: [2, 2], values: new Float32Array([1, 2, 3, 4]) }, { shape: [2], values: new Float32Array([0, 1]) }] }];

describe('PyTorch project files', () => {
  const cfg = small();
  const data = generateDataset(cfg);

  it('zips every listed file under one folder (unzipped with fflate)', () => {
    const files = projectFiles({ config: cfg, data, modelPy: '# model\n', weightKey: key, run: { runId: 'r1', weights, valPred: cfg.tasks.map(() => new Float32Array(data.nVal)) } });
    const folder = projectFolder('Hard sharing: 3 tasks!');
    expect(folder).toBe('hard-sharing-3-tasks-pytorch');
    const listed = Object.keys(unzipSync(zipProject(files, folder))).map((p) => p.slice(folder.length + 1));
    const perTask = cfg.tasks.flatMap((t) => ['train', 'val'].flatMap((s) => [`data/y_${s}_${t.id}.npy`, `data/mask_${s}_${t.id}.npy`]));
    expect(listed.sort()).toEqual(
      ['README.md', 'model.py', 'train.py', 'evaluate.py', 'common.py', 'torchrun_compat.py', 'requirements.txt', 'experiment.json', 'data/x_train.npy', 'data/x_val.npy', 'weights.npz', 'browser_val_pred.npz', ...perTask].sort(),
    );
    const npz = unzipSync(files['weights.npz']);
    expect(Object.keys(npz).sort()).toEqual(['d1/0.npy', 'd1/1.npy']);
    expect(JSON.parse(strFromU8(files['experiment.json']))).toEqual(cfg);
  });

  it('leaves out weights without a finished run', () => {
    const files = projectFiles({ config: cfg, data, modelPy: '', weightKey: key });
    expect(files['weights.npz']).toBeUndefined();
    expect(files['browser_val_pred.npz']).toBeUndefined();
  });

  it('README gives the two commands and evaluate', () => {
    const readme = strFromU8(projectFiles({ config: cfg, data, modelPy: '', weightKey: key })['README.md']);
    expect(readme).toContain('python train.py');
    expect(readme).toContain('torchrun --nproc_per_node=2 train.py');
    expect(readme).toContain('python evaluate.py');
  });

  it('train.py has the flags --steps --device --out --lr --batch-size --seed', () => {
    for (const flag of ['--steps', '--device', '--out', '--lr', '--batch-size', '--seed']) expect(trainPy).toContain(`p.add_argument('${flag}'`);
  });

  it('exports exactly the labels the browser trains on: noisy, NaN rows masked and zeroed', () => {
    const t = cfg.tasks[0];
    const y = data.yTrain[t.id];
    const nan = Array.from(y.subarray(0, data.nTrain)).filter(Number.isNaN).length;
    expect(nan).toBe(Math.round(0.5 * data.nTrain));
    const a = labelArrays(t, y, data.nTrain);
    const mask = a.mask.values as Float32Array;
    const lab = a.y.values;
    for (let i = 0; i < data.nTrain; i++) {
      expect(mask[i]).toBe(Number.isNaN(y[i]) ? 0 : 1);
      expect(Number(lab[i])).toBe(Number.isNaN(y[i]) ? 0 : y[i]);
    }
    const reg = cfg.tasks.find((x) => x.kind === 'regression')!;
    expect(labelArrays(reg, data.yVal[reg.id], data.nVal).y.dtype).toBe('<f4');
    expect(a.y.dtype).toBe('<i8');
    expect(Object.keys(dataFiles(cfg, data))).toContain(`data/mask_train_${t.id}.npy`);
  });
});
