import './styles.css';
import './i18n';

import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';

import { restoreSession } from './app/api-client';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Ask for the session at once, in parallel with the first page's code, rather than after the first render.
void restoreSession();

createRoot(container).render(
  <StrictMode>
    {/* The English catalogue is fetched on demand; nothing is shown until the chosen language is ready. */}
    <Suspense fallback={null}>
      <App />
    </Suspense>
  </StrictMode>,
);
