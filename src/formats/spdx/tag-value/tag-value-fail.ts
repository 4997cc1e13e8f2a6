import { AppError } from '../../../core/app-error.js';

/** Refuses a tag-value document at a line: AppError('invalid-input') located `line N`. */
export function tagValueFail(line: number, message: string): never {
  throw new AppError('invalid-input', `line ${line}: ${message}`, { location: { path: `line ${line}` } });
}
