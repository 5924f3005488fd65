// Limits on a YAML or JSON text, checked before any parser sees it: a parser given 200 KB
// of nested `[` spends seconds before it reports the depth (issue 16), and a handful of
// anchors and aliases can expand to billions of nodes. One pass over the characters,
// linear in the text, answers "too big, too deep, too many aliases" in milliseconds,
// whatever the text. It over-estimates depth a little (a plain scalar's `[` after `: `
// counts), never under-estimates: a text it passes parses within the same limits.
// Shared by teacher's lesson files and kubectl's manifests.

export interface TextLimits {
  /** Characters (UTF-16 code units, as `text.length`). */
  readonly maxChars: number;
  /** Nesting of block indentation, `- ` items on one line and flow `[`/`{`, together. */
  readonly maxDepth: number;
  /** `*name` references. */
  readonly maxAliases: number;
  /** Anchors (`&name`) and tags (`!tag`): a parser reports a second one on a node with slow care. */
  readonly maxProperties: number;
  /**
   * Entries: lines that hold structure, plus the items of flow collections. A parser's
   * time grows with them (the \`yaml\` package: ~30 µs each in Node), not with the characters.
   */
  readonly maxEntries: number;
}

export type LimitBreach =
  | { readonly limit: 'size'; readonly line: 0; readonly message: string }
  | {
      readonly limit: 'depth' | 'aliases' | 'properties' | 'entries';
      readonly line: number;
      readonly message: string;
    };

/** The first limit a text breaks, with its line (1-based; 0 for the whole file), or undefined. */
export function checkTextLimits(text: string, limits: TextLimits): LimitBreach | undefined {
  if (text.length > limits.maxChars)
    return {
      limit: 'size',
      line: 0,
      message: `the file is larger than ${limits.maxChars.toLocaleString('en-US')} characters`,
    };
  const tooDeep = (line: number): LimitBreach => ({
    limit: 'depth',
    line,
    message: `nested more than ${limits.maxDepth} levels deep`,
  });
  let aliases = 0;
  let entries = 0;
  let properties = 0;
  const tooMany = (line: number): LimitBreach => ({
    limit: 'entries',
    line,
    message: `more than ${limits.maxEntries.toLocaleString('en-US')} entries`,
  });
  let flow = 0;
  // Indentations of the block levels open on the lines above.
  const indents: number[] = [];
  // A block scalar (`|`, `>`) holds text, not structure, until a line is indented no deeper than this.
  let blockScalarIndent = -1;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // The start of a line: its indentation.
    let indent = 0;
    while (i < n && text[i] === ' ') {
      indent += 1;
      i += 1;
    }
    const blank = i >= n || text[i] === '\n' || text[i] === '\r' || text[i] === '#';
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      while (i < n && text[i] !== '\n') i += 1;
      i += 1;
      line += 1;
      continue;
    }
    blockScalarIndent = -1;
    if (flow === 0 && !blank) {
      entries += 1;
      if (entries > limits.maxEntries) return tooMany(line);
      while (indents.length > 0 && (indents.at(-1) as number) >= indent) indents.pop();
      indents.push(indent);
    }
    let dashes = 0;
    // At the start of a value (after indentation, `- `, `? `, `: `, or `,` in flow), where
    // `[`, `{` and `*` mean structure; elsewhere in a plain scalar they are text.
    let valueStart = true;
    const lineStart = i;
    while (i < n && text[i] !== '\n') {
      const c = text[i] as string;
      const after = text[i + 1];
      const spaceAfter = after === undefined || after === ' ' || after === '\n' || after === '\r';
      if (c === ' ' || c === '\t' || c === '\r') {
        i += 1;
        continue;
      }
      if ((c === '"' || c === "'") && (valueStart || flow > 0)) {
        // A quoted scalar, possibly over several lines.
        i += 1;
        while (i < n && text[i] !== c) {
          if (text[i] === '\\' && c === '"') i += 1;
          if (text[i] === '\n') line += 1;
          i += 1;
        }
        i += 1;
        valueStart = false;
        continue;
      }
      if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        while (i < n && text[i] !== '\n') i += 1;
        break;
      }
      if ((c === '&' || c === '!') && valueStart) {
        // An anchor or a tag comes before its value: the value still starts after it.
        properties += 1;
        if (properties > limits.maxProperties)
          return {
            limit: 'properties',
            line,
            message: `more than ${limits.maxProperties} anchors (&name) and tags (!tag)`,
          };
        while (i < n && text[i] !== ' ' && text[i] !== '\n') i += 1;
        continue;
      }
      if (c === '*' && valueStart) {
        aliases += 1;
        if (aliases > limits.maxAliases)
          return { limit: 'aliases', line, message: `more than ${limits.maxAliases} aliases (*name)` };
      }
      if (flow > 0 && (c === ',' || c === '[' || c === '{')) {
        entries += 1;
        if (entries > limits.maxEntries) return tooMany(line);
      }
      if ((c === '[' || c === '{') && (flow > 0 || valueStart)) {
        flow += 1;
        if (indents.length + dashes + flow > limits.maxDepth) return tooDeep(line);
        valueStart = true;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow -= 1;
        valueStart = false;
      } else if ((c === '-' || c === '?') && valueStart && spaceAfter) {
        if (flow === 0 && c === '-') dashes += 1;
        entries += 1;
        if (entries > limits.maxEntries) return tooMany(line);
        if (indents.length + dashes + flow > limits.maxDepth) return tooDeep(line);
      } else valueStart = (c === ':' && (spaceAfter || flow > 0)) || (c === ',' && flow > 0);
      i += 1;
    }
    if (indents.length + dashes > limits.maxDepth) return tooDeep(line);
    // `key: |` or `- >-`: the lines below, indented deeper, are text.
    if (flow === 0 && /(?:^|[\s:-])[|>][0-9+-]*\s*(?:#.*)?$/.test(text.slice(lineStart, i)))
      blockScalarIndent = indent;
    i += 1;
    line += 1;
  }
  return undefined;
}
