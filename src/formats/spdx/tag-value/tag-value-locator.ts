/**
 * Maps a JSON pointer into a converted tag-value document back to `line N`: the line of the
 * value itself, else of the nearest enclosing element; the pointer when nothing encloses it
 * (a missing top-level field has no line).
 */
export function tagValueLocator(lines: ReadonlyMap<string, number>): (pointer: string) => string {
  return (pointer) => {
    for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
      const line = lines.get(p);
      if (line !== undefined) return `line ${line}`;
    }
    return pointer;
  };
}
