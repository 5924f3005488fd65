// <pod-lifecycle-animator> (DESIGN contract 2): the app in a shadow root, with the
// app's attributes, the player's verbs as methods and the player's moves as DOM events.
// This class is the element's whole first script (entry.ts): the poster, the attributes
// and the methods, with no Preact and no simulation. The app comes in chunks loaded from
// beside the script (mountModule.ts) once the element is in view, clicked or called;
// every element on the page shares the one copy the browser's module map keeps.
import { podCreateTitle } from '../lessons/podCreateTitle';
import { faultArgs, goToStepArg, runArgs, seekArg, stepArg } from './args';
import type { EmbedController } from './controller';
import type { EmbedEvents, StateDetail } from './events';
import type { Mounted } from './mount';
import { chunksOrigin, loadMount } from './mountModule';
import { flag } from './options';
import { poster } from './poster';
import { hostCss, ROOT_CLASS } from './rootCss';
import { shellNeeded } from './shellGate';

/** Attributes that only move the player; the others rebuild the lesson. */
const LIVE = new Set(['step', 'speed', 'height']);
const APP_PARAMS = ['lesson', 'step', 'lang', 'speed', 'theme', 'view', 'seed', 'profile'] as const;
/** A reader's pointer on the element or keys in it: a move is coming, and moves need the shells' code. */
const WAKING_EVENTS = ['pointerover', 'pointerdown', 'focusin', 'keydown'] as const;

const noCheck = () => undefined;

/**
 * Module chunks are fetched with CORS: from a page of another site they load only if
 * their host allows it. The reader is told so, in the element's own language.
 */
const LOAD_FAILED = {
  en: (host: string) =>
    `Podscope's code could not be loaded from ${host}. On a page of another site, that host has to allow it (Access-Control-Allow-Origin).`,
  ko: (host: string) =>
    `${host}에서 Podscope의 코드를 불러오지 못했습니다. 다른 사이트의 페이지에 넣으려면 그 호스트가 허용해야 합니다(Access-Control-Allow-Origin).`,
} as const;

/** A live attribute's value the player can take as it is (`3`, `0.5`), not `abc` or `1e999`. */
const liveNumber = (v: string): boolean => /^\s*-?\d+(\.\d+)?\s*$/.test(v) && Number.isFinite(Number(v));

let posterSheet: CSSStyleSheet | undefined;
function lightSheet(): CSSStyleSheet {
  if (!posterSheet) {
    posterSheet = new CSSStyleSheet();
    posterSheet.replaceSync(hostCss);
  }
  return posterSheet;
}

export class PodLifecycleAnimator extends HTMLElement {
  static readonly observedAttributes = [
    ...APP_PARAMS,
    'autoplay',
    'faults',
    'controls',
    'terminal',
    'height',
    'poster',
  ];

