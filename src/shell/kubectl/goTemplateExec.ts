// Go's text/template executing over an object as kubectl hands it over (kubectl
// 1.18.4 cli-runtime printers/template.go): the object's JSON decoded into
// map[string]interface{} by apimachinery's json, so whole numbers are int64;
// missingkey=default, so a missing key prints `<no value>`; Go's builtins plus
// kubectl's `exists` and `base64decode`; values printed as fmt prints them.

import type { Value } from './goTemplateFormat';
import { ExecError, GoInt, isMap, NO_VALUE, show, truth } from './goTemplateFormat';
import type { Fn } from './goTemplateFuncs';
import { funcs } from './goTemplateFuncs';
import type { Arg, Cmd, Node, Parsed, Pipe } from './goTemplateParse';
import type { Plain } from './objectPrinter';

export { ExecError };
export const hasFunction = (name: string): boolean => Object.hasOwn(funcs, name);

/** Where the executor is: Go's state.at(node), for `output:<line>:<col>: executing … at <node>`. */
interface At {
  pos: number;
  text: string;
}

/**
 * How deep {{template}} calls may go here. Go 1.13 allows 100000 (exec.go maxExecDepth),
 * more than a JavaScript stack holds; no template over a kubectl object recurses a
 * thousand deep unless it never ends, so the lab stops there with Go's words.
 */
const MAX_DEPTH = 1000;

