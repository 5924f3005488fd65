// The three things "Share" offers for the state on screen: a link, an iframe and an
// element, each pointing at the site the app was served from.

export interface Snippets {
  readonly link: string;
  readonly iframe: string;
  readonly element: string;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `pageUrl`: where the app is (location.href); `search`: the state's query string. */
export function snippets(pageUrl: string, search: string, title: string): Snippets {
  const page = new URL(pageUrl);
  const link = `${page.origin}${page.pathname}${search}`;
  const base = new URL('.', page).href;
  const iframeSrc = `${base}index.html${search}&embed=1`;
  const attrs = [...new URLSearchParams(search)].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  return {
    link,
    iframe:
      `<iframe src="${escapeAttr(iframeSrc)}" title="${escapeAttr(title)}" width="100%" height="720"` +
      ` loading="lazy" style="border:0"></iframe>`,
    element:
      `<script src="${base}embed/pod-lifecycle-animator.js" defer></script>\n` +
      `<pod-lifecycle-animator${attrs}></pod-lifecycle-animator>`,
  };
}
