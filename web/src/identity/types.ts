export const ROLES = ['owner', 'admin', 'manager', 'master'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  locale: string;
  created_at: string;
}

export interface Org {
  id: number;
  name: string;
  country: string;
  currency: string;
  created_at: string;
}

export interface Branch {
  id: number;
  name: string;
  slug: string;
  address?: string | null;
  timezone: string;
  currency: string;
  created_at: string;
}

/** Returned by signup, login, accept-invitation and GET/PATCH /me. */
export interface Session {
  user: User;
  org: Org;
  role: Role;
  branches: Branch[];
  csrf_token: string;
}

export interface SignupRequest {
  org_name: string;
  branch_name: string;
  timezone: string;
  currency: string;
  name: string;
  email: string;
  password: string;
}

export interface CreateUserRequest {
  name: string;
  email: string;
  role: Role;
  password?: string;
}

export interface CreateUserResponse {
  user: User;
  invitation_url: string | null;
}

export interface UpdateUserRequest {
  name?: string;
  role?: Role;
  active?: boolean;
}
