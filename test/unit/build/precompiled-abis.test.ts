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

  // Signatures built from template literals (the issuers' struct tuples) are the one kind left to run.
  it.each(withAbis)('compiles every parseAbi of plain strings in %s', (file) => {
    const left = precompileAbis(readFileSync(file, 'utf8'))
      .split(/\bparseAbi\(\[/)
      .slice(1);
    for (const call of left) expect(call.slice(0, call.indexOf(']);'))).toContain('`');
  });
});
