// kubectl get -o go-template=… | go-template-file=… (also template= / templatefile=):
// the template parsed once (a parse error stops before anything prints), then
// executed over the object, or over a List of the objects when there are several,
// as 1.18's printGeneric hands them over.
import type { KubeObject } from '../../sim/objects';
import type { CommandIO } from '../command';
import { ExecError, execute, hasFunction } from './goTemplateExec';
import { parseTemplate, TemplateError } from './goTemplateParse';
import type { Plain, WireShown } from './objectPrinter';
import { wireList, wireObject } from './objectPrinter';

export type TemplateOutcome =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: string; readonly stdout?: string };

/**
 * The template text of -o go-template-file|templatefile|jsonpath-file=PATH, or the error
 * cli-runtime 1.18.4 prints when ioutil.ReadFile fails (template_flags.go, jsonpath_flags.go:
 * `error reading --template %s, %v`, the *PathError as Go words it).
 */
export function readTemplateFile(io: CommandIO, path: string): { text: string } | { error: string } {
  const full = io.shell.resolve(path);
  if (io.shell.fs.isDir(full))
    return { error: `error: error reading --template ${path}, read ${path}: is a directory` };
  const text = io.shell.fs.read(full);
  if (text === undefined)
    return { error: `error: error reading --template ${path}, open ${path}: no such file or directory` };
  return { text };
}

/** The root kubectl hands the template: the object itself for one name, else a List. */
export function templateRoot(
  items: readonly KubeObject[],
  single: boolean,
  epochMs?: number,
  shown: WireShown = {},
): Plain {
  return single && items[0] ? wireObject(items[0], epochMs, shown) : wireList(items, epochMs, shown);
}

export function printGoTemplate(template: string, wire: Plain): TemplateOutcome {
  if (template === '') return { ok: false, error: 'error: template format specified but no template given' };
  let parsed: ReturnType<typeof parseTemplate>;
  try {
    parsed = parseTemplate(template, hasFunction);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    // fmt.Errorf("error parsing template %s, %v\n"): that newline ends the line kubectl prints.
    return { ok: false, error: `error: error parsing template ${template}, ${e.message}` };
  }
  try {
    return { ok: true, text: execute(parsed, wire, template) };
  } catch (e) {
    if (!(e instanceof ExecError)) throw e;
    // template.go prints what it was given on stdout before returning the error.
    const stdout = [
      `Error executing template: ${e.message}. Printing more information for debugging the template:`,
      '\ttemplate was:',
      `\t\t${template}`,
      '\traw data was:',
      `\t\t${JSON.stringify(wire)}`,
      '\tobject given to template engine was:',
      `\t\t${goMap(wire)}`,
      '',
    ].join('\n');
    return {
      ok: false,
      stdout,
      error: `error: error executing template ${JSON.stringify(template)}: ${e.message}`,
    };
  }
}

/** fmt's %+v of the decoded object: map[k:v …] with sorted keys, <nil> for null. */
function goMap(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goMap).join(' ')}]`;
  if (typeof v === 'object')
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goMap((v as Record<string, unknown>)[k])}`)
      .join(' ')}]`;
  return String(v);
}
