// Confusable skeletons: what a person reads as the same symbol or host has one skeleton.
import { describe, expect, it } from 'vitest';
import { hostSkeleton, imitatedWellKnown, imitationLabel, readsAs, symbolSkeleton, visibleText } from '../../../lib/names/index.ts';

describe('symbol skeletons', () => {
  it.each([
    ['Cyrillic capital Т', '\u0422SLA', 'TSLA'],
    ['Cyrillic Ѕ and А', 'T\u0405L\u0410', 'TSLA'],
    ['Greek capitals', '\u03a4SL\u0391', 'TSLA'],
    ['Cyrillic small letters, read without case', '\u0430\u0440\u0440l', 'APPL'],
    ['a zero-width space', 'US\u200bDC', 'USDC'],
    ['a zero-width joiner and a BOM', 'U\u200dSD\ufeffC', 'USDC'],
    ['a right-to-left override', 'US\u202eDC', 'USDC'],
    ['a soft hyphen', 'US\u00adDC', 'USDC'],
    ['full-width letters', '\uff35\uff33\uff24\uff23', 'USDC'],
    ['mathematical bold letters', '\u{1d414}\u{1d412}\u{1d403}\u{1d402}', 'USDC'],
    ['a combining mark', 'U\u0301SDC', 'USDC'],
    ['mixed: full-width, Cyrillic and zero-width', '\uff34\u0405\u200bLAx', 'TSLAx'],
    ['spaces around it', ' TSLAx ', 'TSLAx'],
    ['other case', 'tslax', 'TSLAx'],
    ['a digit zero for the letter O', 'B0NK', 'BONK'],
  ])('%s reads as the plain symbol', (_, disguised, plain) => {
    expect(symbolSkeleton(disguised)).toBe(symbolSkeleton(plain));
  });

  it.each([
    ['another ticker', 'TSLA', 'TSLQ'],
    ['capital I and capital L, which do not look alike', 'AAPI', 'AAPL'],
    ['an extra letter', 'USDC', 'USDCE'],
    ['an accent-free other letter', 'AMZN', 'AMZM'],
  ])('%s keeps its own skeleton', (_, a, b) => {
    expect(symbolSkeleton(a)).not.toBe(symbolSkeleton(b));
  });

  it('is empty for text that is only invisible', () => {
    expect(symbolSkeleton('\u200b\u200c\u2066')).toBe('');
  });
});

describe('host skeletons', () => {
  it.each([
    ['a Cyrillic а', 'unisw\u0430p.org', 'uniswap.org'],
    ['rn for m', 'dinari.corn', 'dinari.com'],
    ['a digit 0 for o', 'c0w.fi', 'cow.fi'],
    ['Cyrillic о and full-width letters', '\uff43\u043ew.fi', 'cow.fi'],
  ])('%s reads as the real host', (_, lookalike, real) => {
    expect(hostSkeleton(lookalike)).toBe(hostSkeleton(real));
  });

  it('tells other hosts apart', () => {
    expect(hostSkeleton('uniswap.org')).not.toBe(hostSkeleton('uniswap.com'));
    expect(hostSkeleton('backed.fi')).not.toBe(hostSkeleton('hacked.fi'));
  });
});

describe('imitation of names', () => {
  it('a symbol or a name that reads as the target symbol, or a name that reads as its name', () => {
    const tesla = { symbol: 'TSLAx', name: 'Tesla xStock' };
    expect(readsAs({ symbol: '\u0422SLAx' }, tesla)).toBe(true);
    expect(readsAs({ symbol: 'GIFT', name: 'TSLA\u200bx' }, tesla)).toBe(true);
    expect(readsAs({ symbol: 'GIFT', name: 'Tesla x\u0405tock' }, tesla)).toBe(true);
    expect(readsAs({ symbol: 'GIFT', name: 'Free Tesla' }, tesla)).toBe(false);
    expect(readsAs({ symbol: '\u200b' }, { symbol: '\u200c' })).toBe(false);
  });

  it.each([
    ['Cyrillic', 'U\u0405DC', 'USDC'],
    ['zero-width', 'US\u200bDC', 'USDC'],
    ['full-width', '\uff25\uff34\uff28', 'ETH'],
    ['Greek', '\u0395TH', 'ETH'],
  ])('a %s spelling of a well-known symbol imitates it', (_, symbol, of) => {
    expect(imitatedWellKnown({ symbol })).toBe(of);
  });

  it('a plain well-known symbol may be the real token: no imitation', () => {
    expect(imitatedWellKnown({ symbol: 'USDC' })).toBeUndefined();
    expect(imitatedWellKnown({ symbol: 'usdc' })).toBeUndefined();
    expect(imitatedWellKnown({ symbol: 'GOOD', name: 'Good token' })).toBeUndefined();
  });

  it('names an imitation as one, with its invisible characters written out', () => {
    expect(imitationLabel('US\u200bDC', { of: 'USDC' })).toBe('US[U+200B]DC (look-alike of USDC, not it)');
    expect(imitationLabel('\u0422SLAx', { of: 'TSLAx', address: '0x1' })).toBe('\u0422SLAx (look-alike of TSLAx, not it)');
    expect(imitationLabel('MINE', undefined)).toBe('MINE');
    expect(visibleText('a\u202eb c')).toBe('a[U+202E]b c');
  });
});
