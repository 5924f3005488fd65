// player: time (play, pause, step, speed, seek by history lookup and replay); may import sim and lessons.
export type { Frame } from './history';
export { History } from './history';
export type {
  LabDriver,
  LabTerminals,
  Print,
  RunningCommand,
  TerminalCommand,
  TerminalView,
  TranscriptLine,
} from './labDriver';
export { LessonPlayer } from './lessonPlayer';
export type { EnvelopeFilter } from './lookups';
export { clampSpeed, nextMessageTime, previousMessageTime, SPEEDS, stepSpeed } from './lookups';
export { inFlightAt, lastSentIndex, messageProgress } from './messageProgress';
export { momentOf } from './moment';
export type { PlayerSnapshot } from './player';
export { Player } from './player';
export type { InputRunner, RecordedInput, World } from './recording';
export { clusterWorld, Recording } from './recording';
export type { Warp, WarpOptions } from './timeWarp';
export { buildWarp, defaultWarpOptions } from './timeWarp';
