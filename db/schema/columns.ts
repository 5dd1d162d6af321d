import { boolean, customType, timestamp } from "drizzle-orm/pg-core";

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** Marks rows of the demo data set, so they are never mistaken for real records and can be removed. */
export const isDemo = { isDemo: boolean("is_demo").notNull().default(false) };

export const tz = (name: string) => timestamp(name, { withTimezone: true });

/** Raw bytes (Postgres bytea), read and written as Node Buffers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});
