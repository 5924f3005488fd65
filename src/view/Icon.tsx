// Button glyphs drawn as SVG, so they do not depend on the fonts a machine has.
const paths = {
  restart: 'M2 2h2v12H2zM14 2v12L5 8z',
  previousStep: 'M8 2v12L1 8zM15 2v12L8 8z',
  messageBack: 'M12 3v10L5 8z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
  messageForward: 'M4 3v10l7-5z',
  nextStep: 'M1 2v12l7-6zM8 2v12l7-6z',
  end: 'M2 2v12l9-6zM12 2h2v12h-2z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
