// One host's files: a map from absolute path to contents, plus the directories.
// Paths are resolved as bash resolves them (relative to the working directory).

export class FileSystem {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['/']);

  static resolve(cwd: string, path: string): string {
    const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
    const out: string[] = [];
    for (const p of parts) {
      if (p === '' || p === '.') continue;
      if (p === '..') out.pop();
      else out.push(p);
    }
    return `/${out.join('/')}`;
  }

  static dirname(path: string): string {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
  }

  static basename(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
  }

  isFile(path: string): boolean {
    return this.files.has(path);
  }

  isDir(path: string): boolean {
    return this.dirs.has(path);
  }

  exists(path: string): boolean {
    return this.isFile(path) || this.isDir(path);
  }

  read(path: string): string | undefined {
    return this.files.get(path);
  }

  /** Writes a file, creating its parent directories (callers check parents when bash would). */
  write(path: string, contents: string): void {
    this.mkdirs(FileSystem.dirname(path));
    this.files.set(path, contents);
  }

  mkdirs(path: string): void {
    let p = path;
    while (!this.dirs.has(p)) {
      this.dirs.add(p);
      p = FileSystem.dirname(p);
    }
  }

  remove(path: string): void {
    this.files.delete(path);
    const prefix = `${path}/`;
    for (const f of [...this.files.keys()]) if (f.startsWith(prefix)) this.files.delete(f);
    for (const d of [...this.dirs]) if (d === path || d.startsWith(prefix)) this.dirs.delete(d);
  }

  /** Moves a file or a directory tree. */
  move(from: string, to: string): void {
    if (this.isFile(from)) {
      const contents = this.files.get(from) ?? '';
      this.files.delete(from);
      this.write(to, contents);
      return;
    }
    const prefix = `${from}/`;
    for (const [f, c] of [...this.files]) {
      if (f.startsWith(prefix)) {
        this.files.delete(f);
        this.write(to + f.slice(from.length), c);
      }
    }
    for (const d of [...this.dirs]) {
      if (d === from || d.startsWith(prefix)) {
        this.dirs.delete(d);
        this.mkdirs(to + d.slice(from.length));
      }
    }
  }

  /** Names directly inside a directory, sorted as `ls` sorts them (C locale). */
  list(dir: string): string[] {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p !== dir && p.startsWith(prefix)) {
        const name = p.slice(prefix.length).split('/')[0];
        if (name) names.add(name);
      }
    }
    return [...names].sort();
  }
}
