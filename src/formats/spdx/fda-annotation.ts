/**
 * jointsec's convention for the FDA "level of support" field (premarket guidance V.A.4; domain
 * notes §3.8 and §8.4) in SPDX 2.x, which has no dedicated field for it: an annotation
 * (SPDX 2.3 §12) of type OTHER on the package whose comment is exactly
 * `fda:levelOfSupport=<value>`. On import a line of that form inside the package `comment`
 * (§7.20) is accepted as well, since some tools cannot write annotations.
 * The end-of-support date needs no convention: SPDX 2.3 `validUntilDate` (§7.27) carries it.
 *
 * Model properties without an SPDX field travel the same way, as annotations whose comment is
 * `jointsec:property:<name>=<value>`.
 */
export const levelOfSupportPrefix = 'fda:levelOfSupport=';
export const propertyAnnotationPrefix = 'jointsec:property:';

/** The level of support stated in annotation comments, else in the package comment. */
export function readLevelOfSupport(
  annotationComments: readonly string[],
  packageComment: string | undefined,
): string | undefined {
  const fromAnnotation = annotationComments.map((c) => c.trim()).find((c) => c.startsWith(levelOfSupportPrefix));
  if (fromAnnotation) return fromAnnotation.slice(levelOfSupportPrefix.length).trim() || undefined;
  const fromComment = packageComment
    ?.split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line.startsWith(levelOfSupportPrefix));
  return fromComment ? fromComment.slice(levelOfSupportPrefix.length).trim() || undefined : undefined;
}

/** A model property carried in an annotation comment, or undefined when the comment is not one. */
export function readPropertyAnnotation(comment: string): { name: string; value: string } | undefined {
  if (!comment.startsWith(propertyAnnotationPrefix)) return undefined;
  const rest = comment.slice(propertyAnnotationPrefix.length);
  const eq = rest.indexOf('=');
  return eq > 0 ? { name: rest.slice(0, eq), value: rest.slice(eq + 1) } : undefined;
}
