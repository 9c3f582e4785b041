import { api, fetchAllPages, isApiError, setCsrfToken } from '../app/api';
import type {
  Branch,
  CreateUserRequest,
  CreateUserResponse,
  Session,
  SignupRequest,
  UpdateUserRequest,
  User,
} from './types';

/** The current session, or null when nobody is logged in (401). */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await api.get<Session>('/api/v1/me', { signal });
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export const login = (email: string, password: string) =>
  api.post<Session>('/api/v1/auth/login', { email, password });

export const signup = (body: SignupRequest) => api.post<Session>('/api/v1/signup', body);

export const acceptInvitation = (token: string, password: string) =>
  api.post<Session>('/api/v1/auth/accept-invitation', { token, password });

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/v1/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export const updateMe = (body: { name?: string; locale?: string }) =>
  api.patch<Session>('/api/v1/me', body);

export const listUsers = (signal?: AbortSignal) => fetchAllPages<User>('/api/v1/users', { signal });

export const createUser = (body: CreateUserRequest) =>
  api.post<CreateUserResponse>('/api/v1/users', body);

export const updateUser = (id: number, body: UpdateUserRequest) =>
  api.patch<User>(`/api/v1/users/${id}`, body);

export const deactivateUser = (id: number) => api.delete<User>(`/api/v1/users/${id}`);

export const listBranches = (signal?: AbortSignal) =>
  fetchAllPages<Branch>('/api/v1/branches', { signal });
