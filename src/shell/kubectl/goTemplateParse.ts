// The part of Go's text/template that kubectl's -o go-template reads: the lexer and
// parser of Go 1.13 (kubectl 1.18.4 is built with go1.13.9), with their error texts
// (`template: output:<line>: …`). Actions, pipelines, fields, variables, literals,
// parentheses, if/else if/else, range (with $i, $e :=), with, comments, the
// `{{-`/`-}}` trim markers, and define/template/block with the tree set Go keeps
// (parse.go parseDefinition, templateControl, blockControl, Tree.add).

export type Arg =
  | { readonly t: 'field'; readonly names: readonly string[]; readonly pos: number; readonly text: string }
  | {
      readonly t: 'var';
      readonly name: string;
      readonly names: readonly string[];
      readonly pos: number;
      readonly text: string;
    }
  | { readonly t: 'dot'; readonly pos: number; readonly text: string }
  | { readonly t: 'func'; readonly name: string; readonly pos: number; readonly text: string }
  | {
      readonly t: 'lit';
      readonly value: string | number | boolean | null;
      readonly pos: number;
      readonly text: string;
    }
  | {
      readonly t: 'paren';
      readonly pipe: Pipe;
      readonly names: readonly string[];
      readonly pos: number;
      readonly text: string;
    };

export interface Cmd {
  readonly args: readonly Arg[];
  readonly pos: number;
  readonly text: string;
}
export interface Pipe {
  readonly decl: readonly string[];
  /** `$x = …` assigns an existing variable instead of declaring one. */
  readonly assign: boolean;
  readonly cmds: readonly Cmd[];
}

export type Node =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'action'; readonly pipe: Pipe; readonly pos: number }
  | {
      readonly t: 'if' | 'with' | 'range';
      readonly pipe: Pipe;
      readonly list: readonly Node[];
      readonly elseList: readonly Node[];
      readonly pos: number;
    }
  /** {{template "name" pipeline}}, and where a {{block}} stood. */
  | {
      readonly t: 'template';
      readonly name: string;
      readonly pipe?: Pipe;
      readonly pos: number;
      readonly text: string;
    };

/** Every tree of the text by name: "output" is kubectl's own (template.New("output")). */
export interface Parsed {
  readonly trees: ReadonlyMap<string, readonly Node[]>;
}

/** parse.IsEmptyTree: only text that is all white space. */
function isEmptyTree(nodes: readonly Node[]): boolean {
  return nodes.every((n) => n.t === 'text' && n.text.trim() === '');
}

import { type Item, itemText, lex, TemplateError } from './goTemplateLex';

export { TemplateError };

