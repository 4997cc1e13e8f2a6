/** The stores the bench measures: the embedded default and PostgreSQL. */
export type StoreKind = 'sqlite' | 'postgres';
