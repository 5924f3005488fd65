// A line of a program's output drawn with the colours it wrote as ANSI escapes (ansi.ts).
import { ansiRuns } from './ansi';

/** A line of output with the colours its program wrote as ANSI escapes. */
export function Coloured({ text }: { text: string }) {
  const runs = ansiRuns(text);
  if (runs.length === 1 && runs[0]?.fg === undefined && !runs[0]?.bold) return <>{runs[0]?.text ?? ''}</>;
  return (
    <>
      {runs.map((r, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: a line's runs are fixed once printed
          key={i}
          className={
            `${r.fg !== undefined ? `term-fg-${r.fg}` : ''}${r.bold ? ' term-bold' : ''}`.trim() || undefined
          }
        >
          {r.text}
        </span>
      ))}
    </>
  );
}