const unquote = (s: string): string =>
  s.startsWith('`')
    ? s.slice(1, -1)
    : (JSON.parse(s.replace(/\\'/g, "'").replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as string);

export function parseTemplate(input: string, hasFunction: (name: string) => boolean): Parsed {
  const items = lex(input);
  let i = 0;
  const vars: string[][] = [['$']];
  const peek = () => items[i] as Item;
  const next = () => items[i++] as Item;
  const nextNonSpace = () => {
    let it = next();
    while (it.typ === 'space') it = next();
    return it;
  };
  const peekNonSpace = () => {
    const at = i;
    const it = nextNonSpace();
    i = at;
    return it;
  };
  const fail = (item: Item, msg: string): never => {
    throw new TemplateError(`template: output:${item.line}: ${msg}`);
  };
  const errorItem = (it: Item) => (it.typ === 'error' ? fail(it, it.val) : it);
  const trees = new Map<string, readonly Node[]>();
  /** Tree.add: a second definition of a name is an error unless one of the two is empty. */
  const add = (name: string, nodes: readonly Node[], item: Item) => {
    const had = trees.get(name);
    if (had === undefined || isEmptyTree(had)) trees.set(name, nodes);
    else if (!isEmptyTree(nodes))
      fail(item, `template: multiple definition of template ${JSON.stringify(name)}`);
  };
  /** A define's or block's body is a tree of its own: it sees only `$`. */
  const ownTree = <T>(body: () => T): T => {
    const saved = vars.splice(0, vars.length, ['$']);
    try {
      return body();
    } finally {
      vars.splice(0, vars.length, ...saved);
    }
  };
  const templateName = (tok: Item, context: string): string => {
    if (tok.typ !== 'string' && tok.typ !== 'raw') fail(tok, `unexpected ${itemText(tok)} in ${context}`);
    return unquote(tok.val);
  };
  const pipeText = (p: Pipe): string =>
    `${p.decl.length > 0 ? `${p.decl.join(', ')} ${p.assign ? '=' : ':='} ` : ''}${p.cmds.map((c) => c.text).join(' | ')}`;
  const definition = (item: Item) => {
    const context = 'define clause';
    const name = templateName(errorItem(nextNonSpace()), context);
    const r = errorItem(nextNonSpace());
    if (r.typ !== 'right') fail(r, `unexpected ${itemText(r)} in ${context}`);
    const body = ownTree(() => list());
    if (body.end !== 'end') fail(body.item, `unexpected {{else}} in ${context}`);
    add(name, body.nodes, item);
  };
  const templateControl = (): Node => {
    const context = 'template clause';
    const tok = errorItem(nextNonSpace());
    const name = templateName(tok, context);
    let pipe: Pipe | undefined;
    if (peekNonSpace().typ === 'right') nextNonSpace();
    // Its variables are the caller's: they persist after it.
    else pipe = pipeline(context);
    const text = pipe
      ? `{{template ${JSON.stringify(name)} ${pipeText(pipe)}}}`
      : `{{template ${JSON.stringify(name)}}}`;
    return { t: 'template', name, ...(pipe ? { pipe } : {}), pos: tok.pos, text };
  };
  const blockControl = (): Node => {
    const context = 'block clause';
    const tok = errorItem(nextNonSpace());
    const name = templateName(tok, context);
    const pipe = pipeline(context);
    const body = ownTree(() => list());
    if (body.end !== 'end') fail(body.item, `unexpected {{else}} in ${context}`);
    add(name, body.nodes, tok);
    return {
      t: 'template',
      name,
      pipe,
      pos: tok.pos,
      text: `{{template ${JSON.stringify(name)} ${pipeText(pipe)}}}`,
    };
  };

  const operand = (): Arg | undefined => {
    const it = errorItem(peekNonSpace());
    const text = (from: number) => input.slice(from, peek().pos);
    let arg: Arg | undefined;
    switch (it.typ) {
      case 'ident':
        nextNonSpace();
        if (!hasFunction(it.val)) fail(it, `function ${JSON.stringify(it.val)} not defined`);
        arg = { t: 'func', name: it.val, pos: it.pos, text: it.val };
        break;
      case 'dot':
        nextNonSpace();
        arg = { t: 'dot', pos: it.pos, text: '.' };
        break;
      case 'nil':
        nextNonSpace();
        arg = { t: 'lit', value: null, pos: it.pos, text: 'nil' };
        break;
      case 'bool':
        nextNonSpace();
        arg = { t: 'lit', value: it.val === 'true', pos: it.pos, text: it.val };
        break;
      case 'number':
        nextNonSpace();
        arg = { t: 'lit', value: Number(it.val.replace(/_/g, '')), pos: it.pos, text: it.val };
        break;
      case 'string':
      case 'raw':
        nextNonSpace();
        arg = { t: 'lit', value: unquote(it.val), pos: it.pos, text: it.val };
        break;
      case 'var': {
        nextNonSpace();
        const [name, ...rest] = it.val.split('.');
        if (!vars.some((scope) => scope.includes(name as string)))
          fail(it, `undefined variable ${JSON.stringify(name)}`);
        arg = { t: 'var', name: name as string, names: rest, pos: it.pos, text: it.val };
        break;
      }
      case 'field':
        nextNonSpace();
        arg = { t: 'field', names: it.val.slice(1).split('.'), pos: it.pos, text: it.val };
        break;
      case 'lparen': {
        nextNonSpace();
        const pipe = pipeline('parenthesized pipeline', 'rparen');
        arg = { t: 'paren', pipe, names: [], pos: it.pos, text: text(it.pos) };
        break;
      }
      default:
        return undefined;
    }
    // `.a.b`, `$x.a`, `(…).a`: the fields that follow without a space, one chain.
    const chain: string[] = [];
    let chainPos = -1;
    while (peek().typ === 'field') {
      const f = next();
      if (chainPos < 0) chainPos = f.pos;
      chain.push(...f.val.slice(1).split('.'));
    }
    if (chain.length > 0) {
      if (arg.t === 'lit' || arg.t === 'func')
        fail(it, `unexpected . after term ${JSON.stringify(arg.text)}`);
      const names = [...('names' in arg ? arg.names : []), ...chain];
      const full = input.slice(arg.pos, peek().pos);
      if (arg.t === 'field' || arg.t === 'dot')
        arg = { t: 'field', names: arg.t === 'dot' ? chain : names, pos: chainPos, text: full };
      else if (arg.t === 'var') arg = { ...arg, names, pos: chainPos, text: full };
      else if (arg.t === 'paren') arg = { ...arg, names, text: full };
    }
    return arg;
  };

  const command = (): Cmd => {
    const args: Arg[] = [];
    const from = peekNonSpace().pos;
    for (;;) {
      const a = operand();
      if (a) args.push(a);
      const tok = next();
      if (tok.typ === 'space') continue;
      if (tok.typ === 'error') fail(tok, tok.val);
      if (tok.typ === 'right' || tok.typ === 'rparen') i--;
      else if (tok.typ !== 'pipe') fail(tok, `unexpected ${itemText(tok)} in operand`);
      break;
    }
    if (args.length === 0) fail(peek(), 'empty command');
    return { args, pos: from, text: input.slice(from, peek().pos).trim() };
  };

  const pipeline = (context: string, end: 'right' | 'rparen' = 'right'): Pipe => {
    const decl: string[] = [];
    let assign = false;
    const v = peekNonSpace();
    if (v.typ === 'var') {
      const save = i;
      nextNonSpace();
      const after = peekNonSpace();
      if (after.typ === 'declare' || after.typ === 'assign') {
        nextNonSpace();
        decl.push(v.val);
        assign = after.typ === 'assign';
      } else if (after.typ === 'char' && after.val === ',' && context === 'range') {
        nextNonSpace();
        decl.push(v.val);
        const w = nextNonSpace();
        if (w.typ !== 'var') fail(w, 'range can only initialize variables');
        const d = nextNonSpace();
        if (d.typ !== 'declare') fail(d, `unexpected ${itemText(d)} in range`);
        decl.push(w.val);
      } else i = save;
    }
    if (!assign) vars[vars.length - 1]?.push(...decl);
    const cmds: Cmd[] = [];
    for (;;) {
      const tok = errorItem(peekNonSpace());
      if (tok.typ === end) {
        nextNonSpace();
        if (cmds.length === 0) fail(tok, `missing value for ${context}`);
        return { decl, assign, cmds };
      }
      if (
        ['bool', 'dot', 'field', 'ident', 'number', 'nil', 'raw', 'string', 'var', 'lparen'].includes(tok.typ)
      )
        cmds.push(command());
      else fail(tok, `unexpected ${itemText(tok)} in ${context}`);
    }
  };

  type Ended = { nodes: Node[]; end: 'end' | 'else' | 'elseif'; item: Item };
  const list = (): Ended => {
    const nodes: Node[] = [];
    for (;;) {
      const it = errorItem(peek());
      if (it.typ === 'eof') fail(it, 'unexpected EOF');
      const n = textOrAction();
      if ('end' in n) return { nodes, ...n };
      nodes.push(n);
    }
  };

  const control = (t: 'if' | 'with' | 'range', pos: number): Node => {
    vars.push([...(vars[vars.length - 1] ?? [])]);
    const pipe = pipeline(t);
    let { nodes, end, item } = list();
    let elseList: Node[] = [];
    if (end === 'elseif' && t === 'if') {
      elseList = [control('if', item.pos)];
    } else if (end === 'else' || end === 'elseif') {
      if (end === 'elseif') fail(item, `unexpected <if> in else`);
      const rest = list();
      if (rest.end !== 'end') fail(rest.item, `expected end; found {{else}}`);
      elseList = rest.nodes;
      end = rest.end;
    }
    vars.pop();
    return { t, pipe, list: nodes, elseList, pos };
  };

  const textOrAction = (): Node | { end: 'end' | 'else' | 'elseif'; item: Item } => {
    const it = next();
    if (it.typ === 'text') return { t: 'text', text: it.val };
    if (it.typ !== 'left') return fail(it, `unexpected ${itemText(it)} in input`);
    const k = errorItem(peekNonSpace());
    if (k.typ === 'keyword') {
      nextNonSpace();
      if (k.val === 'end') {
        const r = nextNonSpace();
        if (r.typ !== 'right') fail(r, `unexpected ${itemText(r)} in end`);
        return { end: 'end', item: k };
      }
      if (k.val === 'else') {
        if (peekNonSpace().val === 'if') {
          nextNonSpace();
          return { end: 'elseif', item: k };
        }
        const r = nextNonSpace();
        if (r.typ !== 'right') fail(r, `unexpected ${itemText(r)} in else`);
        return { end: 'else', item: k };
      }
      if (k.val === 'if' || k.val === 'with' || k.val === 'range') return control(k.val, k.pos);
      if (k.val === 'template') return templateControl();
      if (k.val === 'block') return blockControl();
      // {{define}} is read only at the top (parse's loop); anywhere else it is a stray keyword.
      return fail(k, `unexpected ${itemText(k)} in command`);
    }
    const pipe = pipeline('command');
    return { t: 'action', pipe, pos: k.pos };
  };

  const root: Node[] = [];
  for (;;) {
    const it = errorItem(peek());
    if (it.typ === 'eof') {
      // The main tree is added last, as parse.Parse does.
      add('output', root, it);
      return { trees };
    }
    if (it.typ === 'left') {
      const at = i;
      next();
      const k = errorItem(peekNonSpace());
      if (k.typ === 'keyword' && k.val === 'define') {
        nextNonSpace();
        definition(k);
        continue;
      }
      i = at;
    }
    const n = textOrAction();
    if ('end' in n) fail(n.item, `unexpected {{${n.end === 'end' ? 'end' : 'else'}}}`);
    else root.push(n);
  }
}
