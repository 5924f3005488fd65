// Drives the two embeds of embed-example.html: the element through its methods, the
// iframe through Podscope's postMessage protocol (v1).
const element = document.getElementById('element-embed');
const frame = document.getElementById('frame-embed');
const show = (id, text) => {
  document.getElementById(id).textContent = text;
};

for (const button of document.querySelectorAll('[data-element]')) {
  button.addEventListener('click', async () => {
    const d = button.dataset;
    try {
      if (d.element === 'goToStep') show('element-output', `step ${await element.goToStep(Number(d.step))}`);
      if (d.element === 'inject') await element.inject(d.fault, d.target);
      if (d.element === 'heal') await element.heal(d.fault, d.target);
      if (d.element === 'run') show('element-output', await element.run(d.line, d.host));
    } catch (e) {
      show('element-output', String(e));
    }
  });
}
element.addEventListener('step', (e) => show('element-events', `Step ${e.detail.step} of ${e.detail.of}`));
element.addEventListener('fault', (e) =>
  show(
    'element-events',
    `${e.detail.heal ? 'Healed' : 'Injected'} ${e.detail.fault} on ${e.detail.target ?? 'the cluster'}`,
  ),
);

// The iframe: this page's origin is the one it may obey.
frame.src = `./index.html?lesson=pod-create&lang=en&embed=1&terminal=hide&allowOrigin=${encodeURIComponent(location.origin)}`;
const frameOrigin = new URL(frame.src, location.href).origin;
let nextId = 1;
const pending = new Map();
// The frame announces itself with a 'ready' event once its lesson has loaded; asks wait for it.
let markReady;
const ready = new Promise((resolve) => {
  markReady = resolve;
});
async function ask(type, fields) {
  await ready;
  const id = nextId++;
  frame.contentWindow.postMessage({ source: 'podscope', v: 1, type, id, ...fields }, frameOrigin);
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow || e.data?.source !== 'podscope') return;
  const m = e.data;
  if (m.type === 'resize') frame.style.height = `${m.height}px`;
  if (m.type === 'reply') {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) p?.resolve(m.result);
    else p?.reject(new Error(m.error));
  }
  if (m.type === 'event' && m.event === 'ready') markReady();
  if (m.type === 'event' && m.event === 'step')
    show('frame-output', `Step ${m.detail.step} of ${m.detail.of}`);
});
for (const button of document.querySelectorAll('[data-frame]')) {
  button.addEventListener('click', async () => {
    const d = button.dataset;
    try {
      if (d.frame === 'goToStep')
        show('frame-output', `step ${await ask('goToStep', { step: Number(d.step) })}`);
      if (d.frame === 'inject' || d.frame === 'heal')
        await ask(d.frame, { fault: d.fault, target: d.target });
      if (d.frame === 'run') show('frame-output', await ask('run', { line: d.line, host: d.host }));
    } catch (e) {
      show('frame-output', String(e));
    }
  });
}
