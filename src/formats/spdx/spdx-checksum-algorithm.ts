/**
 * SPDX checksum algorithm names (SPDX 2.3 §7.10) ↔ CycloneDX hash algorithm spelling, which the
 * neutral model uses. SPDX algorithms CycloneDX has no name for (SHA224, MD2, MD4, MD6, ADLER32)
 * are kept as `spdx:checksum:<ALG>` properties instead of hashes.
 */
const spdxToCycloneDx: Record<string, string> = {
  SHA1: 'SHA-1',
  SHA256: 'SHA-256',
  SHA384: 'SHA-384',
  SHA512: 'SHA-512',
  MD5: 'MD5',
  'SHA3-256': 'SHA3-256',
  'SHA3-384': 'SHA3-384',
  'SHA3-512': 'SHA3-512',
  'BLAKE2b-256': 'BLAKE2b-256',
  'BLAKE2b-384': 'BLAKE2b-384',
  'BLAKE2b-512': 'BLAKE2b-512',
  BLAKE3: 'BLAKE3',
};

const cycloneDxToSpdx = new Map(Object.entries(spdxToCycloneDx).map(([spdx, cdx]) => [cdx, spdx]));

/** Prefix of the property that carries a checksum CycloneDX cannot name. */
export const spdxChecksumPropertyPrefix = 'spdx:checksum:';

export const SpdxChecksumAlgorithm = {
  toCycloneDx: (spdx: string): string | undefined => spdxToCycloneDx[spdx],
  fromCycloneDx: (cdx: string): string | undefined => cycloneDxToSpdx.get(cdx),
};
