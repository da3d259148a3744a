/**
 * Error boundaries: a render error in one panel shows what broke and a way out, instead of unmounting the page.
 * The app-level one offers the default experiment (the experiment itself is what may fail to render).
 */
import { Component, type ReactNode } from 'react';
import { defaultExperiment } from '../../model';
import { useApp } from '../../state';

interface Props {
  /** what the boundary guards, in words ("the graph editor") */
  name: string;
  children: ReactNode;
}

interface BoundaryProps extends Props {
  onOpenDefault(): void;
}

class Boundary extends Component<BoundaryProps, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown) {
    console.error(`${this.props.name} failed to render:`, error);
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

/** Guards one panel (or the whole page) with "reset this panel" and "open the default experiment". */
export function ErrorBoundary({ name, children }: Props) {
  const setConfig = useApp((s) => s.setConfig);
  const setBanner = useApp((s) => s.setBanner);
  const openDefault = () => {
    setConfig(defaultExperiment());
    setBanner({ kind: 'info', text: 'Opened the default experiment after a display error.' });
  };
  return (
    <Boundary name={name} onOpenDefault={openDefault}>
      {children}
    </Boundary>
  );
}
