import { useMemo, useState } from 'react';
import { COUNTRIES } from './countries';

interface Props {
  value: string;
  onChange(code: string): void;
  testId: string;
  label?: string;
}

/** Country of residence: a search box narrowing a plain select whose values are ISO alpha-2 codes. */
export function CountrySelect({ value, onChange, testId, label = 'Country of residence' }: Props) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return COUNTRIES;
    // The chosen country stays listed so the select never shows a value it does not hold.
    return COUNTRIES.filter((c) => c.code === value || c.name.toLowerCase().includes(q) || c.code.toLowerCase() === q);
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
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} required aria-label={label}>
        <option value="" disabled>
          Choose a country…
        </option>
        {shown.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name} ({c.code})
          </option>
        ))}
      </select>
    </fieldset>
  );
}
