// A build step for the extension bundle: every `parseAbi([...])` written with literal strings is
// replaced by the ABI it yields, as JSON. The source keeps human-readable signatures; the service
// worker no longer parses about twenty ABIs each time it starts (measured: about 6 ms of its
// start-up in Node, the two issuer ABIs built from struct tuples another 4 ms). A template literal
// counts as literal when each `${NAME}` in it is a string constant of the same file
// (`const NAME = '...';`). Calls with anything else are left to run as written.
import { parseAbi } from 'viem';

const OPEN = 'parseAbi([';

/**
 * The signatures of the list that starts at `from` (just after `parseAbi([`), and where the call
 * ends; null unless the list holds only quoted strings, commas, white space and line comments.
 */
function literalList(code: string, from: number, constants: ReadonlyMap<string, string>): { signatures: string[]; end: number } | null {
  const signatures: string[] = [];
  let i = from;
  while (i < code.length) {
    const c = code[i];
    if (c === "'" || c === '"' || c === '`') {
      const close = code.indexOf(c, i + 1);
      const raw = close < 0 ? '' : code.slice(i + 1, close);
      const text = c === '`' ? fillTemplate(raw, constants) : raw;
      if (close < 0 || text === null || text.includes('\\') || text.includes('\n')) return null;
      signatures.push(text);
      i = close + 1;
    } else if (c === '/' && code[i + 1] === '/') {
      const eol = code.indexOf('\n', i);
      if (eol < 0) return null;
      i = eol + 1;
    } else if (c === ',' || /\s/.test(c)) {
      i++;
    } else if (c === ']' && code[i + 1] === ')') {
      return signatures.length > 0 ? { signatures, end: i + 2 } : null;
    } else {
      return null;
    }
  }
  return null;
}

/** The file's top-level string constants: `const NAME = '...';` (or with double quotes), optionally exported. */
function stringConstants(code: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of code.matchAll(/^(?:export )?const ([A-Za-z_$][\w$]*) =\s*(['"])([^'"\\\n]*)\2;/gm)) found.set(m[1], m[3]);
  return found;
}

/** A template literal's text with each `${NAME}` filled from `constants`; null if any part is not one. */
function fillTemplate(raw: string, constants: ReadonlyMap<string, string>): string | null {
  let unknown = false;
  const text = raw.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    const value = constants.get(name.trim());
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown || text.includes('${') ? null : text;
}

/** `code` with each literal `parseAbi([...])` replaced by its JSON ABI. */
export function precompileAbis(code: string): string {
  const constants = stringConstants(code);
  let out = '';
  let copied = 0;
  for (let at = code.indexOf(OPEN); at >= 0; at = code.indexOf(OPEN, at + OPEN.length)) {
    if (/[\w$.]/.test(code[at - 1] ?? '')) continue;
    const list = literalList(code, at + OPEN.length, constants);
    if (!list) continue;
    out += `${code.slice(copied, at)}(${JSON.stringify(parseAbi(list.signatures))})`;
    copied = list.end;
    at = list.end - OPEN.length;
  }
  return out + code.slice(copied);
}

/** The Vite plugin (typed structurally: WXT bundles its own copy of Vite's types). */
export function precompiledAbis() {
  return {
    name: 'sharekeep:precompiled-abis',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!/\/lib\/.*\.ts$/.test(id) || !code.includes('parseAbi([')) return null;
      return { code: precompileAbis(code), map: null };
    },
  };
}
