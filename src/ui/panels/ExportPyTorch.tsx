/** "Export → PyTorch": builds the project zip in the tab (store action) and downloads it; failures show in the banner. */
import { useState } from 'react';
import { useAppStore } from '../../state';
import { saveFile } from './DownloadLink';

/** runId null: the current experiment (with its newest matching finished run's weights); a run id: that run. */
export function ExportPyTorch({ runId = null, label = 'Export → PyTorch', testId = 'export-pytorch' }: { runId?: string | null; label?: string; testId?: string }) {
  const store = useAppStore();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      const out = await store.getState().exportPyTorch(runId);
      if (out) saveFile(out.fileName, out.bytes as BlobPart, 'application/zip');
    } finally {
      setBusy(false);
    }
  };
  const title =
    runId === null
      ? 'Download a PyTorch project (model.py, train.py for one machine or torchrun, evaluate.py, the exact data; the weights of the newest finished run of this experiment)'
      : "Download this run as a PyTorch project, with its trained weights when it finished";
  return (
    <button type="button" data-testid={testId} disabled={busy} aria-busy={busy} title={title} onClick={() => void onClick()}>
      {busy ? 'Exporting…' : label}
    </button>
  );
}
