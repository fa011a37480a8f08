import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, passwordMatches } from './passwords.ts';

describe('passwords', () => {
  it('are hashed with argon2id at the OWASP parameters, salted differently each time', async () => {
    const first = await hashPassword('correct horse');
    assert.match(first, /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    assert.notEqual(await hashPassword('correct horse'), first);
  });

  it('match their own hash and no other password', async () => {
    const hash = await hashPassword('correct horse');
    assert.equal(await passwordMatches(hash, 'correct horse'), true);
    assert.equal(await passwordMatches(hash, 'Correct horse'), false);
    assert.equal(await passwordMatches(hash, ''), false);
  });

  it('never match when there is no account, though the decoy hash is still checked', async () => {
    assert.equal(await passwordMatches(undefined, 'not a password of anyone'), false);
    assert.equal(await passwordMatches(undefined, 'anything'), false);
  });

  it('do not match, rather than throw, against a hash that is not argon2', async () => {
    assert.equal(await passwordMatches('plain text', 'plain text'), false);
  });
});
