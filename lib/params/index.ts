/**
 * The page edge: what a dApp sends is parsed with a valibot schema, and a mismatch becomes the
 * EIP-1193 -32602 a dApp expects, naming the field. Each schema's own messages say what was
 * expected; the first issue is reported.
 */
import * as v from 'valibot';
import { rpcErrors } from '../errors';

export function parseDappParams<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const path = v.getDotPath(issue);
  const custom = issue.message && !issue.message.startsWith('Invalid ');
  throw rpcErrors.invalidParams(custom ? issue.message : `Invalid ${path ? `"${path}"` : 'params'}: ${issue.message}`);
}
