// <pod-lifecycle-animator> (DESIGN contract 2): the app in a shadow root, with the
// app's attributes, the player's verbs as methods and the player's moves as DOM events.
// Until it is in view or clicked it shows a poster; any method call also wakes it.
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';
import { lessons } from '../lessons';
import { App } from '../view/App';
import { EmbedController } from './controller';
import type { EmbedEvents, StateDetail } from './events';
import { flag } from './options';
import { PlayerSlot } from './playerSlot';
import { poster } from './poster';
import { ROOT_CLASS } from './shadowCss';
import { sheet } from './styles';

/** Attributes that only move the player; the others rebuild the lesson. */
const LIVE = new Set(['step', 'speed', 'height']);
const APP_PARAMS = ['lesson', 'step', 'lang', 'speed', 'theme', 'view', 'seed'] as const;

/** A live attribute's value the player can take as it is (`3`, `0.5`), not `abc` or `1e999`. */
const liveNumber = (v: string): boolean => /^\s*-?\d+(\.\d+)?\s*$/.test(v) && Number.isFinite(Number(v));

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
  private playerSlot = new PlayerSlot();
  private controller: EmbedController | undefined;
  private root: Root | undefined;
  private observer: IntersectionObserver | undefined;

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    this.shadow.adoptedStyleSheets = [sheet()];
  }

  connectedCallback(): void {
    if (this.root) return;
    if (this.getAttribute('poster') === 'none') {
      this.load();
      return;
    }
    const lesson = lessons[this.getAttribute('lesson') ?? ''] ?? Object.values(lessons)[0];
    const lang = this.getAttribute('lang') === 'ko' ? 'ko' : 'en';
    const button = poster(lang, lesson?.title[lang] ?? '');
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
    if (old === value || !this.root) return;
    if (name === 'height') this.applyHeight();
    else if (name === 'step' && value !== null && liveNumber(value))
      void this.goToStep(Number(value)).catch(() => this.reload());
    else if (name === 'speed' && value !== null && liveNumber(value))
      void this.controller?.setSpeed(Number(value)).catch(() => this.reload());
    // A value the player cannot take is read again as at start-up: the app shows its notice.
    if (!LIVE.has(name) || (name !== 'height' && value !== null && !liveNumber(value))) this.reload();
  }

  private reload(): void {
    if (this.root) {
      this.unload();
      this.load();
    }
  }

  // The methods take what a page passes, typed or not: the controller checks each
  // argument and rejects with a TypeError in words (args.ts), never a crash inside.
  play = (): Promise<void> => this.api().play();
  pause = (): Promise<void> => this.api().pause();
  /** Plays `delta` steps on (negative: back); resolves to the step now shown. */
  step = (delta?: number): Promise<number> => this.api().step(delta);
  /** Shows step `n` from its start, paused. */
  goToStep = (n: number): Promise<number> => this.api().goToStep(n);
  seek = (ms: number): Promise<void> => this.api().seek(ms);
  inject = (fault: string, target?: string): Promise<void> => this.api().inject(fault, target);
  heal = (fault: string, target?: string): Promise<void> => this.api().heal(fault, target);
  /** Types the line on `host` (default m-k8s) and resolves to what it printed. */
  run = (commandLine: string, host?: string): Promise<string> => this.api().run(commandLine, host);
  state = (): Promise<StateDetail> => this.api().state();

  private api(): EmbedController {
    this.load();
    return this.controller as EmbedController;
  }

  private load(): void {
    if (this.root) return;
    this.observer?.disconnect();
    const q = new URLSearchParams();
    for (const name of APP_PARAMS) {
      const v = this.getAttribute(name);
      if (v !== null) q.set(name, v);
    }
    this.playerSlot = new PlayerSlot();
    const emit = <K extends keyof EmbedEvents>(type: K, detail: EmbedEvents[K]) =>
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    this.controller = new EmbedController(this.playerSlot, emit, {
      faults: this.getAttribute('faults') ?? '',
      autoplay: flag(this.getAttribute('autoplay'), false),
    });
    const box = document.createElement('div');
    box.className = ROOT_CLASS;
    this.shadow.replaceChildren(box);
    this.applyHeight();
    this.root = createRoot(box);
    this.root.render(
      <App
        options={{
          search: `?${q.toString()}`,
          embedded: true,
          ownsPage: false,
          keyTarget: this.shadow,
          controls: flag(this.getAttribute('controls'), true),
          terminal: flag(this.getAttribute('terminal'), true),
          onPlayer: this.playerSlot.attach,
        }}
      />,
    );
  }

  private unload(): void {
    this.root?.unmount();
    this.root = undefined;
    this.controller?.dispose();
    this.playerSlot.lp?.dispose();
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
