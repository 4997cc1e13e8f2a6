import { parseOsvEcosystem } from '../osv/osv-ecosystem.js';
import { deriveOsvPackagePurl } from '../osv/osv-package-purl.js';

/**
 * Package registries by the `collectionURL` host a CNA writes (CVE schema `product.collectionURL`
 * names "the package collection", e.g. `https://pypi.org`), mapped to the OSV ecosystem whose
 * purl rules apply.
 */
const registries: readonly (readonly [RegExp, string])[] = [
  [/^https?:\/\/(www\.)?pypi\.(org|python\.org)(\/|$)/, 'PyPI'],
  [/^https?:\/\/(registry\.)?(www\.)?npmjs\.(org|com)(\/|$)/, 'npm'],
  [/^https?:\/\/(repo1?\.maven\.org|repo\.maven\.apache\.org)(\/|$)/, 'Maven'],
  [/^https?:\/\/crates\.io(\/|$)/, 'crates.io'],
  [/^https?:\/\/rubygems\.org(\/|$)/, 'RubyGems'],
  [/^https?:\/\/(www|api)\.nuget\.org(\/|$)/, 'NuGet'],
  [/^https?:\/\/packagist\.org(\/|$)/, 'Packagist'],
  [/^https?:\/\/(pkg\.go\.dev|proxy\.golang\.org)(\/|$)/, 'Go'],
  [/^https?:\/\/hex\.pm(\/|$)/, 'Hex'],
  [/^https?:\/\/pub\.dev(\/|$)/, 'Pub'],
];

/** The versionless purl of a CVE 5 `packageName` in a recognised registry, else undefined. */
export function collectionPurl(collectionUrl: string | undefined, packageName: string | undefined): string | undefined {
  if (collectionUrl === undefined || packageName === undefined) return undefined;
  const ecosystem = registries.find(([pattern]) => pattern.test(collectionUrl))?.[1];
  return ecosystem === undefined ? undefined : deriveOsvPackagePurl(parseOsvEcosystem(ecosystem), packageName);
}
