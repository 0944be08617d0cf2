import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { exposePlayground } from './playgroundSnapshot';
import { usePlayground } from './store';
import { startWorker } from './trainingClient';
import './styles.css';

exposePlayground();
startWorker(usePlayground.getState().runConfig);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
