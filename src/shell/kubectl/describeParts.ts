// Pieces of kubectl 1.18.4's describers (pkg/describe/describe.go) that several
// kinds share: labels and annotations multiline, tolerations, and DescribePodTemplate (with what
// newer versions add, read from the lab's profile). Lines
// hold tabs; the caller aligns them with the describe tabwriter.
import type { KubeEvent, PodTemplate, Toleration } from '../../sim/objects';
import type { DescribeVersion } from '../../sim/profiles';
import { profileOf } from '../../sim/profiles';
import { age } from '../humanDuration';

/** printLabelsMultiline: sorted `k=v`, the first beside the title. */
export function labelsMultiline(
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
): string[] {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return [`${title}:\t<none>`];
  return entries.map(([k, v], i) => `${i === 0 ? `${title}:` : ''}\t${k}=${v}`);
}

const MAX_ANNOTATION_LEN = 140;
const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}...` : s);

/** Ends a line that runs on into the next one (see annotationsMultiline). */
const RUNS_ON = '\u0000';

/** The describer's lines as its PrefixWriter writes them: a line ending in RUNS_ON has no newline. */
export function describeText(lines: readonly string[]): string {
  return lines.join('\n').replaceAll(`${RUNS_ON}\n`, '');
}

/**
 * printAnnotationsMultiline: sorted `k: v`; a long or multi-line value goes below its key;
 * last-applied-configuration is skipped. 1.18.4 tests the map, not the keys it kept, for
 * `<none>`: an object whose only annotation is the skipped one gets `Annotations:` and no
 * newline, so the next field runs on in the same line (`Annotations:  Status:  Running`;
 * kubernetes#91405 fixed it in 1.19).
 */
export function annotationsMultiline(
  title: string,
  annotations: Readonly<Record<string, string>> | undefined,
): string[] {
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (Object.keys(annotations ?? {}).length === 0) return [`${title}:\t<none>`];
  if (keys.length === 0) return [`${title}:\t${RUNS_ON}`];
  const out: string[] = [];
  keys.forEach((key, i) => {
    const lead = i === 0 ? `${title}:\t` : '\t';
    const value = (annotations?.[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      out.push(`${lead}${key}:`);
      for (const s of value.split('\n')) out.push(`\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}`);
    } else out.push(`${lead}${key}: ${value}`);
  });
  return out;
}

/** What the book's kubectl 1.18.4 describes (its profile's). */
export const BOOK_DESCRIBE: DescribeVersion = profileOf(undefined).kubectl.describe;

/** printTolerationsMultilineWithIndent: key, :effect, then ` op=Exists` (newer clients) and ` for Ns` (the lab's tolerations carry no value). */
export function tolerationText(t: Toleration, v: DescribeVersion = BOOK_DESCRIBE): string {
  const key = t.key ?? '';
  const effect = t.effect ? `:${t.effect}` : '';
  const exists =
    v.tolerationOperator && t.operator === 'Exists' ? (key || effect ? ' op=Exists' : 'op=Exists') : '';
  const secs = t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : '';
  return `${key}${effect}${exists}${secs}`;
}

/** DescribePodTemplate: what a Deployment, ReplicaSet, DaemonSet or a revision will run. */
export function podTemplateLines(t: PodTemplate, v: DescribeVersion = BOOK_DESCRIBE): string[] {
  const lines = ['Pod Template:', ...labelsMultiline('  Labels', t.labels)];
  if (t.annotations && Object.keys(t.annotations).length > 0)
    lines.push(...annotationsMultiline('  Annotations', t.annotations));
  lines.push(`  Containers:${t.containers.length === 0 ? ' <none>' : ''}`);
  for (const c of t.containers) {
    lines.push(`   ${c.name}:`, `    Image:\t${c.image}`, '    Port:\t<none>', '    Host Port:\t<none>');
    if (c.command && c.command.length > 0) lines.push('    Command:', ...c.command.map((x) => `      ${x}`));
    if (c.args && c.args.length > 0) lines.push('    Args:', ...c.args.map((x) => `      ${x}`));
    lines.push('    Environment:\t<none>', '    Mounts:\t<none>');
  }
  lines.push('  Volumes:\t<none>');
  if (v.templateScheduling) {
    // printLabelsMultiline and printPodTolerationsMultiline, at the template's indent.
    const tol = [...(t.tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : 1));
    lines.push(
      '  Node-Selectors:\t<none>',
      ...(tol.length === 0
        ? ['  Tolerations:\t<none>']
        : tol.map((x, i) => `${i === 0 ? '  Tolerations:' : ''}\t${tolerationText(x, v)}`)),
    );
  }
  return lines;
}

/** DescribeEvents: an event seen more than once gives its last time, its count and its first time. */
export function eventLines(events: readonly KubeEvent[], now: number): string[] {
  if (events.length === 0) return ['Events:\t<none>'];
  const rows = events.map((e) => {
    const interval =
      e.count > 1
        ? `${age(now, e.lastTimestamp)} (x${e.count} over ${age(now, e.firstTimestamp)})`
        : age(now, e.firstTimestamp);
    const from = e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component;
    return `  ${e.type}\t${e.reason}\t${interval}\t${from}\t${e.message.trim()}`;
  });
  return ['Events:', '  Type\tReason\tAge\tFrom\tMessage', '  ----\t------\t----\t----\t-------', ...rows];
}
