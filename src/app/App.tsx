/** Page layout: on a 1280×720 projector, controls, loss, grid and scatter show without scrolling. */
import { ControlsPanel } from './panels/Controls/ControlsPanel';
import { DatasetPreviewPanel } from './panels/DatasetPreview/DatasetPreviewPanel';
import { ErrorMapsPanel } from './panels/ErrorMaps/ErrorMapsPanel';
import { FeatureMapsPanel } from './panels/FeatureMaps/FeatureMapsPanel';
import { ExplanationDialog } from './panels/Explanation/ExplanationDialog';
import { LatentScatterPanel } from './panels/LatentScatter/LatentScatterPanel';
import { ManifoldView } from './panels/LatentScatter/ManifoldView';
import { LossChartPanel } from './panels/LossChart/LossChartPanel';
import { MetricsPanel } from './panels/Metrics/MetricsPanel';
import { RobustnessPanel } from './panels/NoiseRobustness/RobustnessPanel';
import { ReconstructionGridPanel } from './panels/ReconstructionGrid/ReconstructionGridPanel';
import { ResumeOffer } from './panels/RunFiles/ResumeOffer';
import { RunFilesPanel } from './panels/RunFiles/RunFilesPanel';
import { RunsPanel } from './panels/Runs/RunsPanel';
import { StatusBar } from './panels/StatusBar/StatusBar';
import './panels/panels.css';

export function App() {
  return (
    <div className="app">
      <StatusBar />
      <ResumeOffer />
      <ExplanationDialog />
      <main className="layout">
        <div className="column controls-column">
          <ControlsPanel />
          <RunFilesPanel />
        </div>
        <div className="column center-column">
          <LossChartPanel />
          <ReconstructionGridPanel />
        </div>
        <div className="column right-column">
          <LatentScatterPanel />
        </div>
      </main>
      <div className="below-fold">
        <RunsPanel />
        <MetricsPanel />
        <ErrorMapsPanel />
        <RobustnessPanel />
        <ManifoldView />
        <FeatureMapsPanel />
        <DatasetPreviewPanel />
      </div>
    </div>
  );
}
