import { AppError } from '../../src/core/app-error.js';

/** The AppError `run` throws, for asserting its code and message; fails the test when it throws none. */
export function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
