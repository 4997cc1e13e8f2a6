import type { Purl } from './purl.js';

/** A purl component whose case is not significant for a type and is lower-cased canonically. */
export type PurlFoldedComponent = 'namespace' | 'name' | 'version' | 'subpath';

/**
 * What one purl type adds to the generic rules: the namespace requirement, case folding and
 * name normalisation, permitted characters and mandatory qualifiers. The data mirrors the
 * purl-spec type definitions (`types/<type>-definition.json`); where the official test suite
 * asks for more (git lower-casing, mlflow on Databricks) the comment says so.
 */
export interface PurlTypeRule {
  readonly namespace: 'required' | 'optional' | 'prohibited';
  readonly lowercase?: readonly PurlFoldedComponent[];
  /** git: the namespace is the host alone and the rest of the path is the name (`forgejo/forgejo`). */
  readonly nameIsPath?: boolean;
  readonly requiredQualifiers?: readonly string[];
  readonly namePattern?: RegExp;
  readonly versionPattern?: RegExp;
  /** Type-specific rewrite applied after case folding. */
  readonly normalize?: (purl: Purl) => Purl;
  /** Type-specific validity check: the problem, or undefined when the purl is fine. */
  readonly check?: (purl: Purl) => string | undefined;
}

const prohibited: PurlTypeRule = { namespace: 'prohibited' };
const required: PurlTypeRule = { namespace: 'required' };
const optional: PurlTypeRule = { namespace: 'optional' };
const bothFolded: readonly PurlFoldedComponent[] = ['namespace', 'name'];

/** The rules of the generic purl grammar alone, for types without a registered definition. */
export const genericPurlTypeRule: PurlTypeRule = optional;

/** Registered purl types (purl-spec `purl-types-index.json`) and their rules. */
export const purlTypeRules: Readonly<Record<string, PurlTypeRule>> = {
  alpm: { namespace: 'required', lowercase: bothFolded },
  apk: { namespace: 'required', lowercase: bothFolded },
  bazel: prohibited,
  bitbucket: { namespace: 'required', lowercase: bothFolded },
  bitnami: { namespace: 'prohibited', lowercase: ['name'] },
  brew: { namespace: 'optional', lowercase: bothFolded },
  cargo: prohibited,
  'chrome-extension': {
    namespace: 'prohibited',
    lowercase: ['name'],
    namePattern: /^[a-p]{32}$/,
    versionPattern: /^\d+(\.\d+){0,3}$/,
  },
  cocoapods: prohibited,
  composer: { namespace: 'required', lowercase: bothFolded },
  conan: optional,
  conda: prohibited,
  cpan: {
    namespace: 'optional',
    // cpan-definition: the namespace is a CPAN author id and "shall be uppercase".
    normalize: (p) => (p.namespace === undefined ? p : { ...p, namespace: p.namespace.toUpperCase() }),
    // cpan-definition: "A distribution name shall not contain the string '::'" (that is a module name).
    check: (p) =>
      p.name.includes('::')
        ? `cpan name '${p.name}' is a module name (contains '::'), not a distribution name`
        : undefined,
  },
  cran: prohibited,
  deb: { namespace: 'required', lowercase: bothFolded },
  docker: optional,
  gem: prohibited,
  generic: optional,
  // git-definition marks both case-sensitive, but the official suite lower-cases them
  // (tests/types/git-test.json "git namespace and name should be lowercased"); the suite wins.
  git: { namespace: 'required', lowercase: bothFolded, nameIsPath: true },
  github: { namespace: 'required', lowercase: bothFolded },
  golang: required,
  hackage: prohibited,
  hex: { namespace: 'optional', lowercase: bothFolded },
  huggingface: { namespace: 'required', lowercase: ['version'] },
  julia: { namespace: 'prohibited', requiredQualifiers: ['uuid'] },
  luarocks: { namespace: 'optional', lowercase: bothFolded },
  maven: required,
  mlflow: {
    namespace: 'prohibited',
    // mlflow-definition: names are case-insensitive (lower-cased) on Databricks, kept on Azure ML.
    normalize: (p) =>
      /databricks/i.test(p.qualifiers['repository_url'] ?? '') ? { ...p, name: p.name.toLowerCase() } : p,
  },
  npm: optional,
  nuget: prohibited,
  oci: { namespace: 'prohibited', lowercase: ['name', 'version'] },
  opam: prohibited,
  otp: { namespace: 'prohibited', lowercase: ['name', 'subpath'] },
  pub: {
    namespace: 'prohibited',
    lowercase: ['name'],
    // pub-definition: "Replace non-[a-z] letters, non-[0-9] digits with underscore _".
    normalize: (p) => (/[^a-z0-9_]/.test(p.name) ? { ...p, name: p.name.replace(/[^a-z0-9_]/g, '_') } : p),
  },
  pypi: {
    namespace: 'prohibited',
    lowercase: ['name', 'version'],
    // pypi-definition: "Replace underscore _ with dash -".
    normalize: (p) => (p.name.includes('_') ? { ...p, name: p.name.replaceAll('_', '-') } : p),
  },
  qpkg: { namespace: 'required', lowercase: ['namespace'] },
  rpm: { namespace: 'required', lowercase: ['namespace'] },
  swid: { namespace: 'optional', requiredQualifiers: ['tag_id'] },
  swift: required,
  vcpkg: prohibited,
  'vscode-extension': { namespace: 'required', lowercase: ['namespace', 'name', 'version'] },
  yocto: { namespace: 'optional', lowercase: ['namespace'] },
};

/** The same table as a Map: one lookup per purl, with no prototype keys to guard against. */
const rulesByType: ReadonlyMap<string, PurlTypeRule> = new Map(Object.entries(purlTypeRules));

/** The rule for a (lower-case) type; unregistered types follow the generic grammar only. */
export function purlTypeRule(type: string): PurlTypeRule {
  return rulesByType.get(type) ?? genericPurlTypeRule;
}
