/**
 * Property-based fuzzing of every entry point a user's bytes reach (issue 16): share links, experiment JSON,
 * CSV files and tfjs weight files. Each generated hostile input must end in a valid experiment or a clear message,
 * never an exception, a polluted prototype or a config the graph analysis chokes on. Counts add up to > 10,000
 * per run together with src/state/storedRuns.fuzz.test.ts.
 */
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { analyzeGraph, datasetInputDim, defaultExperiment, type ExperimentConfig } from '../model';
import { decodeExperiment, encodeExperiment, parseExperiment, type DecodeResult } from './codec';
import { defaultCsvConfig, numericTypos, summariseColumns } from './csv';
import { parseCsv } from './csvParse';
import { decodeTfjsWeights, encodeTfjsWeights } from './tfjsWeights';

const SEED = 20261202;
const RESERVED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf'];

/** Values a hostile file or link might carry in any slot. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...RESERVED),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53, 1e-320, '', ' ', 'NaN', 'Infinity', '=1+1', '<script>alert(1)</script>'),
  fc.string({ maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.constant('x'.repeat(5000)),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom(...RESERVED, 'a', 'id', 'kind'), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 3 }),
  fc.constant({ __proto__: { polluted: 1 } }),
);

/** Every [path, container] slot of a JSON value, objects and arrays included. */
function slots(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => slots(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) slots((v as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

/** A copy of `base` with the value at one path replaced, a key renamed, or an entry deleted. */
function mutate(base: unknown, path: (string | number)[], op: 'set' | 'rename' | 'delete', value: unknown): unknown {
  const root = JSON.parse(JSON.stringify(base)) as unknown;
  if (path.length === 0) return op === 'set' ? value : root;
  let parent = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (op === 'set') parent[last] = value;
  else if (op === 'delete') delete parent[last];
  else if (!Array.isArray(parent)) {
    const v = parent[last];
    delete parent[last];
    Object.defineProperty(parent, (typeof value === 'string' ? value : JSON.stringify(value) ?? 'undefined').slice(0, 64), { value: v, enumerable: true, configurable: true, writable: true });
  }
  return root;
}

const baseConfigs: ExperimentConfig[] = (() => {
  const a = defaultExperiment();
  const b = defaultExperiment();
  b.weighting = { kind: 'fixed', params: {}, weights: { side: 1, zone: 2, height: 0.5 } };
  b.schedule = { phase1Steps: 10, phase1Tasks: ['side'], freezeInPhase2: ['d1'] };
  b.warmStart = { runId: 'r1', runName: 'old', nodes: ['d1'] };
  return [a, b];
})();

/** The contract of a decode: never throws; a success is a config that re-validates and analyses; a failure is a short message with the default experiment. */
function checkDecode(res: DecodeResult): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  if (res.ok) {
    const again = parseExperiment(JSON.parse(JSON.stringify(res.config)));
    expect(again.ok).toBe(true);
    const a = analyzeGraph(res.config.graph, { inputDim: datasetInputDim(res.config.dataset), tasks: res.config.tasks });
    expect(typeof a.ok).toBe('boolean');
    if (!a.ok) expect(a.firstError).toMatch(/\S/);
    // What the editor reads per node must be absent or of its type, whatever the id.
    for (const n of res.config.graph.nodes) {
      const errs = a.nodeErrors[n.id];
      expect(errs === undefined || Array.isArray(errs), n.id).toBe(true);
      const shape = a.shapes[n.id];
      expect(shape === null || Array.isArray(shape), n.id).toBe(true);
      expect(['undefined', 'string'], n.id).toContain(typeof a.warnings[n.id]);
    }
  } else {
    expect(res.error).toMatch(/\S/);
    expect(res.error.length).toBeLessThan(2000);
    expect(res.config).toEqual(defaultExperiment());
  }
}

const structured = fc.record({
  base: fc.constantFrom(...baseConfigs),
  pick: fc.nat(),
  op: fc.constantFrom('set' as const, 'set' as const, 'rename' as const, 'delete' as const),
  value: hostile,
});
const mutatedConfig = structured.map(({ base, pick, op, value }) => {
  const all = slots(base);
  return mutate(base, all[pick % all.length], op, value);
});

describe('fuzz: share links', () => {
  it('random text after the version prefix (1,000 links)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => checkDecode(decodeExperiment(`v1.${s}`))), { numRuns: 1000, seed: SEED });
  });

  it('valid links with characters flipped, cut or inserted (1,500 links)', () => {
    const links = baseConfigs.map(encodeExperiment);
    const edit = fc.record({ link: fc.constantFrom(...links), at: fc.nat(), cut: fc.nat({ max: 20 }), ins: fc.string({ maxLength: 8 }) });
    fc.assert(
      fc.property(edit, ({ link, at, cut, ins }) => {
        const i = 3 + (at % (link.length - 3));
        checkDecode(decodeExperiment(link.slice(0, i) + ins + link.slice(i + cut)));
      }),
      { numRuns: 1500, seed: SEED },
    );
  });

  it('well-formed links whose experiment is mutated at a random place (2,000 links)', () => {
    fc.assert(
      fc.property(mutatedConfig, (raw) => checkDecode(decodeExperiment(`v1.${compressToEncodedURIComponent(JSON.stringify(raw))}`))),
      { numRuns: 2000, seed: SEED },
    );
  });
});

describe('fuzz: experiment JSON files', () => {
  it('mutated experiments (2,000 files) and arbitrary JSON values (1,000 files)', () => {
    fc.assert(fc.property(mutatedConfig, (raw) => checkDecode(parseExperiment(raw))), { numRuns: 2000, seed: SEED });
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (raw) => checkDecode(parseExperiment(raw))), { numRuns: 1000, seed: SEED });
  });

  it('a bad file never changes a prototype, whatever its keys', () => {
    const res = parseExperiment(JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}'));
    // Missing sections are filled from the defaults (with warnings); the hostile keys go nowhere.
    checkDecode(res);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('fuzz: CSV uploads', () => {
  const cell = fc.oneof(
    fc.constantFrom('', ' ', '1', '-2.5', '1e308', '-1e309', 'NaN', 'Infinity', 'a', 'b', '=cmd', '"q"', 'x,y', '__proto__', 'constructor'),
    fc.string({ maxLength: 6 }),
    fc.double().map(String),
  );
  const csvText = fc
    .record({ cols: fc.integer({ min: 0, max: 6 }), rows: fc.integer({ min: 0, max: 12 }), sep: fc.constantFrom(',', ',', ';', '\t'), eol: fc.constantFrom('\n', '\r\n') })
    .chain(({ cols, rows, sep, eol }) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols + 1 }), { minLength: rows, maxLength: rows }).map((grid) => grid.map((r) => r.join(sep)).join(eol)),
    );
  it('random tables (1,500 files) give a table with a default config, or a message', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const res = parseCsv(text, 'f.csv');
        if (!res.ok) {
          expect(res.message).toMatch(/^f\.csv: \S/);
          return;
        }
        summariseColumns(res.table);
        numericTypos(res.table);
        const cfg = defaultCsvConfig(res.table);
        if (typeof cfg === 'string') expect(cfg).toMatch(/\S/);
        else {
          const exp = { ...defaultExperiment(), dataset: cfg };
          // A csv experiment round-trips through the share schema (column names are user text too).
          const back = parseExperiment(JSON.parse(JSON.stringify(exp)));
          if (!back.ok) expect(back.error).toMatch(/reserved name|invalid/);
        }
      }),
      { numRuns: 1500, seed: SEED },
    );
  });
});

