/**
 * Regions a rule in the registry names on its own (ISO 3166-2), by country: Ondo's terms exclude
 * these regions of Ukraine, not the whole country (lib/registry/issuer-rules.ts holds the rule).
 * A resident there must be able to say so, and one elsewhere in the country too.
 */
export const REGIONS: Readonly<Record<string, readonly { code: string; name: string }[]>> = {
  UA: [
    { code: 'UA-43', name: 'Autonomous Republic of Crimea' },
    { code: 'UA-40', name: 'Sevastopol' },
    { code: 'UA-14', name: 'Donetsk region' },
    { code: 'UA-09', name: 'Luhansk region' },
    { code: 'UA-65', name: 'Kherson region' },
    { code: 'UA-23', name: 'Zaporizhzhia region' },
  ],
};
