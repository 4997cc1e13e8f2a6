import { defineVersionScheme } from './define-version-scheme.js';
import { compareMavenItems, parseMavenVersion, type MavenItem } from './maven-comparable-version.js';

/**
 * Maven: our port of `org.apache.maven.artifact.versioning.ComparableVersion` (3.8.7/3.9
 * semantics, incl. MNG-7644: `1.0.0.Beta1` == `1.0.0-Beta1`), checked against Maven's own jar in
 * test/fixtures/maven-oracle.txt. Like Maven, it orders any string (`stable`, `SNAPSHOT`).
 */
export const mavenVersionScheme = defineVersionScheme<readonly MavenItem[]>({
  name: 'Maven',
  read: parseMavenVersion,
  order: compareMavenItems,
});
