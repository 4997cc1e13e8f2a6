import type { SeededRandom } from './seeded-random.js';

/** The package ecosystems a medical-device SBOM typically mixes: app stack, OS image, firmware. */
export type Ecosystem =
  'npm' | 'maven' | 'pypi' | 'golang' | 'cargo' | 'nuget' | 'gem' | 'deb' | 'apk' | 'rpm' | 'generic';

/** The identity fields of one generated component, already in canonical purl form. */
export interface PackageIdentity {
  readonly ecosystem: Ecosystem;
  readonly type: 'library' | 'framework' | 'application' | 'firmware' | 'operating-system';
  /** CycloneDX `group`: npm scope, Maven groupId, Go module prefix, distro. */
  readonly group?: string;
  readonly name: string;
  readonly version: string;
  readonly purl: string;
  readonly supplier: string;
  /** CPE 2.3, only where scanners commonly give one (C libraries, firmware). */
  readonly cpe?: string;
}

/** Share of each ecosystem, roughly that of an SBOM for a device with a web UI and a Linux image. */
export const ecosystemMix: Readonly<Record<Ecosystem, number>> = {
  npm: 30,
  maven: 14,
  pypi: 9,
  golang: 9,
  cargo: 4,
  nuget: 6,
  gem: 3,
  deb: 10,
  apk: 4,
  rpm: 7,
  generic: 4,
};

const words = [
  'core',
  'util',
  'http',
  'json',
  'yaml',
  'xml',
  'async',
  'stream',
  'buffer',
  'crypto',
  'hash',
  'log',
  'config',
  'client',
  'server',
  'router',
  'parser',
  'lexer',
  'schema',
  'cache',
  'queue',
  'event',
  'signal',
  'socket',
  'proxy',
  'auth',
  'token',
  'jwt',
  'oauth',
  'session',
  'cookie',
  'form',
  'query',
  'sql',
  'orm',
  'migrate',
  'test',
  'mock',
  'assert',
  'lint',
  'format',
  'color',
  'path',
  'glob',
  'file',
  'fs',
  'zip',
  'gzip',
  'image',
  'pdf',
  'csv',
  'date',
  'time',
  'locale',
  'intl',
  'math',
  'uuid',
  'random',
  'retry',
  'pool',
  'worker',
  'thread',
  'task',
  'cron',
  'metrics',
  'trace',
  'telemetry',
  'health',
  'dicom',
  'hl7',
  'fhir',
  'serial',
  'usb',
  'ble',
  'tls',
  'ssh',
  'dns',
  'grpc',
  'proto',
  'graph',
  'state',
  'store',
  'view',
  'render',
  'template',
  'markdown',
  'icons',
  'theme',
  'layout',
  'widget',
  'chart',
  'table',
  'ui',
  'cli',
] as const;

const orgs = [
  'Apache Software Foundation',
  'OpenJS Foundation',
  'Python Software Foundation',
  'Eclipse Foundation',
  'Microsoft Corporation',
  'Google LLC',
  'Amazon Web Services',
  'Red Hat, Inc.',
  'The Rust Project Developers',
  'HashiCorp',
  'Pivotal Software',
  'FasterXML',
  'QOS.ch',
  'Meta Platforms, Inc.',
  'Vercel, Inc.',
] as const;

