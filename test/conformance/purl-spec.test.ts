import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, it } from 'vitest';
import { isAppError } from '../../src/core/app-error.js';
import { Purl, type PurlComponents, type PurlOptions } from '../../src/core/purl.js';
import { corpusFiles, corpusPath, describeCorpus } from '../support/corpus.js';

/**
 * The official purl-spec test suite (corpus/purl-spec, schema purl-test 0.2): one vitest test
 * per case. `required` cases run our parser in strict mode (the spec's "shall" rules refuse
 * what they forbid), `recommended` cases in the default lenient mode, which normalises
 * non-canonical input as those cases demonstrate (purl-spec issue #942).
 * The legacy single-file suite (legacy/test-suite-data.json) runs too, in lenient mode; where
 * the newer suite or type definitions overturn a legacy expectation, `legacyConflicts` says why
 * and what we assert instead.
 */

interface SuiteCase {
  readonly description: string;
  readonly test_group: 'required' | 'recommended';
  readonly test_type: 'parse' | 'build' | 'validate';
  readonly input: string | PurlComponents;
  readonly expected_output: string | ExpectedComponents | null;
  readonly expected_failure?: boolean;
  readonly expected_message?: string | null;
}

interface ExpectedComponents {
  readonly type: string | null;
  readonly namespace: string | null;
  readonly name: string | null;
  readonly version: string | null;
  readonly qualifiers: Record<string, string> | null;
  readonly subpath: string | null;
}

interface LocatedCase extends SuiteCase {
  readonly file: string;
  readonly index: number;
}

/**
 * Cases where the suite contradicts the spec text and itself. We follow the spec and assert
 * our behaviour explicitly instead of skipping.
 *
 * maven-test.json "maven pom reference" is a `required` parse expecting the upper-case key
 * `repositorY_url` to be accepted, while the equally `required` gem and rpm cases (and the
 * spec: "The key shall be composed only of lowercase ASCII letters…") expect such keys to be
 * refused. Upstream fixed the same defect in the gem file (purl-spec PR #951). Strict mode
 * refuses it; lenient mode yields exactly the expected components.
 */
const upperCaseKeyConflict = (c: LocatedCase): boolean =>
  c.file.endsWith('maven-test.json') &&
  c.test_group === 'required' &&
  c.test_type === 'parse' &&
  typeof c.input === 'string' &&
  c.input.includes('repositorY_url');

const cases: LocatedCase[] = corpusFiles('purl-spec/tests', (name) => name.endsWith('-test.json')).flatMap((path) => {
  const suite = JSON.parse(readFileSync(path, 'utf8')) as { tests: SuiteCase[] };
  const file = relative(corpusPath('purl-spec'), path);
  return suite.tests.map((test, index) => ({ ...test, file, index }));
});

describeCorpus('purl-spec conformance suite', () => {
  it('reads all 586 cases of the suite', () => {
    expect(cases).toHaveLength(586);
  });

  it.each(cases.map((c) => [`${c.file}#${c.index} [${c.test_group} ${c.test_type}] ${c.description}`, c] as const))(
    '%s',
    (_label, c) => {
      const options: PurlOptions = { strict: c.test_group === 'required' };
      if (upperCaseKeyConflict(c)) {
        expectInvalid(() => Purl.parse(c.input as string, options));
        expect(components(Purl.parse(c.input as string))).toEqual(
          expectedComponents(c.expected_output as ExpectedComponents),
        );
        return;
      }
      const run = (): unknown => runCase(c, options);
      if (c.expected_failure === true) expectInvalid(run);
      else expect(run()).toEqual(expectedOf(c));
    },
  );
});

/** One case of legacy/test-suite-data.json, the single-file suite that preceded tests/**. */
interface LegacyCase {
  readonly description: string;
  readonly purl: string;
  readonly canonical_purl: string | null;
  readonly type: string | null;
  readonly namespace: string | null;
  readonly name: string | null;
  readonly version: string | null;
  readonly qualifiers: Record<string, string> | null;
  readonly subpath: string | null;
  readonly is_invalid: boolean;
}

/**
 * Legacy cases whose expectation the newer suite or the current type definitions overturn.
 * For each we assert what the newer rules give, so the case still tests something.
 */
