/** The package version, written into the OpenAPI document. */
export const HTTP_VERSION = '0.1.0';