const npmScopes = [
  'babel',
  'types',
  'aws-sdk',
  'angular',
  'azure',
  'nestjs',
  'opentelemetry',
  'emotion',
  'mui',
  'smithy',
  'sentry',
  'fastify',
] as const;
const mavenGroups = [
  'org.apache.commons',
  'com.fasterxml.jackson.core',
  'io.netty',
  'org.springframework',
  'com.google.guava',
  'org.slf4j',
  'ch.qos.logback',
  'org.eclipse.jetty',
  'io.micrometer',
  'org.hibernate.orm',
  'ca.uhn.hapi.fhir',
  'org.dcm4che',
] as const;
const goHosts = [
  'github.com',
  'github.com',
  'github.com',
  'gitlab.com',
  'golang.org/x',
  'go.uber.org',
  'k8s.io',
  'google.golang.org',
] as const;
const nugetPrefixes = [
  'Microsoft.Extensions',
  'System',
  'Azure',
  'Serilog',
  'Newtonsoft',
  'Polly',
  'AutoMapper',
  'NLog',
  'Fhir',
] as const;
const distros = {
  deb: [
    ['debian', 'debian-12', 'Debian'],
    ['debian', 'debian-11', 'Debian'],
    ['ubuntu', 'ubuntu-22.04', 'Ubuntu Developers'],
  ],
  apk: [
    ['alpine', 'alpine-3.19.1', 'Alpine Linux'],
    ['alpine', 'alpine-3.18.5', 'Alpine Linux'],
  ],
  rpm: [
    ['redhat', 'rhel-9.3', 'Red Hat, Inc.'],
    ['centos', 'centos-7', 'CentOS'],
    ['fedora', 'fedora-39', 'Fedora Project'],
  ],
} as const;
const firmwareVendors = ['acme-medical', 'medtronix', 'cardiolink', 'infusia', 'sensorway'] as const;
const rtosLibraries = [
  ['freertos', 'amazon'],
  ['zephyr', 'zephyrproject'],
  ['mbedtls', 'arm'],
  ['lwip', 'lwip_project'],
  ['wolfssl', 'wolfssl'],
  ['u-boot', 'denx'],
] as const;

/** Generates one package of `ecosystem` with a name and version in that ecosystem's style. */
export function generatePackage(rng: SeededRandom, ecosystem: Ecosystem): PackageIdentity {
  return generators[ecosystem](rng);
}

