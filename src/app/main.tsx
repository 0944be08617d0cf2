import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ensureCrossOriginIsolation } from '../serviceWorker/registerIsolation';
import { App } from './App';
import { exposePlayground } from './playgroundSnapshot';
import { usePlayground } from './store';
import { startWorker } from './trainingClient';
import './styles.css';

function startApp(): void {
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
}

// Isolation first (WASM threads need it): on hosts without the headers the page may reload once.
void ensureCrossOriginIsolation().then((reloading) => {
  if (!reloading) startApp();
});