describe('fuzz: tfjs weight files', () => {
  const cfg = defaultExperiment();
  const weights = [{ nodeId: 'd1', tensors: [{ shape: [2, 16], values: new Float32Array(32).fill(0.5) }, { shape: [16], values: new Float32Array(16) }] }];
  const good = encodeTfjsWeights(cfg, weights as never);
  const goodJson = JSON.parse(good.modelJson) as unknown;
  const jsonSlots = slots(goodJson);
  it('mutated model.json and cut or padded weights.bin (1,000 pairs) load or throw a plain message', () => {
    const pair = fc.record({ pick: fc.nat(), op: fc.constantFrom('set' as const, 'rename' as const, 'delete' as const), value: hostile, cut: fc.integer({ min: -8, max: 8 }) });
    fc.assert(
      fc.property(pair, ({ pick, op, value, cut }) => {
        const json = JSON.stringify(mutate(goodJson, jsonSlots[pick % jsonSlots.length], op, value));
        const bin = cut >= 0 ? good.bin.slice(0, good.bin.length - cut) : new Uint8Array([...good.bin, ...new Uint8Array(-cut)]);
        try {
          const out = decodeTfjsWeights(json, bin);
          expect(Array.isArray(out.weights)).toBe(true);
        } catch (e) {
          // A clear message of our own, not an engine TypeError/RangeError.
          expect(e).toBeInstanceOf(Error);
          expect((e as Error).constructor).toBe(Error);
          expect((e as Error).message).toMatch(/\S/);
        }
      }),
      { numRuns: 1000, seed: SEED },
    );
  });
});