  private readonly shadow: ShadowRoot;
  /** The app once its chunks are here; `mounting` until then. */
  private mounted: Mounted | undefined;
  private mounting: Promise<Mounted> | undefined;
  private observer: IntersectionObserver | undefined;
  private wantShell: (() => void) | undefined;

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    this.shadow.adoptedStyleSheets = [lightSheet()];
    for (const type of WAKING_EVENTS)
      this.addEventListener(type, () => this.wantShell?.(), { passive: true });
  }

  connectedCallback(): void {
    if (this.mounting) return;
    if (this.getAttribute('poster') === 'none') {
      this.load();
      return;
    }
    const lang = this.getAttribute('lang') === 'ko' ? 'ko' : 'en';
    const lesson = this.getAttribute('lesson');
    const button = poster(lang, lesson === null || lesson === 'pod-create' ? podCreateTitle[lang] : '');
    button.addEventListener('click', () => {
      this.load();
      void this.play();
    });
    this.shadow.replaceChildren(button);
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.load();
    });
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.unload();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value || !this.mounting) return;
    if (name === 'height') this.applyHeight();
    else if (name === 'step' && value !== null && liveNumber(value))
      void this.goToStep(Number(value)).catch(() => this.reload());
    else if (name === 'speed' && value !== null && liveNumber(value))
      void this.call(noCheck, (c) => c.setSpeed(Number(value))).catch(() => this.reload());
    // A value the player cannot take is read again as at start-up: the app shows its notice.
    if (!LIVE.has(name) || (name !== 'height' && value !== null && !liveNumber(value))) this.reload();
  }

  private reload(): void {
    if (this.mounting) {
      this.unload();
      this.load();
    }
  }

  // The methods take what a page passes, typed or not: each argument is checked here,
  // at once, before any chunk is fetched (args.ts: a TypeError in words), and again by the
  // controller. Each then waits for the app's chunks and asks for the shells' code: the
  // player's verbs need the lesson simulated, and the lesson's commands need the shells.
  play = (): Promise<void> => this.call(noCheck, (c) => c.play());
  pause = (): Promise<void> => this.call(noCheck, (c) => c.pause());
  /** Plays `delta` steps on (negative: back); resolves to the step now shown. */
  step = (delta?: number): Promise<number> =>
    this.call(
      () => stepArg(delta),
      (c) => c.step(delta),
    );
  /** Shows step `n` from its start, paused. */
  goToStep = (n: number): Promise<number> =>
    this.call(
      () => goToStepArg(n),
      (c) => c.goToStep(n),
    );
  seek = (ms: number): Promise<void> =>
    this.call(
      () => seekArg(ms),
      (c) => c.seek(ms),
    );
  inject = (fault: string, target?: string): Promise<void> =>
    this.call(
      () => faultArgs('inject', fault, target),
      (c) => c.inject(fault, target),
    );
  heal = (fault: string, target?: string): Promise<void> =>
    this.call(
      () => faultArgs('heal', fault, target),
      (c) => c.heal(fault, target),
    );
  /** Types the line on `host` (default the master, m-k8s or cp-k8s) and resolves to what it printed. */
  run = (commandLine: string, host?: string): Promise<string> =>
    this.call(
      () => runArgs(commandLine, host),
      (c) => c.run(commandLine, host),
    );
  state = (): Promise<StateDetail> => this.call(noCheck, (c) => c.state());

  private call<T>(check: () => unknown, verb: (c: EmbedController) => Promise<T>): Promise<T> {
    try {
      check();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.api().then(verb);
  }

  private api(): Mounted['controller'] {
    this.load();
    this.wantShell?.();
    return (this.mounting as Promise<Mounted>).then((m) => m.controller);
  }

  private load(): void {
    if (this.mounting) return;
    this.observer?.disconnect();
    const q = new URLSearchParams();
    for (const name of APP_PARAMS) {
      const v = this.getAttribute(name);
      if (v !== null) q.set(name, v);
    }
    const faults = this.getAttribute('faults') ?? '';
    const autoplay = flag(this.getAttribute('autoplay'), false);
    const terminal = flag(this.getAttribute('terminal'), true);
    const gate = shellNeeded({ terminal, autoplay, faults, step: this.getAttribute('step') });
    this.wantShell = gate.open;
    const box = document.createElement('div');
    box.className = ROOT_CLASS;
    this.shadow.replaceChildren(box);
    this.applyHeight();
    const emit = <K extends keyof EmbedEvents>(type: K, detail: EmbedEvents[K]) =>
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    const mounting = loadMount().then((m) =>
      m.mount({
        shadow: this.shadow,
        box,
        search: `?${q.toString()}`,
        emit,
        faults,
        autoplay,
        terminal,
        controls: flag(this.getAttribute('controls'), true),
        shellWanted: gate.opened,
      }),
    );
    this.mounting = mounting;
    mounting.then(
      (m) => {
        // Unloaded (or reloaded) while the chunks were on their way: this app is not wanted.
        if (this.mounting === mounting) this.mounted = m;
        else m.unmount();
      },
      () => {
        if (this.mounting !== mounting) return;
        // Said in the box; the next method call or wake tries again.
        this.mounting = undefined;
        const notice = document.createElement('p');
        notice.className = 'ps-load-failed';
        notice.setAttribute('role', 'alert');
        notice.textContent = LOAD_FAILED[this.getAttribute('lang') === 'ko' ? 'ko' : 'en'](chunksOrigin());
        box.replaceChildren(notice);
      },
    );
  }

  private unload(): void {
    this.mounted?.unmount();
    this.mounted = undefined;
    this.mounting = undefined;
    this.wantShell = undefined;
  }

  private applyHeight(): void {
    const box = this.shadow.querySelector<HTMLElement>(`.${ROOT_CLASS}`);
    const h = this.getAttribute('height');
    if (!box) return;
    // A bare number is pixels, as for <iframe height>.
    box.style.height = h ? (/^\d+(\.\d+)?$/.test(h) ? `${h}px` : h) : '';
  }
}

export function define(name = 'pod-lifecycle-animator'): void {
  if (!customElements.get(name)) customElements.define(name, PodLifecycleAnimator);
}
