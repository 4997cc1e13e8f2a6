/**
 * Property names under which a malformed identifier is kept, so nothing the document said
 * is lost while the component goes without a (wrong) purl or CPE.
 */
export const invalidIdentifierProperty = {
  purl: 'jointsec:invalidPurl',
  cpe: 'jointsec:invalidCpe',
} as const;
