import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { pageOptions } from './embed/page';
import { liveStart } from './live/detect';
import type { AppOptions } from './view/appOptions';
import { Poster } from './view/poster/Poster';
import './view/app.css';

// Beside a Kubernetes API (the page served by `kubectl proxy --www`) or named one by
// ?api=, the page watches that cluster; its code loads only then. Asked at once, while
// the app's chunk loads, so a page on a static host waits for nothing more than before.
// Served by `npm run api`, index.html says so (a <meta> marker): the page replays and follows
// that server's lab, and does not look for an API beside it (that API wants a token).
const marker = document.querySelector('meta[name="podscope-attached"]')?.getAttribute('content');
const attached =
  marker != null
    ? import('./embed/attached/load').then((m) => m.loadAttached(new URL(marker, location.href).href))
    : undefined;
const live = attached
  ? Promise.resolve(undefined)
  : liveStart(location.search, location.href, (input, init) => fetch(input, init));
// The app (simulation, player, lessons) is a chunk of its own: the first page carries
// React and the poster, which paints the lab at once and stands until the app is here.
const app = import('./view/App');
const App = lazy(async () => {
  const start = await live;
  if (start) {
    const m = await import('./live/LiveApp');
    return { default: () => <m.LiveApp start={start} search={location.search} /> };
  }
  const { App } = await app;
  const lab = await attached;
  if (lab === undefined) return { default: App };
  // Not reachable (the server stopped): the page says so and is the simulated lab on its own.
  if (typeof lab === 'string')
    return {
      default: (p: { options: AppOptions }) => <App options={{ ...p.options, attachError: lab }} />,
    };
  return { default: (p: { options: AppOptions }) => <App options={{ ...p.options, attached: lab }} /> };
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
