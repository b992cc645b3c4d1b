/** How the spreadsheets' words write numbers, the same in every language. */

/** `12,000`. */
export const count = (n: number) => n.toLocaleString('en-US');

/** `100 MB`, `2.5 MB`: one decimal below 10 MB. */
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
