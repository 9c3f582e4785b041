// Shapes of the catalog API (service categories, services, rooms). Durations
// are minutes, money minor units (kopiyky), instants RFC 3339.

export interface Category {
  id: number;
  name: string;
  /** "#rrggbb" */
  color: string;
  /** An icon name ("scissors", "sparkles", ...). */
  icon: string;
  position: number;
  /** Live services in the category. */
  services: number;
}

export interface CategoryInput {
  name?: string;
  color?: string;
  icon?: string;
}

/** Inside a service the master is free for another client (minutes from its start). */
export interface Processing {
  start: number;
  duration: number;
}

/** A master who performs a service, optionally at their own price and duration. */
export interface ServiceStaff {
  staff_id: number;
  price_min: number | null;
  price_max: number | null;
  duration: number | null;
}

export interface Service {
  id: number;
  category_id: number | null;
  name: string;
  description: string;
  duration: number;
  price_min: number;
  /** null: a fixed price. */
  price_max: number | null;
  buffer_after: number;
  processing: Processing | null;
  online_booking: boolean;
  group: boolean;
  capacity: number;
  room_ids: number[];
  repeat_after_days: number | null;
  staff: ServiceStaff[];
  position: number;
  archived: boolean;
  created_at: string;
}

/** Body of POST /services and PATCH /services/{id}. */
export type ServiceInput = Partial<Omit<Service, 'id' | 'position' | 'archived' | 'created_at'>>;

export interface Closure {
  /** RFC 3339 instants. */
  start: string;
  end: string;
  reason: string;
}

export interface Room {
  id: number;
  branch_id: number;
  name: string;
  capacity: number;
  /** Services that need the room (read-only). */
  service_ids: number[];
  closures: Closure[];
  archived: boolean;
}

export interface RoomInput {
  branch_id?: number;
  name?: string;
  capacity?: number;
  closures?: Closure[];
}
