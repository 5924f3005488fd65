// One terminal window: what scrolled by (a `log` region), then the prompt and a plain
// text box, so the browser's own caret, selection, copy and paste keep working.
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Coloured } from './Coloured';
import type { Entry, TerminalModel } from './terminalModel';
import type { TerminalText } from './text';

interface TerminalPaneProps {
  readonly model: TerminalModel;
  readonly text: TerminalText;
  readonly id: string;
  readonly tabId: string;
  readonly hidden: boolean;
}

function EntryView({ entry, running }: { entry: Entry; running: boolean }) {
  const output = entry.output ?? [];
  return (
    <div className={running ? 'term-entry term-running' : 'term-entry'}>
      {(entry.prompt !== '' || entry.line !== '') && (
        <div className="term-line term-command">
          <span className="term-prompt">{entry.prompt}</span>
          {entry.line}
        </div>
      )}
      {output.map((l, i) => (
        // Output only grows at its end, so the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are appended, never reordered
        <div key={i} className={l.stream === 'stderr' ? 'term-line term-stderr' : 'term-line'}>
          <Coloured text={l.text} />
        </div>
      ))}
      {entry.notes?.map((n, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed once printed
        <div key={i} className="term-line term-note">
          {n}
        </div>
      ))}
    </div>
  );
}

export function TerminalPane({ model, text, id, tabId, hidden }: TerminalPaneProps) {
  const version = useSyncExternalStore(model.subscribe, model.getVersion);
  const [value, setValue] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const screenRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const lastKeyWasTab = useRef(false);
  const leaveOnTab = useRef(false);
  const caret = useRef<number | undefined>(undefined);
  const running = model.running;

  // Follow the output as it grows, unless the reader has scrolled up to read. Only when
  // what the screen shows changed: reading scrollHeight makes the browser lay the page
  // out at once, which in every frame's render was most of a long task (issue 14).
  // biome-ignore lint/correctness/useExhaustiveDependencies: version, value and hidden are what the screen shows
  useLayoutEffect(() => {
    const screen = screenRef.current;
    if (screen && !hidden && atBottom.current) screen.scrollTop = screen.scrollHeight;
    // Typing here, the answer is what the person looks for: where the panel around the screen is
    // short (a guided step and its sample lines above it, at 1280 × 720) it scrolls to show it.
    if (screen && !hidden && document.activeElement === inputRef.current)
      screen.scrollIntoView({ block: 'nearest' });
  }, [version, value, hidden]);

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (input && caret.current !== undefined) input.setSelectionRange(caret.current, caret.current);
    caret.current = undefined;
  });

  const setLine = (line: string, at = line.length) => {
    caret.current = at;
    setValue(line);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const wasTab = lastKeyWasTab.current;
    lastKeyWasTab.current = false;
    const escaped = leaveOnTab.current;
    leaveOnTab.current = false;
    const ctrl = e.ctrlKey && !e.altKey && !e.metaKey;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      model.submit(value);
      setLine('');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      const line = model.previous(value);
      if (line !== undefined) setLine(line);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      const line = model.next();
      if (line !== undefined) setLine(line);
    } else if (e.key === 'Tab' && !e.shiftKey && !ctrl && !escaped) {
      e.preventDefault();
      const cursor = input.selectionStart ?? value.length;
      const result = model.complete(value, cursor, wasTab);
      lastKeyWasTab.current = true;
      if (result.line !== value) setLine(result.line, result.line.length - (value.length - cursor));
    } else if (e.key === 'Escape') {
      // Tab completes inside the terminal; Escape first lets it move focus on (no keyboard trap).
      leaveOnTab.current = true;
    } else if (ctrl && !e.shiftKey && (e.key === 'c' || e.key === 'C')) {
      // With text selected, Ctrl+C copies, as in terminals that copy on selection.
      if (input.selectionStart !== input.selectionEnd) return;
      e.preventDefault();
      model.interrupt(value);
      setLine('');
    } else if (ctrl && (e.key === 'd' || e.key === 'D') && value === '' && !running) {
      // Ctrl+D on an empty line is end of input: the shell ends as `exit` would end it.
      e.preventDefault();
      model.submit('exit');
    } else if (ctrl && (e.key === 'l' || e.key === 'L')) {
      e.preventDefault();
      model.clear();
    }
  };

  // A pasted block of lines runs line by line, as a terminal feeds them to bash.
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text').replace(/\r\n?/g, '\n');
    if (!pasted.includes('\n')) return;
    e.preventDefault();
    const input = e.currentTarget;
    const start = input.selectionStart ?? value.length;
    const end = input.selectionEnd ?? value.length;
    const lines = (value.slice(0, start) + pasted + value.slice(end)).split('\n');
    const last = lines.pop() ?? '';
    for (const line of lines) model.submit(line);
    setLine(last);
  };

  // A click that selects nothing puts the caret in the text box; a selection stays for copying.
  const onMouseUp = () => {
    if (!document.getSelection()?.toString()) inputRef.current?.focus({ preventScroll: true });
  };

  return (
    <div className="term-pane" id={id} role="tabpanel" aria-labelledby={tabId} hidden={hidden}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a mouse convenience; the text box itself is reached by keyboard */}
      <div
        className="term-screen"
        ref={screenRef}
        onMouseUp={onMouseUp}
        onScroll={(e) => {
          const s = e.currentTarget;
          atBottom.current = s.scrollHeight - s.scrollTop - s.clientHeight < 8;
        }}
      >
        <div role="log" aria-label={text.output(model.home)} className="term-log">
          {model.entries.map((entry) => (
            <EntryView
              key={entry.id}
              entry={entry}
              running={entry.job !== undefined && entry.job === running}
            />
          ))}
          {model.pending.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the queue only shifts from its head while shown
            <div key={i} className="term-line term-pending">
              {line}
            </div>
          ))}
        </div>
        <div className="term-input-line">
          {!running && <span className="term-prompt">{model.prompt()}</span>}
          <input
            ref={inputRef}
            className="term-input"
            type="text"
            aria-label={text.input(model.home)}
            aria-describedby={`${id}-keys`}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            value={value}
            onChange={(e) => {
              lastKeyWasTab.current = false;
              setValue(e.currentTarget.value);
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
          />
        </div>
      </div>
      {running && (
        <button
          type="button"
          className="term-interrupt"
          aria-label={text.interrupt(model.home)}
          onClick={() => {
            // The same path as the key: the running command gets ^C, and it lands on the timeline.
            model.interrupt(value);
            setLine('');
            inputRef.current?.focus({ preventScroll: true });
          }}
        >
          Ctrl+C
        </button>
      )}
      <p id={`${id}-keys`} className="term-keys">
        {text.keys}
      </p>
    </div>
  );
}
