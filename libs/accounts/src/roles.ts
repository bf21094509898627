/** Who an account is. `admin` (regional employment agency staff) is created only by `npm run user:create-admin`. */
export const ROLES = ['worker', 'employer', 'provider', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles anyone may register for. */
export const SELF_SERVICE_ROLES = ['worker', 'employer', 'provider'] as const;
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

/** The signed-in caller of a request, with the one record each kind of account owns. */
export interface Actor {
  userId: string;
  role: Role;
  /** The login session (refresh-token family) the access token belongs to. */
  sessionId: string;
  workerId: string | null;
  employerId: string | null;
  providerId: string | null;
}