export function execute(parsed: Parsed, data: Value, source: string): string {
  const scopes: Map<string, Value>[] = [new Map([['$', data]])];
  let at: At = { pos: 0, text: '' };
  /** The template executing now: errors name it (`executing "x" at …`). */
  let running = 'output';
  let depth = 0;
  const fail = (msg: string): never => {
    const before = source.slice(0, at.pos);
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = at.pos - (before.lastIndexOf('\n') + 1);
    throw new ExecError(
      `template: output:${line}:${col}: executing ${JSON.stringify(running)} at <${at.text}>: ${msg}`,
    );
  };
  /** walkTemplate: the named tree over the pipeline's value, with only `$` (no dynamic scoping). */
  const callTemplate = (n: Extract<Node, { t: 'template' }>, dot: Value): string => {
    at = n;
    const tree = parsed.trees.get(n.name);
    if (tree === undefined) return fail(`template ${JSON.stringify(n.name)} not defined`);
    if (depth >= MAX_DEPTH) return fail('exceeded maximum template depth (100000)');
    // Variables the pipeline declares persist in the caller.
    const value = n.pipe ? pipe(n.pipe, dot) : NO_VALUE;
    const saved = scopes.splice(0, scopes.length, new Map([['$', value]]));
    const caller = running;
    running = n.name;
    depth++;
    try {
      return run(tree, value);
    } finally {
      depth--;
      running = caller;
      scopes.splice(0, scopes.length, ...saved);
    }
  };
  const lookup = (name: string): Value => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const s = scopes[i] as Map<string, Value>;
      if (s.has(name)) return s.get(name) as Value;
    }
    return NO_VALUE;
  };
  const fields = (v: Value, names: readonly string[], hasArgs: boolean, node: At): Value => {
    let cur = v;
    names.forEach((name, i) => {
      at = node;
      if (cur === NO_VALUE) return;
      if (cur === null) fail(`nil pointer evaluating interface {}.${name}`);
      if (!isMap(cur)) fail(`can't evaluate field ${name} in type interface {}`);
      if (hasArgs && i === names.length - 1) fail(`${name} is not a method but has arguments`);
      const m = cur as { [k: string]: Plain };
      cur = Object.hasOwn(m, name) ? (m[name] as Plain) : NO_VALUE;
    });
    return cur;
  };
  const arg = (a: Arg, dot: Value, hasArgs = false): Value => {
    switch (a.t) {
      case 'dot':
        return dot;
      case 'lit':
        return typeof a.value === 'number' && Number.isInteger(a.value) && !a.text.includes('.')
          ? new GoInt(a.value)
          : a.value;
      case 'field':
        return fields(dot, a.names, hasArgs, a);
      case 'var':
        return fields(lookup(a.name), a.names, hasArgs, a);
      case 'paren':
        return fields(pipe(a.pipe, dot), a.names, hasArgs, a);
      case 'func':
        return call(a.name, [], dot, a);
    }
  };
  const call = (name: string, args: Value[], _dot: Value, node: At): Value => {
    at = node;
    const fn = funcs[name] as Fn;
    try {
      return fn(args);
    } catch (e) {
      if (e instanceof ExecError) {
        at = node;
        return fail(
          e.message.startsWith('error calling') || e.message.startsWith('wrong')
            ? e.message
            : `error calling ${name}: ${e.message}`,
        );
      }
      throw e;
    }
  };
  const command = (c: Cmd, dot: Value, final: Value | undefined): Value => {
    const [first, ...rest] = c.args;
    if (!first) return NO_VALUE;
    if (first.t === 'func') {
      const args = rest.map((a) => arg(a, dot));
      if (final !== undefined) args.push(final);
      return call(first.name, args, dot, { pos: c.pos, text: c.text });
    }
    const hasArgs = rest.length > 0 || final !== undefined;
    return arg(first, dot, hasArgs);
  };
  const pipe = (p: Pipe, dot: Value): Value => {
    let v: Value | undefined;
    for (const c of p.cmds) v = command(c, dot, v);
    const value = v ?? NO_VALUE;
    for (const name of p.decl) {
      if (p.assign) {
        for (let i = scopes.length - 1; i >= 0; i--)
          if (scopes[i]?.has(name)) {
            scopes[i]?.set(name, value);
            break;
          }
      } else scopes[scopes.length - 1]?.set(name, value);
    }
    return value;
  };
  const run = (list: readonly Node[], dot: Value): string => {
    let out = '';
    for (const n of list) {
      if (n.t === 'text') out += n.text;
      else if (n.t === 'action') {
        const v = pipe(n.pipe, dot);
        if (n.pipe.decl.length === 0) out += show(v);
      } else if (n.t === 'template') out += callTemplate(n, dot);
      else {
        scopes.push(new Map());
        try {
          out += block(n, dot);
        } finally {
          scopes.pop();
        }
      }
    }
    return out;
  };
  const block = (n: Extract<Node, { t: 'if' | 'with' | 'range' }>, dot: Value): string => {
    if (n.t !== 'range') {
      const decl = n.pipe.decl.length > 0 && !n.pipe.assign;
      const v = decl ? pipe({ ...n.pipe, decl: [] }, dot) : pipe(n.pipe, dot);
      if (decl) for (const d of n.pipe.decl) scopes[scopes.length - 1]?.set(d, v);
      if (!truth(v)) return run(n.elseList, dot);
      return run(n.list, n.t === 'with' ? v : dot);
    }
    const v = pipe({ ...n.pipe, decl: [] }, dot);
    const [first, second] = n.pipe.decl;
    const each = (key: Value, elem: Value) => {
      if (second !== undefined) {
        scopes[scopes.length - 1]?.set(first as string, key);
        scopes[scopes.length - 1]?.set(second, elem);
      } else if (first !== undefined) scopes[scopes.length - 1]?.set(first, elem);
      return run(n.list, elem);
    };
    if (v === NO_VALUE || v === null) return run(n.elseList, dot);
    if (Array.isArray(v))
      return v.length === 0 ? run(n.elseList, dot) : v.map((e, i) => each(new GoInt(i), e)).join('');
    if (isMap(v)) {
      const keys = Object.keys(v).sort();
      return keys.length === 0 ? run(n.elseList, dot) : keys.map((k) => each(k, v[k] as Plain)).join('');
    }
    return fail(`range can't iterate over ${show(v)}`);
  };
  return run(parsed.trees.get('output') ?? [], data);
}
