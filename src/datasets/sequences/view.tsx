/** The token sequences' part of the Data panel: sizes, length, vocabulary; the first sequences as coloured strips. */
import type { DatasetArrays, TaskSpec } from '../../model';
import { useApp } from '../../state';
import { fmtLabel } from '../../ui/panels/DataPreviews';
import { SizeFields } from '../../ui/panels/DatasetControls';
import type { DatasetView } from '../../ui/panels/datasetView';
import { NumberField } from '../../ui/panels/NumberField';
import { CLASS_COLOURS } from '../../ui/panels/ScatterPreview';
import type { SequencesConfig } from './schema';

function Controls({ ds }: { ds: SequencesConfig }) {
  const update = useApp((s) => s.update);
  return (
    <>
      <SizeFields ds={ds} />
      <NumberField label="Length" testId="seq-length" integer value={ds.length} min={3} max={64} onCommit={(v) => update((d) => void (d.dataset.kind === 'sequences' && (d.dataset.length = v)))} />
      <NumberField label="Vocabulary" testId="seq-vocab" integer value={ds.vocab} min={4} max={64} onCommit={(v) => update((d) => void (d.dataset.kind === 'sequences' && (d.dataset.vocab = v)))} />
    </>
  );
}

/** The first training sequences as coloured token strips, with each task's label. */
function TokenStrips({ data, tasks, count = 8 }: { data: DatasetArrays; tasks: TaskSpec[]; count?: number }) {
  const L = data.inputDim;
  const n = Math.min(count, data.nTrain);
  return (
    <div className="token-strips" data-testid="preview-tokens">
      <div className="token-legend">A = 0, B = 1; motif = 2 3 2</div>
      {Array.from({ length: n }, (_, i) => (
        <div key={i} className="token-row">
          {Array.from(data.xTrain.subarray(i * L, (i + 1) * L), (tok, j) => (
            <span key={j} className="token" style={{ background: CLASS_COLOURS[tok % CLASS_COLOURS.length] }}>
              {tok}
            </span>
          ))}
          <span className="token-labels">{tasks.map((t) => `${t.name.split(' ')[0]}:${fmtLabel(data.yTrain[t.id]?.[i])}`).join(' ')}</span>
        </div>
      ))}
    </div>
  );
}

declare module '../../ui/panels/datasetView' {
  interface DatasetViewKinds {
    sequences: true;
  }
}

export const view: DatasetView<'sequences'> = { kind: 'sequences', Controls, Preview: TokenStrips };
