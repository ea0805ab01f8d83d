// @vitest-environment happy-dom
// Country of residence with regions: a rule that names regions of a country (Ondo's terms name
// Crimea, Sevastopol and four other regions of Ukraine) needs the resident to be able to say
// which region, or that they live elsewhere in the country.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { CountrySelect } from '../../../components/CountrySelect';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let container: HTMLElement | undefined;
afterEach(() => container?.remove());

function mount(value: string) {
  const chosen: string[] = [];
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(<CountrySelect value={value} onChange={(c) => chosen.push(c)} testId="jurisdiction-select" />));
  const select = (id: string) => container!.querySelector(`[data-testid="${id}"]`) as HTMLSelectElement | null;
  const choose = (id: string, option: string) =>
    act(() => {
      const el = select(id)!;
      el.value = option;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  return { select, choose, chosen };
}

describe('the country select', () => {
  it('asks no region of a country no rule divides', () => {
    const { select } = mount('DE');
    expect(select('jurisdiction-select')?.value).toBe('DE');
    expect(select('jurisdiction-select-region')).toBeNull();
  });

  it('offers the regions a rule names for Ukraine, and the rest of the country', () => {
    const { select, choose, chosen } = mount('UA');
    const region = select('jurisdiction-select-region')!;
    expect([...region.options].map((o) => o.value)).toEqual(['UA', 'UA-43', 'UA-40', 'UA-14', 'UA-09', 'UA-65', 'UA-23']);
    choose('jurisdiction-select-region', 'UA-43');
    expect(chosen).toEqual(['UA-43']);
  });

  it('shows a chosen region under its country', () => {
    const { select } = mount('UA-43');
    expect(select('jurisdiction-select')?.value).toBe('UA');
    expect(select('jurisdiction-select-region')?.value).toBe('UA-43');
  });
});
