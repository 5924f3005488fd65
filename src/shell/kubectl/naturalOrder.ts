// kubectl --sort-by compares strings in natural order (pkg/cmd/get/sorter.go isLess, at
// kubernetes-1.18.4 and 1.20.2: github.com/fvbommel/sortorder NaturalLess): runs of
// ASCII digits compare as numbers ("a2" < "a10"), a shorter run of leading zeros first
// ("2" < "02"), a digit before any other byte, everything else bytewise.

const isDigit = (c: number) => c >= 48 && c <= 57;

export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c1 = a.charCodeAt(i);
    const c2 = b.charCodeAt(j);
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    // A non-digit run that ended sorts before one that goes on.
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const from1 = i;
    const from2 = j;
    while (i < a.length && isDigit(a.charCodeAt(i))) i++;
    while (j < b.length && isDigit(b.charCodeAt(j))) j++;
    if (i - from1 !== j - from2) return i - from1 < j - from2;
    const n1 = a.slice(from1, i);
    const n2 = b.slice(from2, j);
    if (n1 !== n2) return n1 < n2;
    // The same number: fewer leading zeros first.
    if (from1 !== from2) return from1 < from2;
  }
  return a.length < b.length;
}

/** A comparator for Array.prototype.sort. */
export function naturalCompare(a: string, b: string): number {
  return naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;
}