const generators: Record<Ecosystem, (rng: SeededRandom) => PackageIdentity> = {
  npm: (rng) => {
    const name = rng.chance(0.3) ? `${rng.pick(words)}-${rng.pick(words)}-${rng.pick(words)}` : dashed(rng);
    const version = semver(rng);
    if (rng.chance(0.3)) {
      const scope = rng.chance(0.7) ? rng.pick(npmScopes) : rng.pick(words);
      // purl spec (npm): the scope is the namespace and its '@' is percent-encoded.
      return {
        ecosystem: 'npm',
        type: 'library',
        group: `@${scope}`,
        name,
        version,
        purl: `pkg:npm/%40${scope}/${name}@${version}`,
        supplier: orgFor(rng, scope),
      };
    }
    return {
      ecosystem: 'npm',
      type: 'library',
      name,
      version,
      purl: `pkg:npm/${name}@${version}`,
      supplier: orgFor(rng, name),
    };
  },
  maven: (rng) => {
    const group = rng.chance(0.6)
      ? rng.pick(mavenGroups)
      : `${rng.pick(['com', 'org', 'io'])}.${rng.pick(words)}.${rng.pick(words)}`;
    const name = dashed(rng);
    const version = `${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 30)}${rng.pick(['', '', '', '', '.Final', '-jre', '-RC2', '.RELEASE'])}`;
    return {
      ecosystem: 'maven',
      type: rng.chance(0.1) ? 'framework' : 'library',
      group,
      name,
      version,
      purl: `pkg:maven/${group}/${name}@${version}`,
      supplier: orgFor(rng, group.split('.')[1] ?? group),
    };
  },
  pypi: (rng) => {
    const name = rng.chance(0.4) ? `python-${rng.pick(words)}` : dashed(rng);
    const base = rng.chance(0.1)
      ? `${rng.int(2019, 2025)}.${rng.int(1, 12)}.${rng.int(1, 28)}`
      : `${rng.int(0, 5)}.${rng.int(0, 30)}.${rng.int(0, 20)}`;
    // PEP 440 pre-, post- and dev-release suffixes.
    const version = base + rng.pick(['', '', '', '', '', 'rc1', 'b2', '.post1', '.dev3']);
    return {
      ecosystem: 'pypi',
      type: 'library',
      name,
      version,
      purl: `pkg:pypi/${name}@${version}`,
      supplier: orgFor(rng, name),
    };
  },
  golang: (rng) => {
    const host = rng.pick(goHosts);
    const namespace =
      host === 'github.com' || host === 'gitlab.com'
        ? `${host}/${rng.pick(words)}${rng.pick(['', 'io', 'hq', 'labs'])}`
        : host;
    const repo = rng.pick(words) + (rng.chance(0.3) ? `-${rng.pick(words)}` : '');
    // A major-version suffix makes the module path one segment longer (Go modules reference, "Major version suffixes").
    const major = rng.chance(0.15) ? rng.int(2, 5) : rng.int(0, 1);
    const [group, name] = major >= 2 ? [`${namespace}/${repo}`, `v${major}`] : [namespace, repo];
    // Pseudo-versions (vX.0.0-yyyymmddhhmmss-commit) for modules used at an untagged commit.
    const timestamp = `${rng.int(2019, 2025)}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}${pad(rng.int(0, 23))}${pad(rng.int(0, 59))}${pad(rng.int(0, 59))}`;
    const version = rng.chance(0.2)
      ? `v${major}.0.0-${timestamp}-${rng.hex(12)}`
      : `v${major}.${rng.int(0, 40)}.${rng.int(0, 20)}`;
    return {
      ecosystem: 'golang',
      type: 'library',
      group,
      name,
      version,
      purl: `pkg:golang/${group}/${name}@${version}`,
      supplier: orgFor(rng, repo),
    };
  },
  cargo: (rng) => {
    const name = `${rng.pick(words)}${rng.pick(['_', '-'])}${rng.pick(words)}`;
    const version = semver(rng);
    return {
      ecosystem: 'cargo',
      type: 'library',
      name,
      version,
      purl: `pkg:cargo/${name}@${version}`,
      supplier: 'The Rust Project Developers',
    };
  },
  nuget: (rng) => {
    const name = `${rng.pick(nugetPrefixes)}.${capitalized(rng.pick(words))}${rng.chance(0.4) ? `.${capitalized(rng.pick(words))}` : ''}`;
    const version = rng.chance(0.1)
      ? `${rng.int(1, 9)}.0.0-preview.${rng.int(1, 7)}`
      : `${rng.int(1, 13)}.${rng.int(0, 9)}.${rng.int(0, 20)}`;
    return {
      ecosystem: 'nuget',
      type: 'library',
      name,
      version,
      purl: `pkg:nuget/${name}@${version}`,
      supplier: name.startsWith('Microsoft') || name.startsWith('System') ? 'Microsoft Corporation' : orgFor(rng, name),
    };
  },
  gem: (rng) => {
    const name = `${rng.pick(words)}${rng.pick(['', '_', '-'])}${rng.pick(words)}`;
    const version = `${rng.int(0, 7)}.${rng.int(0, 20)}.${rng.int(0, 12)}`;
    const platform = rng.chance(0.1) ? '?platform=java' : '';
    return {
      ecosystem: 'gem',
      type: 'library',
      name,
      version,
      purl: `pkg:gem/${name}@${version}${platform}`,
      supplier: orgFor(rng, name),
    };
  },
  deb: (rng) => {
    const [vendor, distro, maintainer] = rng.pick(distros.deb);
    const name = `lib${rng.pick(words)}${rng.pick(['', '', '2', '3', '6', '-dev', '-common'])}`;
    const upstream = `${rng.int(0, 9)}.${rng.int(0, 40)}.${rng.int(0, 15)}`;
    const version =
      vendor === 'ubuntu'
        ? `${upstream}-${rng.int(0, 3)}ubuntu${rng.int(1, 9)}.${rng.int(1, 6)}`
        : `${upstream}-${rng.int(1, 9)}${rng.chance(0.3) ? `~deb${distro.slice(-2)}u${rng.int(1, 5)}` : ''}`;
    const arch = rng.pick(['amd64', 'amd64', 'arm64', 'all']);
    return {
      ecosystem: 'deb',
      type: 'library',
      group: vendor,
      name,
      version,
      purl: `pkg:deb/${vendor}/${name}@${version}?arch=${arch}&distro=${distro}`,
      supplier: maintainer,
      ...cpeFor(rng, name, upstream),
    };
  },
  apk: (rng) => {
    const [vendor, distro, maintainer] = rng.pick(distros.apk);
    const name = rng.chance(0.5) ? `${rng.pick(words)}-libs` : rng.pick(words) + rng.pick(['', 'd', '-utils']);
    const upstream = `${rng.int(0, 9)}.${rng.int(0, 40)}.${rng.int(0, 15)}`;
    const version = `${upstream}-r${rng.int(0, 12)}`;
    return {
      ecosystem: 'apk',
      type: 'library',
      group: vendor,
      name,
      version,
      purl: `pkg:apk/${vendor}/${name}@${version}?arch=${rng.pick(['x86_64', 'aarch64'])}&distro=${distro}`,
      supplier: maintainer,
      ...cpeFor(rng, name, upstream),
    };
  },
  rpm: (rng) => {
    const [vendor, distro, maintainer] = rng.pick(distros.rpm);
    const name = `${rng.pick(words)}${rng.pick(['', '-libs', '-devel', '-common'])}`;
    const upstream = `${rng.int(0, 9)}.${rng.int(0, 40)}.${rng.int(0, 15)}`;
    const version = `${upstream}-${rng.int(1, 40)}.${distro.startsWith('fedora') ? 'fc39' : distro.startsWith('rhel') ? 'el9' : 'el7'}`;
    // purl spec (rpm): the epoch is a qualifier, not part of the version; qualifiers sorted by key.
    const epoch = rng.chance(0.25) ? `&epoch=${rng.int(1, 3)}` : '';
    return {
      ecosystem: 'rpm',
      type: 'library',
      group: vendor,
      name,
      version,
      purl: `pkg:rpm/${vendor}/${name}@${version}?arch=${rng.pick(['x86_64', 'noarch', 'aarch64'])}&distro=${distro}${epoch}`,
      supplier: maintainer,
      ...cpeFor(rng, name, upstream),
    };
  },
  generic: (rng) => {
    const version = `${rng.int(1, 12)}.${rng.int(0, 20)}.${rng.int(0, 9)}`;
    if (rng.chance(0.4)) {
      const [name, vendor] = rng.pick(rtosLibraries);
      return {
        ecosystem: 'generic',
        type: 'library',
        name,
        version,
        purl: `pkg:generic/${name}@${version}`,
        supplier: capitalized(vendor),
        cpe: cpe23('a', vendor, name.replace('-', '_'), version),
      };
    }
    const vendor = rng.pick(firmwareVendors);
    const name = `${rng.pick(['pump', 'monitor', 'sensor', 'gateway', 'ventilator', 'imaging'])}-${rng.pick(['bootloader', 'controller', 'radio', 'dsp', 'power', 'display'])}-fw`;
    return {
      ecosystem: 'generic',
      type: 'firmware',
      group: vendor,
      name,
      version,
      purl: `pkg:generic/${vendor}/${name}@${version}`,
      supplier: vendor.split('-').map(capitalized).join(' '),
      cpe: cpe23('o', vendor.replace('-', '_'), name.replaceAll('-', '_'), version),
    };
  },
};

