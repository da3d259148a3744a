/**
 * Error boundaries: a render error in one panel shows what broke and a way out, instead of unmounting the page.
 * The app-level one offers the default experiment (the experiment itself is what may fail to render).
 */
import { Component, type ReactNode } from 'react';
import { defaultExperiment } from '../../model';
import { experimentJson, useAppStore, type AppState } from '../../state';
import { saveFile } from '../panels/DownloadLink';

interface Props {
  /** what the boundary guards, in words ("the graph editor") */
  name: string;
  children: ReactNode;
}

interface BoundaryProps extends Props {
  onOpenDefault(): void;
  /** true when the error was dealt with (the page fell back to the default experiment): the boundary shows its children again */
  onCaught(error: Error): boolean;
}

class Boundary extends Component<BoundaryProps, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown) {
    console.error(`${this.props.name} failed to render:`, error);
    if (this.props.onCaught(error instanceof Error ? error : new Error(String(error)))) this.setState({ error: null });
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-error" role="alert" data-testid="panel-error">
        <strong>Something in {this.props.name} broke.</strong>
        <code>{error.message.slice(0, 300)}</code>
        <div className="row">
          <button type="button" data-testid="panel-error-reset" onClick={() => this.setState({ error: null })}>
            Reset this panel
          </button>
          <button
            type="button"
            data-testid="panel-error-default"
            onClick={() => {
              this.props.onOpenDefault();
              this.setState({ error: null });
            }}
          >
            Open the default experiment
          </button>
        </div>
      </div>
    );
  }
}

/**
 * When the experiment start-up restored from storage is what fails to render (nothing edited since), show the
 * default instead and keep the stored one (not overwritten by the autosave), with a banner to download it; true if so.
 */
export function fallBackFromStored(store: { getState(): AppState; setState(p: Partial<AppState>): void }, where: string, error: Error): boolean {
  const s = store.getState();
  if (!s.startup || s.startup.fellBack || s.config !== s.startup.shown) return false;
  const { stored } = s.startup;
  s.setConfig(defaultExperiment());
  s.clearHistory();
  store.setState({ startup: { stored, shown: store.getState().config, fellBack: true } });
  s.setBanner({
    kind: 'error',
    text: `The saved experiment could not be shown (${where}: ${error.message.slice(0, 160)}), so this is the default experiment. The saved one is kept until you edit this one: download it as JSON to keep it.`,
    action: { label: 'Download the stored experiment as JSON', run: () => saveFile('stored-experiment.json', experimentJson(stored), 'application/json') },
  });
  return true;
}

/** Guards one panel (or the whole page) with "reset this panel" and "open the default experiment". */
export function ErrorBoundary({ name, children }: Props) {
  const store = useAppStore();
  const openDefault = () => {
    store.getState().setConfig(defaultExperiment());
    store.getState().setBanner({ kind: 'info', text: 'Opened the default experiment after a display error.' });
  };
  return (
    <Boundary name={name} onOpenDefault={openDefault} onCaught={(error) => fallBackFromStored(store, name, error)}>
      {children}
    </Boundary>
  );
}
