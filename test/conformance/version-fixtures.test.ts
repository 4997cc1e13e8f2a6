import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { AppError } from '../../src/core/app-error.js';
import type { Ecosystem } from '../../src/core/version/ecosystem.js';
import { versionSchemes } from '../../src/core/version/version-schemes.js';
import { checkVector, readVersionVectors, type VersionVector } from '../core/version/version-vector-file.js';
import { corpusPath, describeCorpus } from '../support/corpus.js';

/**
 * Every ordering vector of the osv-scalibr `semantic` fixtures (corpus
 * version-comparison-fixtures), checked in both directions against the scheme of each ecosystem
 * upstream maps the file to. Vector counts come from the corpus README, so the suite cannot
 * silently shrink.
 */
const fixtureFiles: readonly { file: string; ecosystems: readonly Ecosystem[]; vectors: number }[] = [
  { file: 'semver-versions.txt', ecosystems: ['npm', 'crates.io', 'Go', 'Hex'], vectors: 86 },
  { file: 'rubygems-versions.txt', ecosystems: ['RubyGems'], vectors: 25 },
  { file: 'rubygems-versions-generated.txt', ecosystems: ['RubyGems'], vectors: 4098 },
  { file: 'nuget-versions.txt', ecosystems: ['NuGet'], vectors: 35 },
  { file: 'packagist-versions.txt', ecosystems: ['Packagist'], vectors: 95 },
  { file: 'packagist-versions-generated.txt', ecosystems: ['Packagist'], vectors: 10630 },
  { file: 'maven-versions.txt', ecosystems: ['Maven'], vectors: 102 },
  { file: 'maven-versions-generated.txt', ecosystems: ['Maven'], vectors: 14752 },
  { file: 'pypi-versions.txt', ecosystems: ['PyPI'], vectors: 37 },
  { file: 'pypi-versions-generated.txt', ecosystems: ['PyPI'], vectors: 12375 },
  { file: 'debian-versions.txt', ecosystems: ['Debian', 'Ubuntu'], vectors: 30 },
  { file: 'debian-versions-generated.txt', ecosystems: ['Debian', 'Ubuntu'], vectors: 14442 },
  { file: 'cran-versions.txt', ecosystems: ['CRAN'], vectors: 21 },
  { file: 'cran-versions-generated.txt', ecosystems: ['CRAN'], vectors: 57 },
  { file: 'alpine-versions.txt', ecosystems: ['Alpine'], vectors: 778 },
  { file: 'alpine-versions-generated.txt', ecosystems: ['Alpine'], vectors: 13979 },
  { file: 'redhat-versions.txt', ecosystems: ['Red Hat'], vectors: 165 },
  { file: 'hackage-versions.txt', ecosystems: ['Hackage'], vectors: 11 },
  { file: 'pub-versions.txt', ecosystems: ['Pub'], vectors: 100 },
];

/** How we differ from a fixture line on purpose, and what we assert instead. */
type Expectation =
  /** The scheme refuses a side with invalid-version (the ecosystem's own tool rejects it). */
  | 'refused'
  /** Our order is the one Maven 3.8.7's jar gives (looked up in test/fixtures/maven-oracle.txt). */
  | 'maven-oracle'
  /** Our order differs from the line (kept exact: if the code starts agreeing, remove the line). */
  | 'differs';

interface KnownDifference {
  readonly ecosystem: Ecosystem;
  readonly file: string;
  readonly expect: Expectation;
  readonly reason: string;
  /** Fixture lines, verbatim. */
  readonly lines: readonly string[];
}

/**
 * Versions in semver-versions.txt that are not SemVer as npm reads it (`1.1.3.4.5`, integers
 * past 2^53). Upstream orders them leniently for npm; our npm scheme uses node-semver,
 * npm's own parser, and refuses them instead of guessing.
 */
const notNpmVersions: ReadonlySet<string> = new Set([
  '999999999999999999999999999991',
  '999999999999999999999999999999',
  '999999999999999999999999999991.999999999999999999999999999991.999999999999999999999999999991',
  '999999999999999999999999999999.999999999999999999999999999991.999999999999999999999999999991',
  '1.1.3.4.5',
]);

