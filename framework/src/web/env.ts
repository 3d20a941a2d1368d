import type { Actor } from '../access/actor.ts';
import type { Runtime } from '../runtime.ts';

/** Hono environment shared by every route: the runtime, the request id and who is acting. */
export interface AppEnv {
  Variables: {
    runtime: Runtime;
    requestId: string;
    /** Undefined for an anonymous request. */
    actor: Actor | undefined;
    /** The session's id (hash) and CSRF token, when the request came with a session cookie. */
    session: { id: string; csrfToken: string } | undefined;
  };
}