function dashed(rng: SeededRandom): string {
  return rng.chance(0.3) ? rng.pick(words) : `${rng.pick(words)}-${rng.pick(words)}`;
}

function semver(rng: SeededRandom): string {
  const pre = rng.chance(0.08) ? `-${rng.pick(['alpha', 'beta', 'rc'])}.${rng.int(0, 9)}` : '';
  return `${rng.int(0, 15)}.${rng.int(0, 40)}.${rng.int(0, 30)}${pre}`;
}

function orgFor(rng: SeededRandom, seedWord: string): string {
  return rng.chance(0.4)
    ? rng.pick(orgs)
    : `${capitalized(seedWord.replace(/[^a-z0-9]/gi, ''))} ${rng.pick(['Contributors', 'Project', 'Labs', 'Software Inc.'])}`;
}

/** Scanners give OS packages a CPE about half the time; only plain versions, which need no CPE quoting. */
function cpeFor(rng: SeededRandom, name: string, version: string): { cpe?: string } {
  return rng.chance(0.5)
    ? { cpe: cpe23('a', name.replace(/[^a-z0-9]/g, '_'), name.replace(/[^a-z0-9]/g, '_'), version) }
    : {};
}

/** CPE 2.3 formatted string (NISTIR 7695 §6.2) with the trailing attributes as ANY. */
function cpe23(part: 'a' | 'o', vendor: string, product: string, version: string): string {
  return `cpe:2.3:${part}:${vendor}:${product}:${version}:*:*:*:*:*:*:*`;
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
