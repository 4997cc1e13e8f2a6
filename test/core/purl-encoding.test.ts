import { describe, expect, it } from 'vitest';
import { decodePurlComponent, encodePurlComponent, encodePurlSegments } from '../../src/core/purl-encoding.js';
import { Purl } from '../../src/core/purl.js';
import { errorOf } from '../support/error-of.js';

describe('encodePurlComponent', () => {
  it('returns text made only of unreserved characters and colons unchanged', () => {
    expect(encodePurlComponent('Foo.bar_baz~1-2:3')).toBe('Foo.bar_baz~1-2:3');
  });

  it('encodes from the first reserved character on, as upper-case UTF-8 triplets', () => {
    expect(encodePurlComponent('ab/c d@é€😀')).toBe('ab%2Fc%20d%40%C3%A9%E2%82%AC%F0%9F%98%80');
  });

  it('writes a lone surrogate as the replacement character U+FFFD', () => {
    expect(encodePurlComponent('a\uD800b')).toBe('a%EF%BF%BDb');
  });
});

describe('encodePurlSegments', () => {
  it('keeps slashes and encodes each segment', () => {
    expect(encodePurlSegments('lib/core')).toBe('lib/core');
    expect(encodePurlSegments('@scope/a b')).toBe('%40scope/a%20b');
  });
});

describe('decodePurlComponent', () => {
  it('returns text without % unchanged and refuses malformed triplets', () => {
    expect(decodePurlComponent('a+b', 'name')).toBe('a+b');
    expect(decodePurlComponent('%41%2f', 'name')).toBe('A/');
    expect(errorOf(() => decodePurlComponent('%zz', 'name'))).toMatchObject({ code: 'invalid-purl' });
  });
});

describe('Purl.canonicalize fast paths', () => {
  it('refuses a __proto__ qualifier key instead of dropping it silently', () => {
    expect(errorOf(() => Purl.parse('pkg:npm/a?__proto__=x'))).toMatchObject({ code: 'invalid-purl' });
  });

  it('normalises only what is not canonical', () => {
    expect(Purl.canonicalize('pkg:npm/%40babel/core@7.0.0')).toBe('pkg:npm/%40babel/core@7.0.0');
    expect(Purl.canonicalize('pkg:///PyPI//Foo_Bar@1.0?b=2&A=1#/x/./y//')).toBe('pkg:pypi/foo-bar@1.0?a=1&b=2#x/y');
    expect(Purl.canonicalize('pkg:pub/Foo-Bar@1.0')).toBe('pkg:pub/foo_bar@1.0');
    expect(Purl.canonicalize('pkg:GIT/github.com/Forgejo/Forgejo@v1')).toBe('pkg:git/github.com/forgejo/forgejo@v1');
  });
});