const legacyConflicts: Readonly<
  Record<string, { readonly reason: string } & ({ readonly canonical: string } | { readonly invalid: true })>
> = {
  'pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/%2E%2E/api/annotations/': {
    reason:
      "legacy keeps '..' in the parsed subpath yet drops it canonically; we drop it when parsing (strict mode refuses it)",
    canonical: 'pkg:golang/google.golang.org/genproto@abcdedf#googleapis/api/annotations',
  },
  'pkg:GOLANG/google.golang.org/genproto@abcdedf#/googleapis/%2E/api/annotations/': {
    reason: "legacy keeps '.' in the parsed subpath yet drops it canonically; we drop it when parsing",
    canonical: 'pkg:golang/google.golang.org/genproto@abcdedf#googleapis/api/annotations',
  },
  'pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&repositorY_url=repo.spring.io/release': {
    reason: "newer suite percent-encodes '/' in qualifier values (maven-test.json)",
    canonical:
      'pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&repository_url=repo.spring.io%2Frelease',
  },
  'pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?extension=pom&repositorY_url=repo.spring.io/release': {
    reason: "newer suite percent-encodes '/' in qualifier values",
    canonical:
      'pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?extension=pom&repository_url=repo.spring.io%2Frelease',
  },
  'pkg:huggingface/distilbert-base-uncased@043235d6088ecd3dd5fb5ca3592b6913fd516027': {
    reason: 'huggingface-definition.json now requires a namespace',
    invalid: true,
  },
  'pkg:huggingface/microsoft/deberta-v3-base@559062ad13d311b87b2c455e67dcd5f1c8f65111?repository_url=https://hub-ci.huggingface.co':
    {
      reason: "newer suite percent-encodes '/' in qualifier values (huggingface-test.json)",
      canonical:
        'pkg:huggingface/microsoft/deberta-v3-base@559062ad13d311b87b2c455e67dcd5f1c8f65111?repository_url=https:%2F%2Fhub-ci.huggingface.co',
    },
  'pkg:mlflow/CreditFraud@3?repository_url=https://adb-5245952564735461.0.azuredatabricks.net/api/2.0/mlflow': {
    reason: "newer suite percent-encodes '/' in qualifier values (mlflow-test.json)",
    canonical:
      'pkg:mlflow/creditfraud@3?repository_url=https:%2F%2Fadb-5245952564735461.0.azuredatabricks.net%2Fapi%2F2.0%2Fmlflow',
  },
  'pkg:mlflow/CreditFraud@3?repository_url=https://westus2.api.azureml.ms/mlflow/v1.0/subscriptions/a50f2011-fab8-4164-af23-c62881ef8c95/resourceGroups/TestResourceGroup/providers/Microsoft.MachineLearningServices/workspaces/TestWorkspace':
    {
      reason: "newer suite percent-encodes '/' in qualifier values",
      canonical:
        'pkg:mlflow/CreditFraud@3?repository_url=https:%2F%2Fwestus2.api.azureml.ms%2Fmlflow%2Fv1.0%2Fsubscriptions%2Fa50f2011-fab8-4164-af23-c62881ef8c95%2FresourceGroups%2FTestResourceGroup%2Fproviders%2FMicrosoft.MachineLearningServices%2Fworkspaces%2FTestWorkspace',
    },
  'pkg:mlflow/trafficsigns@10?model_uuid=36233173b22f4c89b451f1228d700d49&run_id=410a3121-2709-4f88-98dd-dba0ef056b0a&repository_url=https://adb-5245952564735461.0.azuredatabricks.net/api/2.0/mlflow':
    {
      reason: "newer suite percent-encodes '/' in qualifier values",
      canonical:
        'pkg:mlflow/trafficsigns@10?model_uuid=36233173b22f4c89b451f1228d700d49&repository_url=https:%2F%2Fadb-5245952564735461.0.azuredatabricks.net%2Fapi%2F2.0%2Fmlflow&run_id=410a3121-2709-4f88-98dd-dba0ef056b0a',
    },
  'pkg:conan/bincrafters/cctz@2.3': {
    reason: 'conan-definition.json no longer ties a namespace to a channel qualifier (both optional)',
    canonical: 'pkg:conan/bincrafters/cctz@2.3',
  },
  'pkg:conan/cctz@2.3?channel=stable': {
    reason: 'conan-definition.json no longer ties a channel qualifier to a namespace',
    canonical: 'pkg:conan/cctz@2.3?channel=stable',
  },
  'pkg:cran/A3': { reason: 'cran-definition.json makes the version optional', canonical: 'pkg:cran/A3' },
  'pkg:swift/github.com/Alamofire/Alamofire': {
    reason: 'swift-definition.json makes the version optional',
    canonical: 'pkg:swift/github.com/Alamofire/Alamofire',
  },
  'pkg:cpan/URI::PackageURL@2.11': {
    reason:
      "cpan names are distribution names and shall not contain '::' (cpan-test.json refuses pkg:cpan/LWP::UserAgent@6.7.6)",
    invalid: true,
  },
  'pkg:cpan/Perl-Version@1.013': {
    reason: 'a dash-separated distribution name is valid (cpan-test.json accepts pkg:cpan/URI-PackageURL)',
    canonical: 'pkg:cpan/Perl-Version@1.013',
  },
};

