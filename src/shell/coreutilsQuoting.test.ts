// How each lab's coreutils names a file in its errors: CentOS 7's 8.22 (ls bare, the others
// in ‘…’) and Ubuntu 24.04's 9.4 (quoteaf: '…' as a shell would, everywhere).
import { describe, expect, it } from 'vitest';
import { Session } from './session';
import { typeAndWait } from './transcript';

const errorsOf = (profile: '1.18' | '1.36') => {
  const s = new Session({ seed: 1, profile });
  return ['ls /nope', 'rm /nope', 'mkdir /etc', 'cp /nope /tmp/x', 'cp /etc /tmp/x', 'chown root /nope'].map(
    (line) => typeAndWait(s, line).text(),
  );
};

describe('coreutils’ errors', () => {
  it('under 1.18 are CentOS 7’s', () => {
    expect(errorsOf('1.18')).toEqual([
      'ls: cannot access /nope: No such file or directory',
      'rm: cannot remove ‘/nope’: No such file or directory',
      'mkdir: cannot create directory ‘/etc’: File exists',
      'cp: cannot stat ‘/nope’: No such file or directory',
      'cp: omitting directory ‘/etc’',
      'chown: cannot access ‘/nope’: No such file or directory',
    ]);
  });

  it('under 1.36 are Ubuntu 24.04’s', () => {
    expect(errorsOf('1.36')).toEqual([
      "ls: cannot access '/nope': No such file or directory",
      "rm: cannot remove '/nope': No such file or directory",
      "mkdir: cannot create directory '/etc': File exists",
      "cp: cannot stat '/nope': No such file or directory",
      "cp: -r not specified; omitting directory '/etc'",
      "chown: cannot access '/nope': No such file or directory",
    ]);
  });
});
