import type { Role, SelfServiceRole } from './roles';

export interface RegisterInput {
  email: string;
  password: string;
  role: SelfServiceRole;
  displayName: string;
}

export interface CreateAdminInput {
  email: string;
  password: string;
  displayName: string;
}

export interface AccountView {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  /** The record this account owns, when it has made it. */
  workerId: string | null;
  employerId: string | null;
  providerId: string | null;
  createdAt: Date;
}

export interface AuthResult {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds. */
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  account: AccountView;
}

/** Where a request came from, for throttling. */
export interface ClientInfo {
  ip: string;
}
