import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

/** The text fields of a posted form (files and repeated fields are ignored). */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  try {
    for (const [name, value] of Object.entries(await c.req.parseBody())) if (typeof value === 'string') fields[name] = value;
  } catch {
    // An unreadable body is an empty form: the handlers answer with their usual messages.
  }
  return fields;
}
