/**
 * The OSV reference type for a CVE 5 / NVD reference, from its tags. CVE 5 writes tags as
 * `vendor-advisory`, NVD as `Vendor Advisory`; both are compared in the CVE 5 spelling.
 */
const byTag: readonly (readonly [string, string])[] = [
  ['patch', 'FIX'],
  ['vendor-advisory', 'ADVISORY'],
  ['third-party-advisory', 'ADVISORY'],
  ['us-government-resource', 'ADVISORY'],
  ['exploit', 'EVIDENCE'],
  ['issue-tracking', 'REPORT'],
  ['mailing-list', 'DISCUSSION'],
  ['release-notes', 'ARTICLE'],
  ['technical-description', 'ARTICLE'],
];

export function referenceTypeFromTags(tags: readonly unknown[]): string {
  const spelled = new Set(
    tags.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase().replaceAll(' ', '-')),
  );
  return byTag.find(([tag]) => spelled.has(tag))?.[1] ?? 'WEB';
}