const legacyCases: LegacyCase[] = corpusFiles('purl-spec/legacy', (name) => name === 'test-suite-data.json').flatMap(
  (path) => JSON.parse(readFileSync(path, 'utf8')) as LegacyCase[],
);

describeCorpus('purl-spec legacy test-suite-data.json', () => {
  it('reads all 59 legacy cases', () => {
    expect(legacyCases).toHaveLength(59);
  });

  it.each(legacyCases.map((c, i) => [`#${i} ${c.description}: ${c.purl}`, c] as const))('%s', (_label, c) => {
    const conflict = legacyConflicts[c.purl];
    if (conflict !== undefined) {
      if ('invalid' in conflict) expectInvalid(() => Purl.parse(c.purl));
      else expect(Purl.canonicalize(c.purl)).toBe(conflict.canonical);
      return;
    }
    if (c.is_invalid) {
      expectInvalid(() => Purl.parse(c.purl));
      return;
    }
    expect(components(Purl.parse(c.purl))).toEqual(expectedComponents(c));
    expect(Purl.canonicalize(c.purl)).toBe(c.canonical_purl);
    expect(Purl.canonicalize(c.canonical_purl ?? '')).toBe(c.canonical_purl);
  });

  it('lists only conflicts that exist in the legacy file', () => {
    const purls = new Set(legacyCases.map((c) => c.purl));
    expect(Object.keys(legacyConflicts).filter((purl) => !purls.has(purl))).toEqual([]);
  });
});

function runCase(c: LocatedCase, options: PurlOptions): unknown {
  switch (c.test_type) {
    case 'parse':
      return components(Purl.parse(c.input as string, options));
    case 'build':
      return Purl.format(Purl.from(c.input as PurlComponents, options));
    case 'validate':
      return Purl.canonicalize(c.input as string, options);
  }
}

function expectedOf(c: LocatedCase): unknown {
  return c.test_type === 'parse' ? expectedComponents(c.expected_output as ExpectedComponents) : c.expected_output;
}

function expectInvalid(run: () => unknown): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(isAppError(thrown) ? thrown.code : thrown).toBe('invalid-purl');
}

/** The suite's shape: absent components are null, no qualifiers is null. */
function components(p: Purl): ExpectedComponents {
  return {
    type: p.type,
    namespace: p.namespace ?? null,
    name: p.name,
    version: p.version ?? null,
    qualifiers: Object.keys(p.qualifiers).length === 0 ? null : { ...p.qualifiers },
    subpath: p.subpath ?? null,
  };
}

function expectedComponents(e: ExpectedComponents): ExpectedComponents {
  const qualifiers = e.qualifiers === null || Object.keys(e.qualifiers).length === 0 ? null : e.qualifiers;
  return {
    type: e.type,
    namespace: e.namespace ?? null,
    name: e.name,
    version: e.version ?? null,
    qualifiers,
    subpath: e.subpath ?? null,
  };
}
