/**
 * How many rows a CLI listing asks for: the store's hard page maximum. The CLI prints one
 * page; catalogs beyond 500 products per organization are far off.
 */
export const cliPageSize = 500;
