/** The shape of a message tree with every string widened, so translations must match keys, not text. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
