import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { pageOptions } from './embed/page';
import { liveStart } from './live/detect';
import { Poster } from './view/poster/Poster';
import './view/app.css';

// Beside a Kubernetes API (the page served by `kubectl proxy --www`) or named one by
// ?api=, the page watches that cluster; its code loads only then. Asked at once, while
// the app's chunk loads, so a page on a static host waits for nothing more than before.
const live = liveStart(location.search, location.href, (input, init) => fetch(input, init));
// The app (simulation, player, lessons) is a chunk of its own: the first page carries
// React and the poster, which paints the lab at once and stands until the app is here.
const app = import('./view/App');
const App = lazy(async () => {
  const start = await live;
  if (start) {
    const m = await import('./live/LiveApp');
    return { default: () => <m.LiveApp start={start} search={location.search} /> };
  }
  return { default: (await app).App };
});
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
