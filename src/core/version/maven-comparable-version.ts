import { compareDigitStrings, compareStrings, stripLeadingZeros } from './numeric-string.js';

/**
 * An item of Maven's `ComparableVersion` (maven-artifact 3.8.7+/3.9): a number, a qualifier or
 * a nested list (a `-` or a digit/letter transition opens a sub-list).
 */
export type MavenItem =
  | { readonly kind: 'number'; readonly digits: string }
  | { readonly kind: 'qualifier'; readonly value: string }
  | { readonly kind: 'list'; readonly items: MavenItem[] };

/** Known qualifiers in ascending order; `''` is the release (aliases ga, final, release). */
const qualifiers = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const aliases: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
const releaseRank = String(qualifiers.indexOf(''));

/** Known qualifiers rank by position; unknown ones after all of them, alphabetically. */
function qualifierRank(value: string): string {
  const i = qualifiers.indexOf(value);
  return i === -1 ? `${qualifiers.length}-${value}` : String(i);
}

function qualifier(value: string, followedByDigit: boolean): MavenItem {
  let v = value;
  // `1a1` means alpha 1: single letters a, b, m directly followed by a digit are abbreviations.
  if (followedByDigit && v.length === 1) v = v === 'a' ? 'alpha' : v === 'b' ? 'beta' : v === 'm' ? 'milestone' : v;
  return { kind: 'qualifier', value: aliases[v] ?? v };
}

function item(isDigit: boolean, text: string): MavenItem {
  return isDigit ? { kind: 'number', digits: stripLeadingZeros(text) } : qualifier(text, false);
}

function isNull(it: MavenItem): boolean {
  switch (it.kind) {
    case 'number':
      return it.digits === '';
    case 'qualifier':
      return qualifierRank(it.value) === releaseRank;
    case 'list':
      return it.items.length === 0;
  }
}

/** Drops trailing null items (0, '', empty lists), looking through nested lists at the end. */
function normalize(list: MavenItem[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const last = list[i];
    if (last === undefined) break;
    if (isNull(last)) list.splice(i, 1);
    else if (last.kind !== 'list') break;
  }
}

const isAsciiDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Parses like `ComparableVersion.parseVersion` (lower-cased, Locale.ENGLISH). */
export function parseMavenVersion(version: string): MavenItem[] {
  const v = version.toLowerCase();
  const root: MavenItem[] = [];
  let list = root;
  const stack: MavenItem[][] = [root];
  const openList = (): void => {
    const next: MavenItem[] = [];
    list.push({ kind: 'list', items: next });
    list = next;
    stack.push(next);
  };
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v[i] ?? '';
    if (c === '.' || c === '-') {
      list.push(i === start ? { kind: 'number', digits: '' } : item(isDigit, v.slice(start, i)));
      start = i + 1;
      if (c === '-') openList();
    } else if (isAsciiDigit(c)) {
      if (!isDigit && i > start) {
        // MNG-7644: `1.0.0.X1` reads as `1.0.0-X1` — a dot-qualifier opens a list like `-` does.
        if (list.length > 0) openList();
        list.push(qualifier(v.slice(start, i), true));
        start = i;
        openList();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(item(true, v.slice(start, i)));
        start = i;
        openList();
      }
      isDigit = false;
    }
  }
  if (v.length > start) {
    if (!isDigit && list.length > 0) openList();
    list.push(item(isDigit, v.slice(start)));
  }
  while (stack.length > 0) normalize(stack.pop() ?? []);
  return root;
}

/** `Item.compareTo`; `b === undefined` is Maven's `compareTo(null)` (the shorter side padded). */
function compareItem(a: MavenItem, b: MavenItem | undefined): number {
  switch (a.kind) {
    case 'number':
      if (b === undefined) return a.digits === '' ? 0 : 1;
      return b.kind === 'number' ? compareDigitStrings(a.digits, b.digits) : 1;
    case 'qualifier':
      if (b === undefined) return compareStrings(qualifierRank(a.value), releaseRank);
      if (b.kind === 'qualifier') return compareStrings(qualifierRank(a.value), qualifierRank(b.value));
      return -1;
    case 'list':
      if (b === undefined) return a.items[0] === undefined ? 0 : compareItem(a.items[0], undefined);
      if (b.kind === 'number') return -1;
      if (b.kind === 'qualifier') return 1;
      return compareMavenItems(a.items, b.items);
  }
}

/** `ListItem.compareTo(ListItem)`. */
export function compareMavenItems(a: readonly MavenItem[], b: readonly MavenItem[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const l = a[i];
    const r = b[i];
    const result = l === undefined ? (r === undefined ? 0 : -compareItem(r, undefined)) : compareItem(l, r);
    if (result !== 0) return result;
  }
  return 0;
}

/** The canonical form Maven prints (`1-beta-1` for `1.0.0.Beta1`), handy in evidence and tests. */
export function canonicalMavenVersion(items: readonly MavenItem[]): string {
  let out = '';
  for (const it of items) {
    if (out !== '') out += it.kind === 'list' ? '-' : '.';
    out +=
      it.kind === 'number' ? it.digits || '0' : it.kind === 'qualifier' ? it.value : canonicalMavenVersion(it.items);
  }
  return out;
}
