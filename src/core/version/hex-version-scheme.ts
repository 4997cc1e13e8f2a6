import { semverLikeVersionScheme } from './semver-like-version-scheme.js';

/** Hex (Erlang/Elixir): Elixir's `Version` is SemVer 2.0.0. */
export const hexVersionScheme = semverLikeVersionScheme('Hex');
