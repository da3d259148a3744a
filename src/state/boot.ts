/** Initial experiment from the URL hash: a bad link gives the default experiment and a message, never a blank page. */
import { defaultExperiment, type ExperimentConfig } from '../model';
import { decodeExperiment, hashFor, payloadFromHash } from '../share';
import { decodeStudy, studyPayloadFromHash } from '../share/study';
import type { StudyConfig } from '../model';
import type { Banner } from './store';

export interface Boot {
  config: ExperimentConfig;
  banner: Banner | null;
  /** true when `config` came from a valid link (not the default for a missing or bad one) */
  fromLink: boolean;
  /** a study link's study (its base experiment is `config`), shown in the Studies panel ready to run */
  study?: StudyConfig;
}

/** Decode the experiment a location hash carries (or the default when it carries none); `onBad` ends a bad link's message. */
export function bootFromHash(hash: string, onBad = 'Showing the default experiment.'): Boot {
  const payload = payloadFromHash(hash);
  const bad = (text: string): Boot => ({ config: defaultExperiment(), banner: { kind: 'error', text: `${text} ${onBad}` }, fromLink: false });
  const studyText = studyPayloadFromHash(hash);
  if (studyText !== null) {
    const st = decodeStudy(studyText);
    if (!st.ok) return bad(`This study link could not be opened: ${st.error}`);
    return { config: st.study.base, study: st.study, fromLink: true, banner: { kind: 'info', text: `Opened the shared study “${st.study.name}”: its setup is in the Studies panel, ready to run.` } };
  }
  if (payload === null) {
    if (hash && hash !== '#') return bad('This link holds no experiment.');
    return { config: defaultExperiment(), banner: null, fromLink: false };
  }
  const res = decodeExperiment(payload);
  if (!res.ok) return bad(`This link could not be opened: ${res.error}`);
  const opened = (text: string): Boot => ({ config: res.config, banner: { kind: 'info', text }, fromLink: true });
  if (res.warnings.length) return opened(`Opened the shared experiment with changes: ${res.warnings.join(' ')}`);
  const ds = res.config.dataset;
  // The link carries only the CSV's column choices: the visitor brings the file.
  if (ds.kind === 'csv')
    return opened(`Opened a shared experiment on a CSV file. Its data is not part of the link: upload “${ds.fileName || 'the CSV file'}” in the Data panel to preview and train.`);
  return opened('Opened a shared experiment.');
}

/** The full share URL for a config, based on the current page URL without its hash. */
export function shareUrlFor(cfg: ExperimentConfig, href: string): string {
  return href.split('#')[0] + hashFor(cfg);
}
