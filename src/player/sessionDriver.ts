// The lesson's command lines typed into the simulated shells (src/shell), as a student
// would type them; what the commands print goes to the lesson's transcript.
import type { Session } from '../shell';
import { Session as SessionClass } from '../shell';
import type { LabDriver, Print } from './lessonPlayer';
import type { RecordedInput } from './recording';

export const sessionDriver: LabDriver<Session> = {
  createWorld: (options) => new SessionClass(options),
  run: (session: Session, input: RecordedInput, print: Print) => {
    if ('fault' in input) return undefined;
    if ('interrupt' in input) {
      session.interrupt(input.host);
      return undefined;
    }
    // Typed in a terminal window: the lesson's own lines in the window of their host.
    const tab = input.tab ?? input.host;
    print('input', `${session.prompt(tab)}${input.line}`);
    const job = session.type(input.line, tab);
    for (const line of job.output) print(line.stream, line.text);
    job.onOutput((line) => print(line.stream, line.text));
    return job;
  },
};
