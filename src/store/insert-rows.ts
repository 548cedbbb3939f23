// Many rows into one table, fast: one prepared INSERT (drizzle placeholders for the columns the rows
// use) run once per row, with each value converted by its column as drizzle would (booleans to 0/1,
// JSON columns to text) and each missing value given its column's default. drizzle's multi-row
// `insert().values([...])` builds the SQL and its parameter list anew for every chunk, which cost an
// import about 80% of its time (200,000 runs: 43 s, most of it building queries and collecting garbage).
// Runs inside the caller's transaction like any other statement on `db`.

import { getTableColumns, SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { StoreQueryable } from "./store-queryable.js";

/** The value a row without this field gets: the column's default (a constant or a function), or NULL. */
function defaultOf(column: SQLiteColumn): unknown {
  if (column.defaultFn !== undefined) return column.mapToDriverValue(column.defaultFn());
  if (column.default instanceof SQL) {
    throw new TypeError(
      `insertRows: column ${column.name} has an SQL default; give it in every row or in none`,
    );
  }
  return column.default === undefined || column.default === null
    ? null
    : column.mapToDriverValue(column.default);
}

/** Inserts `rows` (their fields by the schema's property names) into `table`. */
export function insertRows<T extends SQLiteTable>(
  db: StoreQueryable,
  table: T,
  rows: readonly T["$inferInsert"][],
): void {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
  // The columns any row gives a value for; the others keep their SQL defaults.
  const used = columns.filter(([key]) =>
    rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  // Each placeholder inside an SQL chunk: drizzle then binds the value as given (a bare placeholder
  // would go through the column's encoder, which turns NULL into 0 or "null"); it is converted here.
  const values: Record<string, SQL> = {};
  for (const [key] of used) values[key] = sql`${sql.placeholder(key)}`;
  const statement = db
    .insert(table)
    .values(values as unknown as T["$inferInsert"])
    .prepare();
  for (const row of rows) {
    const params: Record<string, unknown> = {};
    for (const [key, column] of used) {
      const value = (row as Record<string, unknown>)[key];
      params[key] =
        value === undefined ? defaultOf(column) : value === null ? null : column.mapToDriverValue(value);
    }
    statement.run(params);
  }
}
