import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pageOptions } from './embed/page';
import { App } from './view';
import './view/app.css';

const root = document.getElementById('root');
if (root) {
  const options = pageOptions();
  createRoot(root).render(
    <StrictMode>
      <App options={options} />
    </StrictMode>,
  );
}
