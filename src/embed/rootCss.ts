// The element's own box in its shadow root, and the reset that keeps the host page's
// inherited styles (color, font, line-height, ...) out of it.
import { posterCss } from './poster';

export const ROOT_CLASS = 'ps-root';

export const hostCss = `
:host { display: block; contain: content; }
:host([hidden]) { display: none; }
.${ROOT_CLASS} {
  all: initial;
  display: block;
  --ps-rem: clamp(16px, 0.55vw + 8px, 30px);
  font-size: var(--ps-rem);
  line-height: normal;
  font-family: system-ui, "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif;
  color: var(--fg);
  height: 100%;
  overflow: auto;
}
.${ROOT_CLASS} .app { min-height: 100%; }
.ps-load-failed {
  margin: 0; padding: 12px; border: 1px solid #d0d7de; border-radius: 8px;
  background: #fff8c5; color: #1b1f24; font: 15px/1.4 system-ui, sans-serif;
}
${posterCss}`;
