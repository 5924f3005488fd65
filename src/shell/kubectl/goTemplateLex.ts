// Go 1.13's text/template lexer (text/template/parse/lex.go), as kubectl 1.18.4's
// -o go-template uses it: items with their byte offsets and lines, and the lexer's
// own error texts (`unclosed action`, `bad character U+0023 '#'`, …).
export class TemplateError extends Error {}

export type ItemType =
  | 'text'
  | 'left'
  | 'right'
  | 'space'
  | 'field'
  | 'var'
  | 'ident'
  | 'string'
  | 'raw'
  | 'number'
  | 'bool'
  | 'char'
  | 'pipe'
  | 'declare'
  | 'assign'
  | 'lparen'
  | 'rparen'
  | 'dot'
  | 'nil'
  | 'keyword'
  | 'error'
  | 'eof';

export interface Item {
  readonly typ: ItemType;
  readonly val: string;
  readonly pos: number;
  readonly line: number;
}

const keywords = new Set(['block', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);
const isSpace = (c: string) => c === ' ' || c === '\t';
const isEol = (c: string) => c === '\r' || c === '\n';
const isAlnum = (c: string) => c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);

/** The %#U of a rune: U+007D '}'. */
function goRune(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}

export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let parens = 0;
  const lineAt = (p: number) => 1 + (input.slice(0, p).match(/\n/g)?.length ?? 0);
  const emit = (typ: ItemType, val = input.slice(start, pos)) => {
    items.push({ typ, val, pos: start, line: lineAt(start) });
    start = pos;
  };
  const fail = (msg: string) => {
    items.push({ typ: 'error', val: msg, pos: start, line: lineAt(start) });
    return items;
  };
  const at = (p: number) => input[p] ?? '';
  // A field, variable or word may end only at a space, a line end, `.,|:()` or the right delimiter.
  const atTerminator = () => {
    const c = at(pos);
    return c === '' || isSpace(c) || isEol(c) || '.,|:()'.includes(c) || c === '}';
  };
  while (pos <= input.length) {
    // Text up to the next "{{".
    const open = input.indexOf('{{', pos);
    const end = open < 0 ? input.length : open;
    let text = input.slice(start, end);
    const trimLeft = open >= 0 && input.startsWith('{{- ', open);
    if (trimLeft) text = text.replace(/[ \t\r\n]+$/, '');
    if (text !== '') items.push({ typ: 'text', val: text, pos: start, line: lineAt(start) });
    if (open < 0) {
      pos = input.length;
      start = pos;
      emit('eof', '');
      return items;
    }
    pos = open + 2 + (trimLeft ? 2 : 0);
    start = open;
    if (input.startsWith('/*', pos)) {
      const close = input.indexOf('*/', pos + 2);
      if (close < 0) return fail('unclosed comment');
      pos = close + 2;
      const trimRight = input.startsWith(' -}}', pos);
      if (!input.startsWith('}}', pos) && !trimRight) return fail('comment ends before closing delimiter');
      pos += trimRight ? 4 : 2;
      if (trimRight) while (isSpace(at(pos)) || isEol(at(pos))) pos++;
      start = pos;
      continue;
    }
    emit('left', '{{');
    start = pos;
    parens = 0;
    // Inside the action.
    for (;;) {
      const trimRight = input.startsWith(' -}}', pos);
      if (input.startsWith('}}', pos) || trimRight) {
        if (parens !== 0) return fail('unclosed left paren');
        if (trimRight) pos += 2;
        start = pos;
        pos += 2;
        emit('right', '}}');
        if (trimRight) while (isSpace(at(pos)) || isEol(at(pos))) pos++;
        start = pos;
        break;
      }
      const c = at(pos);
      pos++;
      if (c === '' || isEol(c)) return fail('unclosed action');
      if (isSpace(c)) {
        while (isSpace(at(pos)) && !input.startsWith(' -}}', pos)) pos++;
        emit('space');
      } else if (c === ':') {
        if (at(pos) !== '=') return fail('expected :=');
        pos++;
        emit('declare');
      } else if (c === '=') emit('assign');
      else if (c === '|') emit('pipe');
      else if (c === '"') {
        for (;;) {
          const d = at(pos++);
          if (d === '\\') {
            const e = at(pos++);
            if (e !== '' && e !== '\n') continue;
            return fail('unterminated quoted string');
          }
          if (d === '' || d === '\n') return fail('unterminated quoted string');
          if (d === '"') break;
        }
        emit('string');
      } else if (c === '`') {
        const close = input.indexOf('`', pos);
        if (close < 0) return fail('unterminated raw quoted string');
        pos = close + 1;
        emit('raw');
      } else if (c === '$' || (c === '.' && !/[0-9]/.test(at(pos)))) {
        if (atTerminator()) emit(c === '$' ? 'var' : 'dot');
        else {
          while (isAlnum(at(pos))) pos++;
          if (!atTerminator()) return fail(`bad character ${goRune(at(pos))}`);
          emit(c === '$' ? 'var' : 'field');
        }
      } else if (c === '+' || c === '-' || c === '.' || /[0-9]/.test(c)) {
        while (
          /[0-9a-fA-FxX._+\-eEoObB]/.test(at(pos)) &&
          !input.startsWith(' -}}', pos) &&
          !input.startsWith('}}', pos)
        )
          pos++;
        const text = input.slice(start, pos);
        if (Number.isNaN(Number(text.replace(/_/g, '')))) return fail(`bad number syntax: "${text}"`);
        emit('number');
      } else if (isAlnum(c)) {
        while (isAlnum(at(pos))) pos++;
        if (!atTerminator()) return fail(`bad character ${goRune(at(pos))}`);
        const word = input.slice(start, pos);
        emit(
          keywords.has(word)
            ? 'keyword'
            : word === 'true' || word === 'false'
              ? 'bool'
              : word === 'nil'
                ? 'nil'
                : 'ident',
        );
      } else if (c === '(') {
        parens++;
        emit('lparen');
      } else if (c === ')') {
        parens--;
        emit('rparen');
        if (parens < 0) return fail(`unexpected right paren ${goRune(c)}`);
      } else if (c.charCodeAt(0) < 128 && c >= ' ') emit('char');
      else return fail(`unrecognized character in action: ${goRune(c)}`);
    }
  }
  return items;
}

/** How Go's parser prints an item in `unexpected <item> in …`. */
export function itemText(i: Item): string {
  if (i.typ === 'eof') return 'EOF';
  if (i.typ === 'error') return i.val;
  // Go lists the dot and nil among the keywords (after itemKeyword), so they print as one.
  if (i.typ === 'keyword' || i.typ === 'dot' || i.typ === 'nil') return `<${i.val}>`;
  if (i.typ === 'space') return 'space';
  return JSON.stringify(i.val);
}
