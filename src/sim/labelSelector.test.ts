// Expected texts are read from apimachinery 1.18.4 pkg/labels/selector.go and
// pkg/util/validation/validation.go (docs/FACTS-kubectl.md §1).
import { describe, expect, it } from 'vitest';
import { labelsMatch, parseLabelSelector } from './labelSelector';

const error = (s: string) => {
  const r = parseLabelSelector(s);
  return r.ok ? undefined : r.error;
};
const matches = (s: string, labels: Record<string, string>) => {
  const r = parseLabelSelector(s);
  if (!r.ok) throw new Error(r.error);
  return labelsMatch(r.requirements, labels);
};

describe('label selectors as the API server parses them', () => {
  it.each([
    ['app=dpy-nginx', { app: 'dpy-nginx' }, true],
    ['app==dpy-nginx', { app: 'dpy-nginx' }, true],
    ['app!=dpy-nginx', { app: 'dpy-nginx' }, false],
    ['app!=dpy-nginx', {}, true],
    ['app', { app: '' }, true],
    ['!app', { app: 'x' }, false],
    ['!app', { tier: 'x' }, true],
    ['app in (a, b)', { app: 'b' }, true],
    ['app in (a,b)', {}, false],
    ['app notin (a,b)', {}, true],
    ['app notin (a,b)', { app: 'a' }, false],
    ['app=', { app: '' }, true],
    ['x in (foo,,baz),y,z notin ()', { x: '', y: '1' }, true],
    ['node-role.kubernetes.io/master', { 'node-role.kubernetes.io/master': '' }, true],
    ['  app = a , tier=web ', { app: 'a', tier: 'web' }, true],
    ['n>3', { n: '4' }, true],
    ['n<3', { n: 'x' }, false],
    ['', { anything: 'x' }, true],
  ])('%j on %j → %s', (sel, labels, want) => {
    expect(matches(sel, labels)).toBe(want);
  });

  it.each([
    ['app in', "unable to parse requirement: found '' expected: '('"],
    ['app in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['=x', "found '=', expected: !, identifier, or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a b', "unable to parse requirement: found 'b', expected: '=', '!=', '==', 'in', notin'"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['a=>', "unable to parse requirement: found '>', expected: identifier"],
    ['n>x', "unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer"],
    ['a b=c', "unable to parse requirement: found 'b', expected: '=', '!=', '==', 'in', notin'"],
    [
      'a=b~',
      `unable to parse requirement: invalid label value: "b~": at key: "a": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [
      'Bad_/x',
      `unable to parse requirement: invalid label key "Bad_/x": prefix part a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ],
    [
      '-x',
      `unable to parse requirement: invalid label key "-x": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ],
    ['a=!', "unable to parse requirement: found '!', expected: identifier"],
    [
      'a&b',
      `unable to parse requirement: invalid label key "a&b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ],
  ])('%j is refused: %s', (sel, want) => {
    expect(error(sel)).toBe(want);
  });
});
