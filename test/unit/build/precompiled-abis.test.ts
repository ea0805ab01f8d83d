// The bundle's precompiled ABIs must be exactly what viem parses at run time, for every literal
// parseAbi([...]) in lib/; a call the build step cannot read would silently cost start-up again.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { precompileAbis } from '../../../scripts/vite/precompiled-abis.ts';

const libFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? libFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const withAbis = libFiles('lib').filter((f) => readFileSync(f, 'utf8').includes('parseAbi(['));

describe('precompiled ABIs', () => {
  it('gives the JSON ABI viem parses, structs and all', () => {
    const source = `const a = parseAbi([\n  // Multicall3's (it's the one)\n  'struct Call3 { address target; bool allowFailure; bytes callData; }',\n  "function aggregate3(Call3[] calls) payable returns (bool[] ok)",\n]);`;
    const compiled = precompileAbis(source);
    expect(compiled).not.toContain('parseAbi');
    const json = JSON.parse(compiled.slice(compiled.indexOf('(') + 1, compiled.lastIndexOf(')')));
    expect(json).toEqual(
      parseAbi([
        'struct Call3 { address target; bool allowFailure; bytes callData; }',
        'function aggregate3(Call3[] calls) payable returns (bool[] ok)',
      ]),
    );
    expect(json[0].inputs[0].components.map((c: { name: string }) => c.name)).toEqual(['target', 'allowFailure', 'callData']);
  });

  it('leaves a call that is not a list of literals as written', () => {
    const source = 'const a = parseAbi([...signatures]);';
    expect(precompileAbis(source)).toBe(source);
  });

  it("fills a template literal from the file's string constants (the issuers' struct tuples)", () => {
    const source = `const QUOTE =\n  '(uint256 price, uint8 side)';\nconst a = parseAbi([\n  \`function mint(\${QUOTE} quote, bytes signature)\`,\n  'function hasRole(bytes32 role, address account) view returns (bool)',\n]);`;
    const compiled = precompileAbis(source);
    expect(compiled.slice(compiled.indexOf('const a'))).not.toContain('parseAbi');
    const json = JSON.parse(compiled.slice(compiled.indexOf('= (') + 3, compiled.lastIndexOf(')')));
    expect(json).toEqual(
      parseAbi([
        'function mint((uint256 price, uint8 side) quote, bytes signature)',
        'function hasRole(bytes32 role, address account) view returns (bool)',
      ]),
    );
  });

  it('leaves a template literal with anything but a string constant in it as written', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal
    const source = 'const a = parseAbi([`function mint(${tuple()} quote)`]);';
    expect(precompileAbis(source)).toBe(source);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal
    const unknown = 'const a = parseAbi([`function mint(${QUOTE} quote)`]);';
    expect(precompileAbis(unknown)).toBe(unknown);
  });

  it.each(withAbis)('compiles every parseAbi in %s', (file) => {
    expect(precompileAbis(readFileSync(file, 'utf8'))).not.toMatch(/\bparseAbi\(\[/);
  });
});
