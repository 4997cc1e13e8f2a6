/**
 * apk-tools 2.x `apk_version_compare_blob` (src/version.c, as in Alpine 3.10 which generated the
 * OSV fixtures): a version is read as a stream of typed tokens — numbers, one letter, `_suffix`
 * with a number, `-r` revision — and compared token by token. Pre-release suffixes (`_alpha`,
 * `_beta`, `_pre`, `_rc`) weigh negative so `1.2_rc1` < `1.2`; post suffixes (`_cvs`, `_svn`,
 * `_git`, `_hg`, `_p`) positive.
 */
const enum Token {
  Invalid = -1,
  DigitOrZero = 0,
  Digit = 1,
  Letter = 2,
  Suffix = 3,
  SuffixNumber = 4,
  RevisionNumber = 5,
  End = 6,
}

const preSuffixes = ['alpha', 'beta', 'pre', 'rc'];
const postSuffixes = ['cvs', 'svn', 'git', 'hg', 'p'];

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLower = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';

/** A cursor over one version string: the current token type and position. */
interface Cursor {
  type: Token;
  readonly s: string;
  pos: number;
}

/** Decides the type of the next token from the separator at the cursor (apk `next_token`). */
function nextToken(cur: Cursor): void {
  let n = Token.Invalid;
  const c = cur.s[cur.pos];
  if (cur.pos >= cur.s.length) n = Token.End;
  else if ((cur.type === Token.Digit || cur.type === Token.DigitOrZero) && isLower(c)) n = Token.Letter;
  else if (cur.type === Token.Letter && isDigit(c)) n = Token.Digit;
  else if (cur.type === Token.Suffix && isDigit(c)) n = Token.SuffixNumber;
  else {
    if (c === '.') n = Token.DigitOrZero;
    else if (c === '_') n = Token.Suffix;
    else if (c === '-' && cur.s[cur.pos + 1] === 'r') {
      n = Token.RevisionNumber;
      cur.pos++;
    }
    cur.pos++;
  }
  if (n < cur.type) {
    const allowed =
      (n === Token.DigitOrZero && cur.type === Token.Digit) ||
      (n === Token.Suffix && cur.type === Token.SuffixNumber) ||
      (n === Token.Digit && cur.type === Token.Letter);
    if (!allowed) n = Token.Invalid;
  }
  cur.type = n;
}

/** Reads the token at the cursor and returns its weight (apk `get_token`). */
function getToken(cur: Cursor): bigint {
  if (cur.pos >= cur.s.length) {
    cur.type = Token.End;
    return 0n;
  }
  let value = 0n;
  let i = cur.pos;
  let next = Token.Invalid;
  switch (cur.type) {
    case Token.DigitOrZero:
    case Token.Digit:
    case Token.SuffixNumber:
    case Token.RevisionNumber:
      if (cur.type === Token.DigitOrZero && cur.s[i] === '0') {
        // Leading zeros after a dot compare as a fraction: more zeros weigh less.
        while (i < cur.s.length && cur.s[i] === '0') i++;
        next = Token.Digit;
        value = BigInt(cur.pos - i);
        break;
      }
      while (isDigit(cur.s[i])) i++;
      value = i > cur.pos ? BigInt(cur.s.slice(cur.pos, i)) : 0n;
      break;
    case Token.Letter:
      value = BigInt(cur.s.charCodeAt(i));
      i++;
      break;
    case Token.Suffix: {
      const rest = cur.s.slice(i);
      const pre = preSuffixes.findIndex((p) => rest.startsWith(p));
      const post = pre === -1 ? postSuffixes.findIndex((p) => rest.startsWith(p)) : -1;
      if (pre === -1 && post === -1) {
        cur.type = Token.Invalid;
        return -1n;
      }
      next = Token.SuffixNumber;
      value = pre !== -1 ? BigInt(pre - preSuffixes.length) : BigInt(post);
      i += (pre !== -1 ? preSuffixes[pre] : postSuffixes[post])?.length ?? 0;
      break;
    }
    case Token.Invalid:
    case Token.End:
      cur.type = Token.Invalid;
      return -1n;
  }
  cur.pos = i;
  if (cur.pos >= cur.s.length) cur.type = Token.End;
  else if (next !== Token.Invalid) cur.type = next;
  else nextToken(cur);
  return value;
}

/** Compares two apk version strings; any strings are ordered, as `apk version -t` does. */
export function compareApkVersions(a: string, b: string): number {
  const ca: Cursor = { type: Token.Digit, s: a, pos: 0 };
  const cb: Cursor = { type: Token.Digit, s: b, pos: 0 };
  let av = 0n;
  let bv = 0n;
  while (ca.type === cb.type && ca.type !== Token.End && ca.type !== Token.Invalid && av === bv) {
    av = getToken(ca);
    bv = getToken(cb);
  }
  if (av < bv) return -1;
  if (av > bv) return 1;
  if (ca.type === cb.type) return 0;
  // Equal so far: the longer version is newer, unless what follows is a pre-release suffix.
  if (ca.type === Token.Suffix && getToken({ ...ca }) < 0n) return -1;
  if (cb.type === Token.Suffix && getToken({ ...cb }) < 0n) return 1;
  if (ca.type > cb.type) return -1;
  if (cb.type > ca.type) return 1;
  return 0;
}
