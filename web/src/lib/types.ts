/** The server's one list shape (`server/pagination.py`). */
export interface Page<T> {
  results: T[];
  page: number;
  pages: number;
  total: number;
}

/** What a server-side table asks for: `sort` is `field` or `-field`. */
export interface PageParams {
  page: number;
  limit: number;
  sort?: string;
  q?: string;
}
