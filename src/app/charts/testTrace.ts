/** The trace fields the chart tests read (plotly's own Data union is too wide to index). */
export interface TestTrace {
  type?: string;
  mode?: string;
  name?: string;
  x?: ArrayLike<unknown>;
  y?: ArrayLike<number>;
  yaxis?: string;
  text?: unknown;
  customdata?: ArrayLike<unknown>;
  hovertemplate?: string;
  showlegend?: boolean;
  visible?: unknown;
  selectedpoints?: unknown;
  marker?: { size?: unknown; color?: unknown; symbol?: unknown; line?: unknown; opacity?: unknown };
  line?: { color?: unknown; width?: unknown; dash?: unknown };
}
