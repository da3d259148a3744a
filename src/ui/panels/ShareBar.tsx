/** Header actions: Share (URL with the whole experiment) and reset to the default experiment. */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { defaultExperiment } from '../../model';
import { experimentJson, readExperimentJson, shareUrlFor, useApp, useAppStore, type AppStore } from '../../state';
import { safeName } from '../charts/PngButton';
import { DownloadLink } from './DownloadLink';
import { HistoryButtons } from './HistoryButtons';
import { ExportPyTorch } from './ExportPyTorch';

/** How long "Link copied" shows, ms. */
const COPIED_MS = 4000;

/** New: the default experiment, with an Undo in the message (and in the history). */
function newExperiment(store: AppStore) {
  const { config: before, setConfig, setBanner } = store.getState();
  setConfig(defaultExperiment());
  setBanner({ kind: 'info', text: 'Started a new experiment.', action: { label: 'Undo', run: () => store.getState().setConfig(before) } });
}

export function ShareBar() {
  const store = useAppStore();
  const name = useApp((s) => s.config.name);
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // "Link copied" is a passing confirmation: it fades; the URL box stays for copying by hand.
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(t);
  }, [copied]);
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be chosen again
    if (!file) return;
    const { setConfig, setBanner } = store.getState();
    const res = file.size > 2_000_000 ? ({ ok: false, error: `Could not import ${file.name}: it is too large.` } as const) : readExperimentJson(await file.text(), file.name);
    if (!res.ok) {
      setBanner({ kind: 'error', text: `${res.error} The current experiment is unchanged.` });
      return;
    }
    const before = store.getState().config;
    setConfig(res.config);
    window.history.replaceState(null, '', window.location.href.split('#')[0]);
    const undo = { label: 'Undo', run: () => store.getState().setConfig(before) };
    setBanner({ kind: 'info', text: `Imported ${file.name}.${res.warnings.length ? ` ${res.warnings.join(' ')}` : ''}`, action: undo });
  };
  const share = async () => {
    const u = shareUrlFor(store.getState().config, window.location.href);
    window.history.replaceState(null, '', u);
    setUrl(u);
    setCopied(false);
    try {
      await navigator.clipboard.writeText(u);
      setCopied(true);
    } catch {
      // Clipboard may be refused (no permission, insecure context); the URL is shown to copy by hand.
    }
  };
  return (
    <div className="share-bar">
      <input className="exp-name" aria-label="Experiment name" data-testid="exp-name" value={name} maxLength={200} onChange={(e) => store.getState().update((d) => void (d.name = e.target.value))} />
      <HistoryButtons />
      <button type="button" className="primary" data-testid="share" onClick={share}>
        Share
      </button>
      <DownloadLink
        file={() => experimentJson(store.getState().config)}
        name={`${safeName(name || 'experiment')}.json`}
        mime="application/json"
        testId="export-json"
        title="Save this experiment as a JSON file"
      >
        Export JSON
      </DownloadLink>
      <ExportPyTorch />
      <button type="button" data-testid="import-json" title="Open an experiment from a JSON file" onClick={() => fileInput.current?.click()}>
        Import JSON
      </button>
      <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="import-json-file" onChange={(e) => void importFile(e)} />
      <button
        type="button"
        data-testid="new-experiment"
        title="Replace the current experiment with the default one (Undo brings it back)"
        onClick={() => newExperiment(store)}
      >
        New
      </button>
      {url && (
        <div className="share-url">
          <input readOnly data-testid="share-url" value={url} onFocus={(e) => e.target.select()} />
          <span className="hint" data-testid="share-hint">{copied ? 'Link copied. ' : ''}The link holds the whole experiment; opening it reproduces it.</span>
        </div>
      )}
    </div>
  );
}
