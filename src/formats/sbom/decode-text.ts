import { AppError } from '../../core/app-error.js';

/** 256 MiB: the default ceiling for one uploaded document. */
export const defaultMaxDocumentBytes = 256 * 1024 * 1024;

/**
 * Turns uploaded bytes into document text, refusing what no SBOM can be: oversized files,
 * binary data and invalid UTF-8. A leading byte-order mark is dropped.
 */
export function decodeDocumentText(bytes: Uint8Array, options: { fileName?: string; maxBytes?: number } = {}): string {
  const file = options.fileName;
  const maxBytes = options.maxBytes ?? defaultMaxDocumentBytes;
  if (bytes.byteLength > maxBytes) {
    throw new AppError('too-large', `document is ${bytes.byteLength} bytes, over the limit of ${maxBytes} bytes`, {
      location: { file },
    });
  }
  if (bytes.byteLength === 0) throw new AppError('invalid-input', 'document is empty', { location: { file } });
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new AppError('invalid-input', `binary data, not a text document (NUL byte at offset ${nul})`, {
      location: { file, path: `byte ${nul}` },
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new AppError('invalid-input', 'document is not valid UTF-8 text', { location: { file }, cause });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
