import { isEcosystem, type Ecosystem } from '../../core/version/ecosystem.js';

/** An OSV `ecosystem` string split into the defined ecosystem and its suffix. */
export interface OsvEcosystem {
  /** The defined ecosystem, or undefined when the base name is not one (then see `base`). */
  readonly known?: Ecosystem;
  /** The text before the first colon, as written. */
  readonly base: string;
  /**
   * The text after the first colon: a distribution release (`11`, `v3.17`, `22.04:LTS`,
   * `Pro:18.04:LTS`, `enterprise_linux:8::appstream`) or, for language ecosystems, a registry URL.
   */
  readonly release?: string;
}

/**
 * Splits `Debian:11`, `Alpine:v3.17`, `Ubuntu:22.04:LTS`, `Red Hat:enterprise_linux:9::appstream`,
 * `AlmaLinux:8`, `Maven:https://repo.example` (OSV schema "affected[].package.ecosystem": the
 * suffix follows the first colon).
 */
export function parseOsvEcosystem(value: string): OsvEcosystem {
  const colon = value.indexOf(':');
  const base = colon === -1 ? value : value.slice(0, colon);
  const release = colon === -1 ? undefined : value.slice(colon + 1);
  return {
    base,
    ...(isEcosystem(base) ? { known: base } : {}),
    ...(release === undefined || release === '' ? {} : { release }),
  };
}
