import { describe, expect, it } from 'vitest';
import { alpha2Country, numericCountry } from '../../../lib/compliance';

// ERC-3643 identity registries and country modules speak ISO 3166-1 numeric.
describe('ISO 3166-1 alpha-2 -> numeric', () => {
  it.each<[string, number | undefined]>([
    ['US', 840],
    ['DE', 276],
    ['FR', 250],
    ['GB', 826],
    ['CA', 124],
    ['CN', 156],
    ['RU', 643],
    ['KP', 408],
    ['PR', 630],
    ['VI', 850],
    ['UM', 581],
    ['AF', 4],
    ['UA-43', 804],
    ['us', 840],
    ['ZW', undefined],
    ['', undefined],
  ])('%j -> %s', (place, numeric) => {
    expect(numericCountry(place)).toBe(numeric);
  });

  it('numeric -> alpha-2, and a number the table does not hold is named as a number', () => {
    expect(alpha2Country(840)).toBe('US');
    expect(alpha2Country(4)).toBe('AF');
    expect(alpha2Country(999)).toBe('country 999');
  });
});
