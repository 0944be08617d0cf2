/** A chart's legend as a row of toggle buttons: click an item to hide or show its trace. */
import { useState } from 'react';
import type { LegendItem } from './chartLegend';

export function useHiddenTraces(): [ReadonlySet<string>, (name: string) => void] {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const toggle = (name: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  return [hidden, toggle];
}

interface ChartLegendProps {
  items: LegendItem[];
  hidden: ReadonlySet<string>;
  onToggle: (name: string) => void;
}

export function ChartLegend({ items, hidden, onToggle }: ChartLegendProps) {
  return (
    <ul className="chart-legend" aria-label="legend">
      {items.map((item) => (
        <li key={item.name}>
          <button
            type="button"
            aria-pressed={!hidden.has(item.name)}
            title={hidden.has(item.name) ? 'show' : 'hide'}
            onClick={() => onToggle(item.name)}
          >
            <span
              className={`legend-mark legend-${item.mark.replace('+', '-')}${item.dashed ? ' legend-dashed' : ''}`}
              style={{ color: item.color }}
            />
            {/* Plotly's own legend's class name: selectors written for it still find the names. */}
            <span className="legendtext">{item.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
