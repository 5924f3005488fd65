// The commands of the current lesson step as buttons: a click types and runs one in
// the open terminal, so a student can follow the book without typing. A click is for
// a prompt: while a command runs the buttons wait (a line typed ahead would be lost to
// the Ctrl+C that the running command may need).
interface SampleStripProps {
  readonly samples: readonly string[];
  readonly label: string;
  readonly onRun: (line: string) => void;
  /** Why the buttons wait, while the open tab runs a command. */
  readonly busy?: string | undefined;
  readonly busyId: string;
}

export function SampleStrip({ samples, label, onRun, busy, busyId }: SampleStripProps) {
  if (samples.length === 0) return null;
  return (
    <>
      <ul className="term-samples" aria-label={label}>
        {samples.map((line) => (
          <li key={line}>
            <button
              type="button"
              className="term-sample"
              disabled={busy !== undefined}
              aria-describedby={busy !== undefined ? busyId : undefined}
              onClick={() => onRun(line)}
            >
              {line}
            </button>
          </li>
        ))}
      </ul>
      {busy !== undefined && (
        <p id={busyId} className="term-samples-busy">
          {busy}
        </p>
      )}
    </>
  );
}
