/**
 * Assigns SPDX identifiers (SPDX 2.3 §7.2: `SPDXRef-` followed by letters, digits, `.` and `-`)
 * to model refs, which may be CycloneDX bom-refs such as `pkg:npm/a@1`. A ref that already is a
 * valid SPDXID keeps it, so an SPDX → SPDX round trip is stable; others are sanitized and made unique.
 */
export function spdxIdAssigner(): (ref: string) => string {
  const byRef = new Map<string, string>();
  const taken = new Set<string>(['SPDXRef-DOCUMENT']);
  return (ref) => {
    const known = byRef.get(ref);
    if (known) return known;
    const base = /^SPDXRef-[A-Za-z0-9.-]+$/.test(ref)
      ? ref
      : `SPDXRef-Package-${ref
          .replace(/[^A-Za-z0-9.-]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 80)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    byRef.set(ref, id);
    return id;
  };
}
