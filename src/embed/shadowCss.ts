// The app's stylesheets rewritten for a shadow root. `:root` and `body` are the page's,
// not ours: their rules go on the element's own wrapper and on the app's box. `rem`
// is the page's root font size: a documentation site with `html { font-size: 10px }`
// would shrink us, so every rem becomes a multiple of our own unit.
import { ROOT_CLASS } from './rootCss';

export function shadowCss(css: string): string {
  return (
    css
      // The app sets <html data-theme>; in the element the theme is the app box's class.
      .replace(/:root\[data-theme="?([\w-]+)"?\]/g, `.${ROOT_CLASS} .app.theme-$1`)
      .replace(/:root\b/g, `.${ROOT_CLASS}`)
      .replace(/(^|[\s,}])body(?=\s*[{,])/g, `$1.${ROOT_CLASS} .app`)
      .replace(/(-?(?:\d+\.?\d*|\.\d+))rem\b/g, 'calc($1 * var(--ps-rem))')
  );
}
