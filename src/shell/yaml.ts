// A small YAML reader, enough for the lab's manifests: block mappings and
// sequences (including a sequence at its key's indentation), plain and quoted
// scalars, flow [] and {}, literal | blocks, comments and --- documents.
// The npm `yaml` package would ship ~30 KB to the browser for features the
// book's files never use.

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

export class YamlError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`yaml: line ${line}: ${message}`);
  }
}

interface Line {
  readonly no: number;
  readonly indent: number;
  readonly text: string;
}

function stripComment(s: string): string {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}

/** Parses every document of a stream; empty documents are skipped. */
export function parseYamlDocuments(source: string): YamlValue[] {
  const docs: Line[][] = [[]];
  const raw = source.replace(/\r\n/g, '\n').split('\n');
  raw.forEach((text, i) => {
    if (/^---(\s|$)/.test(text)) {
      docs.push([]);
      return;
    }
    if (/^\.\.\.(\s|$)/.test(text)) return;
    (docs[docs.length - 1] as Line[]).push({
      no: i + 1,
      indent: text.length - text.trimStart().length,
      text,
    });
  });
  const out: YamlValue[] = [];
  for (const lines of docs) {
    const p = new Parser(lines);
    const v = p.document();
    if (v !== null) out.push(v);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly lines: Line[]) {}

  document(): YamlValue {
    this.skipBlank();
    const first = this.lines[this.i];
    if (!first) return null;
    const v = this.block(first.indent);
    this.skipBlank();
    const rest = this.lines[this.i];
    if (rest) throw new YamlError(rest.no, 'did not find expected <document start>');
    return v;
  }

  private skipBlank(): void {
    while (this.i < this.lines.length) {
      const l = this.lines[this.i] as Line;
      if (stripComment(l.text).trim() !== '') return;
      this.i++;
    }
  }

  private peek(): Line | undefined {
    this.skipBlank();
    return this.lines[this.i];
  }

  private block(indent: number): YamlValue {
    const l = this.peek();
    if (!l) return null;
    const t = stripComment(l.text).trim();
    if (t === '-' || t.startsWith('- ')) return this.sequence(l.indent);
    return this.mapping(indent);
  }

  private sequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (;;) {
      const l = this.peek();
      if (!l || l.indent !== indent) break;
      const t = stripComment(l.text).trim();
      if (t !== '-' && !t.startsWith('- ')) break;
      const rest = t.slice(1).trimStart();
      if (rest === '') {
        this.i++;
        const next = this.peek();
        items.push(next && next.indent > indent ? this.block(next.indent) : null);
      } else if (/^[^'"[{][^:]*:(\s|$)/.test(rest) || /^["'][^"']*["']:(\s|$)/.test(rest)) {
        // "- key: value": a mapping whose first key sits after the dash.
        const column = indent + (t.length - rest.length);
        this.lines[this.i] = { no: l.no, indent: column, text: ' '.repeat(column) + rest };
        items.push(this.mapping(column));
      } else {
        this.i++;
        items.push(this.scalarOrBlock(rest, l, indent));
      }
    }
    return items;
  }

  private mapping(indent: number): { [key: string]: YamlValue } {
    const map: { [key: string]: YamlValue } = {};
    for (;;) {
      const l = this.peek();
      if (!l || l.indent < indent) break;
      if (l.indent > indent) throw new YamlError(l.no, 'mapping values are not allowed in this context');
      const t = stripComment(l.text).trim();
      if (t.startsWith('- ') || t === '-') break;
      const m = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^:]+?)\s*:(?:\s+(.*)|$)/.exec(t);
      if (!m) throw new YamlError(l.no, "could not find expected ':'");
      const key = unquote(m[1] as string);
      const rest = (m[2] ?? '').trim();
      this.i++;
      if (rest === '') {
        const next = this.peek();
        if (next && next.indent > indent) map[key] = this.block(next.indent);
        else if (next && next.indent === indent && /^-(\s|$)/.test(stripComment(next.text).trim()))
          map[key] = this.sequence(indent);
        else map[key] = null;
      } else map[key] = this.scalarOrBlock(rest, l, indent);
    }
    return map;
  }

  private scalarOrBlock(text: string, l: Line, indent: number): YamlValue {
    if (text === '|' || text === '|-' || text === '>' || text === '>-') {
      const body: string[] = [];
      let bodyIndent = -1;
      while (this.i < this.lines.length) {
        const n = this.lines[this.i] as Line;
        if (n.text.trim() !== '' && n.indent <= indent) break;
        if (bodyIndent < 0 && n.text.trim() !== '') bodyIndent = n.indent;
        body.push(n.text.slice(Math.max(0, bodyIndent)));
        this.i++;
      }
      while (body.length && body[body.length - 1] === '') body.pop();
      const joined = text.startsWith('>') ? body.join(' ') : body.join('\n');
      return text.endsWith('-') ? joined : `${joined}\n`;
    }
    return scalar(text, l.no);
  }
}

function unquote(s: string): string {
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) return JSON.parse(s) as string;
  if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

function splitFlow(s: string, line: number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  let quote = '';
  for (const c of s) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (quote || depth !== 0) throw new YamlError(line, "did not find expected ',' or ']'");
  if (cur.trim() !== '') parts.push(cur.trim());
  return parts;
}

function scalar(text: string, line: number): YamlValue {
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) throw new YamlError(line, "did not find expected ',' or ']'");
    return splitFlow(text.slice(1, -1), line).map((p) => scalar(p, line));
  }
  if (text.startsWith('{')) {
    if (!text.endsWith('}')) throw new YamlError(line, "did not find expected ',' or '}'");
    const map: { [key: string]: YamlValue } = {};
    for (const p of splitFlow(text.slice(1, -1), line)) {
      const i = p.indexOf(':');
      if (i < 0) throw new YamlError(line, "did not find expected ':'");
      map[unquote(p.slice(0, i).trim())] = scalar(p.slice(i + 1).trim(), line);
    }
    return map;
  }
  if (text.startsWith('"') || text.startsWith("'")) {
    const q = text[0] as string;
    if (!text.endsWith(q) || text.length < 2) throw new YamlError(line, 'found unexpected end of stream');
    return unquote(text);
  }
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^(null|Null|NULL|~)$/.test(text)) return null;
  if (/^[-+]?\d+$/.test(text)) return Number.parseInt(text, 10);
  if (/^[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number.parseFloat(text);
  if (/:\s/.test(text)) throw new YamlError(line, 'mapping values are not allowed in this context');
  return text;
}
