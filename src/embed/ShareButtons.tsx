// "Share" and "Export" in the header. Only the two buttons are in the first page; the
// dialog and the exporter load when one is pressed.
import { lazy, Suspense, useState } from 'react';
import type { HeaderContext } from '../view/appOptions';
import { shareText } from './shareText';

const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));

export function ShareButtons(ctx: HeaderContext) {
  const [open, setOpen] = useState<'share' | 'export' | undefined>();
  const t = shareText[ctx.lang];
  return (
    <span className="share-buttons">
      <button type="button" onClick={() => setOpen('share')} aria-haspopup="dialog">
        {t.share}
      </button>
      <button type="button" onClick={() => setOpen('export')} aria-haspopup="dialog">
        {t.export}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog {...ctx} focus={open} onClose={() => setOpen(undefined)} />
        </Suspense>
      )}
    </span>
  );
}
