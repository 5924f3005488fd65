// The commands of the current lesson step as buttons: a click types and runs one in
// the open terminal, so a student can follow the book without typing.
interface SampleStripProps {
  readonly samples: readonly string[];
  readonly label: string;
  readonly onRun: (line: string) => void;
}

export function SampleStrip({ samples, label, onRun }: SampleStripProps) {
  if (samples.length === 0) return null;
  return (
    <ul className="term-samples" aria-label={label}>
      {samples.map((line) => (
        <li key={line}>
          <button type="button" className="term-sample" onClick={() => onRun(line)}>
            {line}
          </button>
        </li>
      ))}
    </ul>
  );
}
