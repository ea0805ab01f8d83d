import { useMemo, useState } from 'react';
import { COUNTRIES } from './countries';
import { REGIONS } from './regions';

interface Props {
  value: string;
  onChange(code: string): void;
  testId: string;
  label?: string;
}

/**
 * Country of residence: a search box narrowing a plain select whose values are ISO alpha-2 codes,
 * and, for a country some rule names regions of, the region (ISO 3166-2, e.g. UA-43).
 */
export function CountrySelect({ value, onChange, testId, label = 'Country of residence' }: Props) {
  const country = value.slice(0, 2);
  const regions = REGIONS[country];
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return COUNTRIES;
    // The chosen country stays listed so the select never shows a value it does not hold.
    return COUNTRIES.filter((c) => c.code === value.slice(0, 2) || c.name.toLowerCase().includes(q) || c.code.toLowerCase() === q);
  }, [query, value]);

  const search = (text: string) => {
    setQuery(text);
    const q = text.trim().toLowerCase();
    const matches = COUNTRIES.filter((c) => c.name.toLowerCase().includes(q) || c.code.toLowerCase() === q);
    if (q && matches.length === 1) onChange(matches[0].code);
  };

  return (
    <fieldset className="field country-select">
      <legend>{label}</legend>
      <input type="search" placeholder="Search countries" value={query} onChange={(e) => search(e.target.value)} aria-label="Search countries" />
      <select value={country} onChange={(e) => onChange(e.target.value)} data-testid={testId} required aria-label={label}>
        <option value="" disabled>
          Choose a country…
        </option>
        {shown.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name} ({c.code})
          </option>
        ))}
      </select>
      {regions && (
        <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={`${testId}-region`} aria-label="Region">
          <option value={country}>Elsewhere in the country</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
}
