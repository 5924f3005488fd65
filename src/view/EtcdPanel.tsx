// What etcd holds: its revision, how many keys, and the keys written last (the
// lesson's pod highlighted), so step 2's "every change is recorded" can be seen.
import type { EtcdKeyView } from '../sim';
import type { Box } from './layout';

interface Props {
  readonly box: Box;
  readonly keys: readonly EtcdKeyView[];
  readonly revision: number;
  readonly highlight: string;
  readonly words: { readonly keys: string; readonly revision: string };
  readonly fontBase: number;
}

export function EtcdPanel({ box, keys, revision, highlight, words, fontBase }: Props) {
  const rows = Math.max(0, Math.floor((box.h - 78) / 19));
  const latest = [...keys].sort((a, b) => b.modRevision - a.modRevision).slice(0, rows);
  // Keys are set in a monospace face at 0.7em: about 0.6em a character.
  const maxChars = Math.floor((box.w - 20) / (fontBase * 0.7 * 0.6));
  return (
    <g className="etcd-keys">
      <text className="etcd-summary" x={box.x + 12} y={box.y + 66}>
        {words.revision} {revision} · {keys.length} {words.keys}
      </text>
      {latest.map((k, i) => (
        <text
          key={k.key}
          className={k.key === highlight ? 'etcd-key hot' : 'etcd-key'}
          x={box.x + 12}
          y={box.y + 88 + i * 19}
        >
          {k.key.length > maxChars ? `…${k.key.slice(k.key.length - maxChars + 1)}` : k.key}
        </text>
      ))}
    </g>
  );
}
