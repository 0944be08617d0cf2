/** A titled panel with its one-line caption, the unit of the page layout. */
import { useRef, type ReactNode } from 'react';
import { CheckpointNote } from './CheckpointNote';
import { downloadPanelPng } from '../persistence/panelImage';
import { usePlayground } from '../store';
import { messageOf } from '../../shared/errorMessage';

interface PanelProps {
  title: string;
  caption: string;
  testId?: string;
  className?: string;
  actions?: ReactNode;
  /** The panel draws the model: it says so when that is a restored checkpoint. */
  showsModel?: boolean;
  children: ReactNode;
}

export function Panel({ title, caption, testId, className, actions, showsModel, children }: PanelProps) {
  const section = useRef<HTMLElement>(null);
  const reportError = usePlayground((state) => state.reportError);
  const savePng = () => {
    if (!section.current) return;
    downloadPanelPng(section.current, title).catch((error: unknown) =>
      reportError(`The ${title} panel could not be saved as PNG: ${messageOf(error)}`),
    );
  };
  return (
    <section ref={section} className={`panel ${className ?? ''}`} data-testid={testId} aria-label={title}>
      <header className="panel-header">
        <h2>{title}</h2>
        {actions}
        <button
          className="panel-png"
          onClick={savePng}
          title={`Save ${title} as PNG`}
          data-testid="panel-png"
        >
          PNG
        </button>
      </header>
      <p className="panel-caption">{caption}</p>
      {showsModel && <CheckpointNote />}
      {children}
    </section>
  );
}
