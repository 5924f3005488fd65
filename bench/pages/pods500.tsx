// Bench-only page (not part of the app): the real Stage over a lab of 20 workers where
// the lesson's command line also creates a 500-replica Deployment, so the budget
// "p95 frame ≤ 33 ms with 20 workers and 500 pods" can be measured before the app
// offers such a lab. The bench drives the player through window.__bench.
import { useSelector } from '@xstate/react';
import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { podCreate } from '../../src/lessons';
import { LessonPlayer } from '../../src/player';
import { useAnimationLoop, useFrame } from '../../src/view/hooks';
import { wideLayout } from '../../src/view/layout';
import { Stage } from '../../src/view/Stage';
import { busyLabDriver } from './busyLab';
import '../../src/view/app.css';

const lp = new LessonPlayer(podCreate, 1, busyLabDriver(20, 500));
(window as unknown as { __bench: LessonPlayer }).__bench = lp;

function Bench() {
  useAnimationLoop(lp);
  const frame = useFrame(lp);
  const step = useSelector(lp.tour, (s) => s.context.step);
  const workers = frame.components.filter((c) => c.id.startsWith('kubelet@')).map((c) => c.host ?? '');
  const key = workers.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the workers' names are the key
  const layout = useMemo(() => wideLayout(workers), [key]);
  return (
    <div className="app theme-light">
      <main className="layout">
        <section className="stage" aria-label="Stage">
          <Stage
            lp={lp}
            lesson={podCreate}
            frame={frame}
            layout={layout}
            lang="en"
            view="watch"
            step={step}
            node={undefined}
            motion
            presenter={false}
            fontBase={15}
          />
        </section>
      </main>
    </div>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Bench />);
