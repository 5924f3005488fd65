import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { pageOptions } from './embed/page';
import { Poster } from './view/poster/Poster';
import './view/app.css';

// The app (simulation, player, lessons) is a chunk of its own: the first page carries
// React and the poster, which paints the lab at once and stands until the app is here.
const App = lazy(() => import('./view/App').then((m) => ({ default: m.App })));
// The shells' code, which the app asks for once it has drawn, fetched beside the app's
// chunk rather than after it: the tour can be walked one round trip sooner.
void import('./lessons/sessionDriver');

const root = document.getElementById('root');
if (root) {
  const options = pageOptions();
  createRoot(root).render(
    <StrictMode>
      <Suspense fallback={<Poster options={options} search={location.search} />}>
        <App options={options} />
      </Suspense>
    </StrictMode>,
  );
}
