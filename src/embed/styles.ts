// One constructed stylesheet shared by every element on the page: the app's CSS,
// rewritten for a shadow root. Constructed sheets are not <style> elements, so a
// host page's strict style-src does not block them. It comes with the app's chunk;
// the poster's few rules are in the element's first script (rootCss.ts).
import appCss from '../view/app.css?inline';
import embeddedCss from '../view/embedded.css?inline';
import inspectorsCss from '../view/inspectors/inspectors.css?inline';
import labCss from '../view/lab/lab.css?inline';
import terminalCss from '../view/terminal/terminal.css?inline';
import { shadowCss } from './shadowCss';

let shared: CSSStyleSheet | undefined;

export function sheet(): CSSStyleSheet {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync([appCss, labCss, terminalCss, inspectorsCss, embeddedCss].map(shadowCss).join('\n'));
  }
  return shared;
}
