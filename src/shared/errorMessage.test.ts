import { describe, expect, it } from 'vitest';
import { messageOf } from './errorMessage';

describe('messageOf', () => {
  it("gives an Error's message and anything else as text", () => {
    expect(messageOf(new RangeError('too big'))).toBe('too big');
    expect(messageOf('plain text')).toBe('plain text');
    expect(messageOf(42)).toBe('42');
  });
});
