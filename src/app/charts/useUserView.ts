/**
 * A zoomable chart's view: the app's (`appView`) until the user zooms or pans, then the user's
 * until a double-click brings the app's back, or until the axes change type (a log switch).
 * Plotly's own double-click, autoscale and reset buttons would return to the first view the chart
 * ever had, or autorange over traces that the canvas draws instead, so they are replaced. The
 * figures carry no `uirevision`: the view drawn is always the one chosen here.
 */
import { useCallback, useRef, useState } from 'react';
import type { Config, PlotlyHTMLElement } from 'plotly.js-dist-min';
import { axisTypesOf, withAxesView, type AxesView } from './axesView';
import { currentAxisRanges } from './planePicking';
import { rangesOfRelayout } from './planeView';
import type { Figure } from './PlotlyChart';

export const USER_VIEW_CONFIG: Partial<Config> = {
  doubleClick: false,
  modeBarButtonsToRemove: ['autoScale2d', 'resetScale2d'],
};

const listeningPlots = new WeakSet<HTMLElement>();

export function useUserView(appView: AxesView | null | undefined) {
  const userView = useRef<{ view: AxesView; axisTypes: string } | null>(null);
  const drawnAxisTypes = useRef('');
  // Bumped by a double-click, so the chart redraws on the app's view.
  const [resets, setResets] = useState(0);

  /** The figure to draw now: on the user's view while it holds, else on the app's. */
  const figureToDraw = useCallback(
    (figure: Figure): Figure => {
      if (appView === undefined) return figure;
      const axisTypes = axisTypesOf(figure);
      drawnAxisTypes.current = axisTypes;
      if (userView.current && userView.current.axisTypes !== axisTypes) userView.current = null;
      return withAxesView(figure, userView.current?.view ?? appView);
    },
    [appView],
  );

  const followUser = useCallback(
    (plot: PlotlyHTMLElement) => {
      if (appView === undefined || listeningPlots.has(plot)) return;
      listeningPlots.add(plot);
      // A drag or a mode-bar zoom reports 'xaxis.range[0]' and the like; the chart's own range
      // updates report 'xaxis.range', so they are not taken for the user's.
      plot.on('plotly_relayout', (event) => {
        const ranges = rangesOfRelayout(event, currentAxisRanges(plot));
        if (ranges) userView.current = { view: ranges, axisTypes: drawnAxisTypes.current };
      });
      // Plotly's drag layer swallows the native dblclick; with its own reset off it still reports one.
      plot.on('plotly_doubleclick', () => {
        userView.current = null;
        setResets((count) => count + 1);
      });
    },
    [appView],
  );

  return { figureToDraw, followUser, resets };
}
