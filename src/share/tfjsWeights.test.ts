import { describe, expect, it } from 'vitest';
import { defaultExperiment, type NodeWeights } from '../model';
import { decodeExperiment, encodeExperiment, parseExperiment } from './codec';
import { decodeTfjsWeights, encodeTfjsWeights } from './tfjsWeights';

const W: NodeWeights[] = [
  { id: 'in', kind: 'input', tensors: [] },
  {
    id: 'd1',
    kind: 'dense',
    tensors: [
      { shape: [2, 1], values: Float32Array.from([1, -2]) },
      { shape: [1], values: Float32Array.from([0.5]) },
    ],
  },
  { id: 'head_side', kind: 'head', tensors: [{ shape: [1, 1], values: Float32Array.from([-0]) }] },
];

describe('tfjs weights files', () => {
  it('encodes the tf.io manifest and little-endian float32 bytes, worked by hand', () => {
    const cfg = defaultExperiment();
    const { modelJson, bin } = encodeTfjsWeights(cfg, W, 'test');
    const json = JSON.parse(modelJson);
    expect(json.format).toBe('mtl-playground');
    expect(json.generatedBy).toBe('test');
    expect(json.modelTopology).toEqual(cfg);
    expect(json.weightsManifest).toEqual([
      {
        paths: ['weights.bin'],
        weights: [
          { name: 'd1/0', shape: [2, 1], dtype: 'float32' },
          { name: 'd1/1', shape: [1], dtype: 'float32' },
          { name: 'head_side/0', shape: [1, 1], dtype: 'float32' },
        ],
      },
    ]);
    // 1 = 0x3f800000, −2 = 0xc0000000, 0.5 = 0x3f000000, −0 = 0x80000000; least significant byte first.
    expect(Array.from(bin)).toEqual([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0, 0, 0, 0, 0x3f, 0, 0, 0, 0x80]);
  });

  it('round-trips: decode(encode(w)) has the same nodes, kinds, shapes and bits', () => {
    const values = new Float32Array(37).map((_, i) => Math.sin(i) * 1e-3 + (i % 5 === 0 ? NaN : 0));
    const w: NodeWeights[] = [...W, { id: 'with/slash', kind: 'dense', tensors: [{ shape: [37], values }] }];
    const { modelJson, bin } = encodeTfjsWeights(defaultExperiment(), w);
    const back = decodeTfjsWeights(modelJson, bin.buffer as ArrayBuffer);
    expect(back.config).toEqual(defaultExperiment());
    // nodes without tensors have no manifest entry, so they do not come back
    expect(back.weights.map((n) => [n.id, n.kind, n.tensors.map((t) => t.shape)])).toEqual([
      ['d1', 'dense', [[2, 1], [1]]],
      ['head_side', 'head', [[1, 1]]],
      ['with/slash', '', [[37]]],
    ]);
    const u32 = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
    expect(u32(back.weights[2].tensors[0].values)).toEqual(u32(values));
    expect(u32(back.weights[1].tensors[0].values)).toEqual([0x80000000]);
  });

  it('refuses a truncated or mismatched weights.bin with the byte counts', () => {
    const { modelJson, bin } = encodeTfjsWeights(defaultExperiment(), W);
    expect(() => decodeTfjsWeights(modelJson, bin.slice(0, 10))).toThrow('weights.bin has 10 bytes but model.json describes 16 (3 float32 tensors): the file is truncated or belongs to another model.json.');
    expect(() => decodeTfjsWeights(modelJson, new Uint8Array(20))).toThrow(/has 20 bytes but model.json describes 16.*another model\.json/);
  });

  it('refuses malformed model.json files with clear messages', () => {
    const { modelJson, bin } = encodeTfjsWeights(defaultExperiment(), W);
    const edit = (fn: (j: any) => void) => {
      const j = JSON.parse(modelJson);
      fn(j);
      return JSON.stringify(j);
    };
    expect(() => decodeTfjsWeights('{oops', bin)).toThrow('model.json is not valid JSON.');
    expect(() => decodeTfjsWeights('[]', bin)).toThrow('must hold a JSON object');
    expect(() => decodeTfjsWeights(edit((j) => (j.format = 'keras')), bin)).toThrow(/not an MTL Playground weights file/);
    expect(() => decodeTfjsWeights(edit((j) => delete j.weightsManifest), bin)).toThrow('model.json has no weightsManifest.');
    expect(() => decodeTfjsWeights(edit((j) => (j.weightsManifest[0].weights[0].dtype = 'int32')), bin)).toThrow(/dtype "int32"; only float32/);
    expect(() => decodeTfjsWeights(edit((j) => (j.weightsManifest[0].weights[0].shape = [2, -1])), bin)).toThrow('weight d1/0 has an invalid shape');
    expect(() => decodeTfjsWeights(edit((j) => (j.weightsManifest[0].weights[1].name = 'd1/5')), bin)).toThrow('weight d1/5 is out of order (expected d1/1)');
  });

  it('keeps the weights when the topology is not a valid experiment (config null, kinds unknown)', () => {
    const { modelJson, bin } = encodeTfjsWeights(defaultExperiment(), W);
    const j = JSON.parse(modelJson);
    j.modelTopology = { something: 'else' };
    const back = decodeTfjsWeights(JSON.stringify(j), bin);
    expect(back.config).toBeNull();
    expect(back.weights.map((n) => [n.id, n.kind])).toEqual([
      ['d1', ''],
      ['head_side', ''],
    ]);
  });
});

describe('schema: warmStart and schedule', () => {
  it('round-trip through a share payload and JSON', () => {
    const cfg = defaultExperiment();
    cfg.warmStart = { runId: 'run-abc', runName: 'Equal · Three tasks #1', nodes: ['d1', 'd2'] };
    cfg.schedule = { phase1Steps: 300, phase1Tasks: ['side'], freezeInPhase2: ['d1'] };
    const res = decodeExperiment(encodeExperiment(cfg));
    expect(res.ok).toBe(true);
    expect(res.config).toEqual(cfg);
    expect(parseExperiment(JSON.parse(JSON.stringify(cfg))).config).toEqual(cfg);
  });

  it('stay absent when absent, and bad values are refused with their path', () => {
    const res = parseExperiment(JSON.parse(JSON.stringify(defaultExperiment())));
    expect(res.ok).toBe(true);
    expect('warmStart' in res.config || 'schedule' in res.config).toBe(false);
    const bad = { ...defaultExperiment(), schedule: { phase1Steps: -1, phase1Tasks: [], freezeInPhase2: [] } };
    const r = parseExperiment(bad);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/schedule\.phase1Steps/);
  });
});