const knownDifferences: readonly KnownDifference[] = [
  {
    ecosystem: 'RubyGems',
    file: 'rubygems-versions.txt',
    expect: 'refused',
    reason:
      'Gem::Version.new("1beta") raises "Malformed version number string": ANCHORED_VERSION_PATTERN needs a dot before letters',
    lines: ['1 > 1beta', '1 > 1gamma'],
  },
  {
    ecosystem: 'Packagist',
    file: 'packagist-versions.txt',
    expect: 'refused',
    reason:
      'upstream edge cases for its own "#" placeholder; "#" is not a Composer version character (VersionParser::normalize rejects it), and lines 1-3 together would make 1.2.3 = 1.2.3.1',
    lines: [
      '1.2.3.# = 1.2.3',
      '1.2.3.# = 1.2.3.#',
      '1.2.3.# = 1.2.3.1',
      '1.2.3.#.1 > 1.2.3',
      '1.2.3.#.p3 > 1.2.3',
      '1.2.3.#.beta < 1.2.3',
    ],
  },
  {
    ecosystem: 'Maven',
    file: 'maven-versions.txt',
    expect: 'maven-oracle',
    reason: "from Maven 3.x's older ComparableVersionTest; Maven 3.8.7's jar says 1-1 > 1-ga-1 ([1,[1]] vs [1,[[1]]])",
    lines: ['1-1 = 1-ga-1'],
  },
  {
    ecosystem: 'Maven',
    file: 'maven-versions-generated.txt',
    expect: 'maven-oracle',
    reason:
      'generated with a Maven before MNG-7644 (".X1" read like "-X1"); the Maven 3.8.7 jar on this machine orders every one of these as we do',
    lines: [
      '1.0.0-RC16 < 1.0.0.RC8-beta',
      '1.0.0-gradle-rework-beta3 < 1.0.0.RC7-3',
      '2.9.0-1 < 2.9.0.RC1',
      '6.1.12.rc5 < 6.1.12rc1',
      '1.1.31.sec10 < 1.1.31_noneautotype',
      '1.1.34.sec10 < 1.1.34_noneautotype',
      '1.1.46.sec10 < 1.1.46_noneautotype',
      '1.2.8.sec10_noneautotype < 1.2.8_noneautotype',
      '1.2.31.sec10 < 1.2.31_noneautotype',
      '1.2.48.sec10 < 1.2.48_noneautotype',
      '1.2.50.sec10 < 1.2.50_noneautotype',
      '1.2.54.sec10 < 1.2.54_noneautotype',
      '1.2.57.sec10 < 1.2.57_noneautotype',
      '1.2.60.sec10 < 1.2.60_noneautotype',
      '1.2.67.sec10 < 1.2.67_noneautotype',
      '1.0.0rc0 < 1.0.beta8',
      '1.5.9.RC1 < 1.5.9-RC0',
      '1.1.0-01-glassfish < 1.1.0.Beta1',
    ],
  },
  {
    ecosystem: 'Alpine',
    file: 'alpine-versions.txt',
    expect: 'differs',
    reason:
      'these hand-written lines follow the newest apk-tools (the file\'s own comments: "on latest apk these are < but on 3.x they\'re >"); we implement apk-tools 2.x as shipped in Alpine 3.x, which produced all 13,979 lines of alpine-versions-generated.txt',
    lines: [
      '1-r-0 < 1-r0',
      '1-r-1 < 1-r0',
      '0.r1 < 0r2',
      '0.8.21.r2 < 0.8.21r2',
      '1.2.0A < 1.2.0d',
      '1.2.0D < 1.2.0d',
      '1 > 1-ruff',
      '1-ruff2 = 1--ruff1',
      '0.1.0_alpha_pre2 < 0.1.0_alpha',
    ],
  },
];

const lineOf = (v: VersionVector): string => `${v.a} ${v.op} ${v.b}`;

function knownDifference(ecosystem: Ecosystem, file: string, v: VersionVector): KnownDifference | undefined {
  if (ecosystem === 'npm' && (notNpmVersions.has(v.a) || notNpmVersions.has(v.b))) {
    return { ecosystem, file, expect: 'refused', reason: 'not a SemVer version as node-semver reads it', lines: [] };
  }
  return knownDifferences.find((d) => d.ecosystem === ecosystem && d.file === file && d.lines.includes(lineOf(v)));
}

const mavenOracle = new Map(
  readVersionVectors(fileURLToPath(new URL('../fixtures/maven-oracle.txt', import.meta.url))).map((v) => [
    `${v.a} ${v.b}`,
    v,
  ]),
);

/** Checks a known difference; returns a failure description or undefined. */
function checkDifference(ecosystem: Ecosystem, d: KnownDifference, v: VersionVector): string | undefined {
  const scheme = versionSchemes[ecosystem];
  switch (d.expect) {
    case 'refused':
      try {
        scheme.compare(v.a, v.b);
        return `line ${v.line}: ${lineOf(v)} should be refused (${d.reason}) but was ordered`;
      } catch (error) {
        return error instanceof AppError && error.code === 'invalid-version' ? undefined : String(error);
      }
    case 'maven-oracle': {
      const oracle = mavenOracle.get(`${v.a} ${v.b}`);
      if (oracle === undefined) return `line ${v.line}: ${lineOf(v)} is missing from maven-oracle.txt (regenerate it)`;
      return checkVector(scheme, oracle);
    }
    case 'differs':
      return checkVector(scheme, v) === undefined
        ? `line ${v.line}: ${lineOf(v)} now agrees; drop it from knownDifferences`
        : undefined;
  }
}

describeCorpus('version-comparison-fixtures (osv-scalibr semantic testdata)', () => {
  for (const { file, ecosystems, vectors: count } of fixtureFiles) {
    for (const ecosystem of ecosystems) {
      it(`${ecosystem}: every vector of ${file} holds (or is a listed, asserted difference)`, () => {
        const vectors = readVersionVectors(corpusPath('version-comparison-fixtures', file));
        expect(vectors).toHaveLength(count);
        const failures: string[] = [];
        for (const v of vectors) {
          const difference = knownDifference(ecosystem, file, v);
          const failure =
            difference === undefined
              ? checkVector(versionSchemes[ecosystem], v)
              : checkDifference(ecosystem, difference, v);
          if (failure !== undefined) failures.push(failure);
        }
        expect(
          failures,
          `${failures.length} of ${vectors.length} vectors disagree:\n${failures.slice(0, 60).join('\n')}`,
        ).toEqual([]);
      });
    }
  }

  it('every listed difference names a line that exists in its fixture', () => {
    for (const d of knownDifferences) {
      const lines = new Set(readVersionVectors(corpusPath('version-comparison-fixtures', d.file)).map(lineOf));
      for (const line of d.lines) expect(lines, `${d.file}: ${line}`).toContain(line);
    }
    const semver = readVersionVectors(corpusPath('version-comparison-fixtures', 'semver-versions.txt'));
    expect(semver.filter((v) => knownDifference('npm', 'semver-versions.txt', v) !== undefined)).toHaveLength(
      npmRefusedVectors,
    );
  });
});

/** semver-versions.txt vectors npm refuses (those naming a version in `notNpmVersions`). */
const npmRefusedVectors = 3;
