import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, protocolMismatch } from './index';

describe('protocol version', () => {
  it('accepts its own version and names both versions otherwise, with what to do', () => {
    expect(protocolMismatch(PROTOCOL_VERSION)).toBeNull();
    expect(protocolMismatch(PROTOCOL_VERSION + 1)).toMatch(new RegExp(`page sends version ${PROTOCOL_VERSION + 1}, worker expects version ${PROTOCOL_VERSION}.*Reload the page`));
    expect(protocolMismatch(undefined)).toMatch(/page sends no version/);
  });
});
